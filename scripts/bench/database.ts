import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { connectDatabase, type DatabaseHandle } from "@/lib/db/client";
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { migrateDatabase } from "@/lib/db/migrate";

export type BenchDatabase = DatabaseHandle & { kind: "postgres" | "pglite"; name: string };

/**
 * A fresh database for one benchmark: `bench_<random>` on the server of `serverUrl`, dropped on
 * close, or the embedded PGlite in memory when there is no server.
 */
export async function openBenchDatabase(serverUrl: string | undefined): Promise<BenchDatabase> {
  if (!serverUrl) {
    const embedded = await startEmbeddedDatabase({ port: 0 });
    const handle = connectDatabase(embedded.url, { max: 5 });
    await migrateDatabase(handle.db);
    const close = async () => {
      await handle.close();
      await embedded.stop();
    };
    return { ...handle, kind: "pglite", name: "PGlite (in memory)", close };
  }

  const name = `bench_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = connectDatabase(url.toString(), { max: 5 });
  try {
    await migrateDatabase(handle.db);
  } catch (error) {
    await handle.close();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
    throw error;
  }
  const close = async () => {
    await handle.close();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
  return { ...handle, kind: "postgres", name: `PostgreSQL ${url.host}/${name}`, close };
}
