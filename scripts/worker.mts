// A worker process on its own (`npm run worker`), for scale-out beside the console: executes
// queued sync runs and queues due scheduled ones. Any number may run, on any machine that
// reaches the database. Stops cleanly on SIGINT/SIGTERM, letting running syncs finish first.
import { openDatabase } from "@/lib/db/open";
import { ConfigurationError, env } from "@/lib/env";
import { passwordlessUrl } from "@/lib/jobs/connection-url";
import { salesforceExecutor } from "@/lib/jobs/salesforce-executor";
import { prepareSyncProcess } from "@/lib/sync/sync-process";
import { startWorkers } from "@/lib/jobs/start-workers";
import { logger } from "@/lib/logger";

function settingsOrExit() {
  try {
    return env();
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

const settings = settingsOrExit();

const log = logger();
const database = await openDatabase();
// Runs normalise phone numbers on a thread of their own while they map (lib/sync/sync-process.ts).
const { phones } = prepareSyncProcess();
const workers = await startWorkers({
  databaseUrl: settings.DATABASE_URL ?? passwordlessUrl(database.sql),
  db: database.db,
  execute: salesforceExecutor(database.db, { run: { phones } }),
});

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  log.info("worker stopping");
  await workers.stop({ timeoutMs: 30_000 });
  await phones.close();
  await database.close();
  process.exit(0);
}

process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());
