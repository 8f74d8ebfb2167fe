import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { embeddedUrl, readOwner, removeOwner, writeOwner } from "@/lib/db/owner-file";

export type EmbeddedDatabase = { url: string; port: number; stop: () => Promise<void> };

type Options = {
  /** The data folder; omitted for a throw-away in-memory database (tests). */
  dataDir?: string;
  port: number;
};

/** Opens PGlite in this process and serves it on a loopback port to every other process. */
export async function startEmbeddedDatabase(options: Options): Promise<EmbeddedDatabase> {
  const { dataDir } = options;
  if (dataDir) {
    const owner = readOwner(dataDir);
    if (owner) {
      throw new Error(
        `The embedded database in ${dataDir} is already open in process ${owner.pid}; stop that one first.`,
      );
    }
    mkdirSync(dataDir, { recursive: true });
  }

  const pglite = await PGlite.create(dataDir ? path.join(dataDir, "pgdata") : undefined);
  const server = new PGLiteSocketServer({
    db: pglite,
    host: "127.0.0.1",
    port: options.port,
    maxConnections: 200,
  });
  await server.start();
  const port = Number(server.getServerConn().split(":").pop());
  if (dataDir) writeOwner(dataDir, port);

  let stopped = false;
  return {
    url: embeddedUrl(port),
    port,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await pglite.close();
      if (dataDir) removeOwner(dataDir);
    },
  };
}
