import { runSandboxCommand } from "@/sandbox/cli";

/**
 * `npm run cli -- sandbox [--port N] [--contacts N] [--seed DIR...] [--multi-account on|off] ...`:
 * the sandbox Salesforce org on its own, until Ctrl-C. It parses its own options.
 */
export async function runSandbox(argv: string[]) {
  const { sandbox } = await runSandboxCommand(argv);
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await sandbox.close();
}
