// A worker process for the job tests (lib/jobs/*.test.ts): the real workers and scheduler on
// the database given as the first argument, executing runs with the recording test executor.
import { parseArgs } from "node:util";
import { connectDatabase } from "@/lib/db/client";
import { startWorkers } from "@/lib/jobs/start-workers";
import { recordingExecutor } from "@/lib/jobs/test-executor";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    "work-ms": { type: "string", default: "300" },
    "heartbeat-ms": { type: "string", default: "30000" },
    "no-scheduler": { type: "boolean", default: false },
  },
});
const url = positionals[0];
if (!url) throw new Error("Usage: test-worker.mts <database url> [--work-ms N] [--no-scheduler]");

const database = connectDatabase(url, { max: 2 });
const workers = await startWorkers({
  databaseUrl: url,
  db: database.db,
  execute: recordingExecutor(database.db, { workMs: Number(values["work-ms"]) }),
  concurrency: 2,
  pollingIntervalSeconds: 0.5,
  heartbeatEveryMs: Number(values["heartbeat-ms"]),
  scheduler: values["no-scheduler"] ? false : { intervalMs: 200 },
  boss: { max: 2 },
});
process.stdout.write("ready\n");

process.once("SIGTERM", () => {
  void (async () => {
    await workers.stop({ timeoutMs: 5_000 });
    await database.close();
    process.exit(0);
  })();
});
