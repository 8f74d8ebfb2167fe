import "server-only";
import { connectDatabase, type DatabaseHandle } from "@/lib/db/client";
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { migrateDatabase } from "@/lib/db/migrate";
import { DataFolderInUse, waitForEmbeddedUrl } from "@/lib/db/owner-file";
import { env } from "@/lib/env";

/**
 * For short-lived processes (the CLI, workers, scripts): PostgreSQL when DATABASE_URL is set;
 * otherwise the running console's embedded database through its socket, or, when no console
 * runs, the data folder opened by this process for as long as it needs it.
 */
export async function openDatabase(): Promise<DatabaseHandle> {
  const settings = env();
  if (settings.DATABASE_URL) return connectDatabase(settings.DATABASE_URL);

  const running = await waitForEmbeddedUrl(settings.dataDir);
  if (running) return connectDatabase(running);

  let embedded;
  try {
    embedded = await startEmbeddedDatabase({ dataDir: settings.dataDir, port: 0 });
  } catch (error) {
    // Another process claimed the folder a moment ago: use it through its socket.
    if (!(error instanceof DataFolderInUse)) throw error;
    const url = await waitForEmbeddedUrl(settings.dataDir);
    if (!url) throw error;
    return connectDatabase(url);
  }
  const handle = connectDatabase(embedded.url);
  await migrateDatabase(handle.db);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await embedded.stop();
    },
  };
}
