// `npm run cli -- <command>`: the console's command line. Each command lives in scripts/cli/.
import { Command } from "commander";
import { ZodError } from "zod";
import { registerAgentCommands } from "./cli/agent.mts";
import { registerOrgCommands } from "./cli/org.mts";
import { runSandbox } from "./cli/sandbox.mts";
import { registerSyncCommands } from "./cli/sync.mts";

const program = new Command("cli")
  .description("Contact Sync Console command line")
  .showHelpAfterError()
  .configureOutput({ writeErr: (text) => process.stderr.write(text) });

registerAgentCommands(program);
registerOrgCommands(program);
registerSyncCommands(program);

program
  .command("sandbox")
  .description("start the sandbox Salesforce org alone (see `cli sandbox --help`)")
  .helpOption(false)
  .allowUnknownOption();

try {
  const [command, ...rest] = process.argv.slice(2);
  if (command === "sandbox") await runSandbox(rest);
  else await program.parseAsync(process.argv);
} catch (error) {
  const message =
    error instanceof ZodError
      ? error.issues.map((issue) => issue.message).join(" ")
      : error instanceof Error
        ? error.message
        : String(error);
  process.stderr.write(`${message}\n`);
  process.exitCode = 1;
}
