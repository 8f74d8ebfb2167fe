// `npm run cli -- <command>`: the console's command line. Each command lives in scripts/cli/.
import { Command } from "commander";
import { ZodError } from "zod";
import { registerAgentCommands } from "./cli/agent.mts";
import { registerOrgCommands } from "./cli/org.mts";
import { registerSyncCommands } from "./cli/sync.mts";

const program = new Command("cli")
  .description("Contact Sync Console command line")
  .showHelpAfterError()
  .configureOutput({ writeErr: (text) => process.stderr.write(text) });

registerAgentCommands(program);
registerOrgCommands(program);
registerSyncCommands(program);

try {
  await program.parseAsync(process.argv);
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
