import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { connectDatabase, type DatabaseHandle } from "@/lib/db/client";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded";

describe("the embedded database served over a socket", () => {
  let embedded: EmbeddedDatabase;
  let clients: DatabaseHandle[];

  beforeAll(async () => {
    embedded = await startEmbeddedDatabase({ port: 0 });
    clients = [1, 2, 3].map(() => connectDatabase(embedded.url, { max: 4 }));
  });

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await embedded.stop();
  });

  test("keeps concurrent parameterised queries from many connections apart", async () => {
    const queries = Array.from({ length: 60 }, (_, i) => {
      // Unnamed statements, as drizzle sends them: the case that collides on a shared session.
      const { sql: client } = clients[i % clients.length]!;
      return i % 2 === 0
        ? client.unsafe("select $1::int as a", [i]).then((rows) => rows[0]!.a)
        : client
            .unsafe("select $1::int + $2::int as a", [i, 1000])
            .then((rows) => rows[0]!.a - 1000);
    });
    expect(await Promise.all(queries)).toEqual(Array.from({ length: 60 }, (_, i) => i));
  });

  test("lets no other connection in while a transaction is open", async () => {
    const [a, b] = clients;
    await a!.db.execute(sql`create table counter (n int)`);
    await a!.db.execute(sql`insert into counter values (0)`);

    const inside = a!.db.transaction(async (tx) => {
      await tx.execute(sql`update counter set n = n + 1`);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const [row] = await tx.execute<{ n: number }>(sql`select n from counter`);
      return row!.n;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const outside = b!.db.execute<{ n: number }>(sql`select n from counter`);

    expect(await inside).toBe(1);
    expect((await outside)[0]!.n).toBe(1);
  });

  test("rolls back the transaction of a connection that goes away", async () => {
    const lost = connectDatabase(embedded.url, { max: 1 });
    await lost.sql`create table lost (n int)`;
    const reserved = await lost.sql.reserve();
    await reserved`begin`;
    await reserved`insert into lost values (1)`;
    await lost.sql.end({ timeout: 0 });

    const [row] = await clients[0]!.sql`select count(*)::int as n from lost`;
    expect(row!.n).toBe(0);
  });
});
