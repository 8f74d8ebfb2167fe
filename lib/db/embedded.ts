import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { claimOwner, embeddedUrl, publishPort, releaseOwner } from "@/lib/db/owner-file";
import { PGliteSessionQueue } from "@/lib/db/pglite-session-queue";

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
    mkdirSync(dataDir, { recursive: true });
    claimOwner(dataDir);
  }

  try {
    return await serve(options);
  } catch (error) {
    if (dataDir) releaseOwner(dataDir);
    throw error;
  }
}

async function serve({ dataDir, port: wantedPort }: Options): Promise<EmbeddedDatabase> {
  const pglite = await PGlite.create(dataDir ? path.join(dataDir, "pgdata") : undefined);
  const server = new PGLiteSocketServer({
    db: pglite,
    host: "127.0.0.1",
    port: wantedPort,
    maxConnections: 200,
  });
  // Replaces the library's per-message queue before any connection arrives; see the queue's notes.
  (server as unknown as { queryQueue: PGliteSessionQueue }).queryQueue = new PGliteSessionQueue(
    pglite,
  );
  await server.start();
  const port = Number(server.getServerConn().split(":").pop());
  if (dataDir) publishPort(dataDir, port);

  let stopped = false;
  return {
    url: embeddedUrl(port),
    port,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await pglite.close();
      if (dataDir) releaseOwner(dataDir);
    },
  };
}
