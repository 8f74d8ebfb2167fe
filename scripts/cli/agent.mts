import type { Command } from "commander";
import { resetAgentPassword, roleSchema, upsertAgent } from "@/lib/agents/agents";
import { generatePassword } from "@/lib/auth/password";
import { print, printJson, readStdin, withDatabase } from "./io.mts";

type AddOptions = {
  email: string;
  role: string;
  name?: string;
  passwordStdin?: boolean;
  json?: boolean;
};

async function addAgent(options: AddOptions) {
  const role = roleSchema.parse(options.role);
  const typed = options.passwordStdin ? (await readStdin()).trim() : undefined;
  const password = typed || generatePassword();

  const { agent, created } = await withDatabase(({ db }) =>
    upsertAgent(db, { email: options.email, role, password, name: options.name }),
  );

  if (options.json)
    return printJson({ id: agent.id, email: agent.email, role: agent.role, created });
  print(`${created ? "Added" : "Updated"} ${agent.email} as ${agent.role}.`);
  if (!typed) print(`Password (shown only now): ${password}`);
}

export function registerAgentCommands(program: Command) {
  const agent = program.command("agent").description("manage the agents who can sign in");

  agent
    .command("add")
    .description("add an agent, or give an existing one this role and a new password")
    .requiredOption("--email <email>", "the agent's email address")
    .requiredOption("--role <role>", "admin, agent or viewer")
    .option("--name <name>", "display name")
    .option("--password-stdin", "read the password from standard input instead of generating one")
    .option("--json", "machine-readable output")
    .action(addAgent);

  agent
    .command("reset-password")
    .description("give an existing agent a new generated password")
    .requiredOption("--email <email>", "the agent's email address")
    .action(async (options: { email: string }) => {
      const password = generatePassword();
      const agent = await withDatabase(({ db }) => resetAgentPassword(db, options.email, password));
      print(`New password for ${agent.email} (shown only now): ${password}`);
    });
}
