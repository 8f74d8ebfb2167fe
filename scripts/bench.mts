// `npm run bench -- --contacts N [--json] [--rest] [--seed S] [--repeats R]`: a full sync, a sync with nothing
// changed and a preview of a generated org of N contacts, against fetching the same records
// alone and writing the same People alone. PostgreSQL when DATABASE_URL is set (in a database
// of its own, dropped after), else the embedded PGlite in memory.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { Command, InvalidArgumentError } from "commander";
import { childProcessEnv } from "@/lib/env";
import { formatBenchTable } from "./bench/report";

const program = new Command("bench")
  .requiredOption("--contacts <n>", "contacts to generate in the sandbox org", toCount)
  .option("--seed <n>", "generator seed: the same seed gives the same org", toCount, 42)
  .option("--rest", "keep every query on REST pages, never Bulk API 2.0", false)
  .option(
    "--repeats <n>",
    "rounds of full sync, fetch only and write only, reported as medians",
    toCount,
    3,
  )
  .option("--json", "print one JSON object", false)
  .parse();
const options = program.opts<{
  contacts: number;
  seed: number;
  rest: boolean;
  json: boolean;
  repeats: number;
}>();

// The measuring process gets throw-away secrets, so a bare DATABASE_URL is enough to run.
const secret = () => randomBytes(32).toString("base64");
const measure = fileURLToPath(new URL("./bench/measure.mts", import.meta.url));
const child = spawn(
  process.execPath,
  [
    // The measuring process collects its set-up's garbage before the clock starts (see measure).
    "--expose-gc",
    "--import",
    "tsx",
    "--conditions=react-server",
    measure,
    String(options.contacts),
    String(options.seed),
    options.rest ? "rest" : "auto",
    String(options.repeats),
  ],
  {
    stdio: ["ignore", "pipe", "inherit"],
    env: childProcessEnv({
      NEXTAUTH_SECRET: secret(),
      ENCRYPTION_KEY: secret(),
      SANDBOX_CLIENT_SECRET: secret(),
      NEXTAUTH_URL: "http://127.0.0.1:3000",
      LOG_LEVEL: "warn",
    }),
  },
);

let result: Record<string, unknown> | undefined;
createInterface({ input: child.stdout }).on("line", (line) => {
  if (line.startsWith("BENCH_RESULT ")) result = JSON.parse(line.slice("BENCH_RESULT ".length));
  else process.stderr.write(`${line}\n`);
});
const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));

if (!result) {
  process.stderr.write(`The benchmark stopped (exit code ${code}) before it finished.\n`);
  process.exit(1);
}
process.stdout.write(
  options.json ? `${JSON.stringify(result, null, 2)}\n` : formatBenchTable(result),
);

function toCount(value: string) {
  const n = Number(value.replace(/_/g, ""));
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("expected a whole number");
  return n;
}
