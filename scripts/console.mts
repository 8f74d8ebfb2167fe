// Starts the console: the database (the embedded PGlite owner, or migrations on DATABASE_URL),
// the sandbox Salesforce org on the embedded default, then Next.js as a child process. Stops
// them in reverse order on SIGINT/SIGTERM so the data folder is always closed cleanly.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { ensureFirstAdmin } from "@/lib/agents/first-admin";
import { ensureDemoOrganisation } from "@/lib/demo/demo-organisation";
import { startConsoleSandbox } from "@/lib/demo/start-sandbox";
import { connectDatabase } from "@/lib/db/client";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded";
import { migrateDatabase } from "@/lib/db/migrate";
import { salesforceExecutor } from "@/lib/jobs/salesforce-executor";
import { prepareSyncProcess } from "@/lib/sync/sync-process";
import { startWorkers } from "@/lib/jobs/start-workers";
import { childProcessEnv, ConfigurationError, env } from "@/lib/env";
import { logger } from "@/lib/logger";

const mode = process.argv[2] === "dev" ? "dev" : "start";

function settingsOrExit() {
  try {
    return env();
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

async function exitIfPortTaken(host: string, port: number) {
  const free = await new Promise<boolean>((resolve) => {
    const probe = createServer()
      .once("error", () => resolve(false))
      .listen(port, host, () => probe.close(() => resolve(true)));
  });
  if (free) return;
  process.stderr.write(
    `Port ${port} on ${host} is already in use: stop what runs there or set PORT.\n`,
  );
  process.exit(1);
}

const settings = settingsOrExit();
await exitIfPortTaken(settings.HOST, settings.PORT);
const log = logger();
let embedded: EmbeddedDatabase | undefined;
let stopping = false;

if (settings.embedded) {
  embedded = await startEmbeddedDatabase({ dataDir: settings.dataDir, port: settings.PGLITE_PORT });
  log.info({ port: embedded.port, dataDir: settings.DATA_DIR }, "embedded database ready");
}

const database = connectDatabase(embedded?.url ?? settings.DATABASE_URL!, { max: 4 });
await migrateDatabase(database.db);
log.info("database migrated");

if (settings.embedded) {
  const admin = await ensureFirstAdmin(database.db);
  // Printed to the terminal once, never through the logger.
  if (admin) {
    process.stdout.write(
      `\nFirst admin created. Sign in at ${settings.NEXTAUTH_URL} with\n  email:    ${admin.email}\n  password: ${admin.password}\nThis password is shown only now.\n\n`,
    );
  }
}

const sandbox = settings.SANDBOX === "on" ? await startConsoleSandbox(settings) : undefined;
if (sandbox) {
  const accounts = sandbox.org
    .records("Account")
    .map((account) => ({ id: String(account.Id), name: String(account.Name) }));
  const demo = await ensureDemoOrganisation(database.db, accounts, {
    loginUrl: sandbox.loginUrl,
    clientId: sandbox.clientId,
    clientSecret: sandbox.clientSecret,
  });
  log.info({ created: demo.created }, "demo organisation ready");
}

// Runs normalise phone numbers on a thread of their own while they map (lib/sync/sync-process.ts).
const { phones } = prepareSyncProcess();
const workers = await startWorkers({
  databaseUrl: embedded?.url ?? settings.DATABASE_URL!,
  db: database.db,
  execute: salesforceExecutor(database.db, { run: { phones } }),
});

const nextBin = "node_modules/next/dist/bin/next";
const next: ChildProcess = spawn(
  process.execPath,
  [nextBin, mode, "-H", settings.HOST, "-p", String(settings.PORT)],
  {
    stdio: "inherit",
    env: childProcessEnv({
      NEXTAUTH_URL: settings.NEXTAUTH_URL,
      NEXTAUTH_SECRET: settings.NEXTAUTH_SECRET,
    }),
  },
);
log.info({ url: settings.NEXTAUTH_URL, mode }, "console starting");

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  if (next.exitCode === null) {
    const exited = new Promise((resolve) => next.once("exit", resolve));
    next.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  }
  await workers.stop({ timeoutMs: 20_000 });
  await phones.close();
  await sandbox?.close();
  await database.close();
  await embedded?.stop();
  log.info("console stopped");
  process.exit(code);
}

next.on("exit", (code) => void shutdown(code ?? 0));
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
