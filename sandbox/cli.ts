import { Command, InvalidArgumentError } from "commander";

import { type Sandbox, type SandboxOptions, startSandbox } from "./index";
import { DEFAULT_USER } from "./org/create-org";
import { samplesAvailable, seedDemoOrg } from "./seed/demo";

export interface SandboxCommandResult {
  sandbox: Sandbox;
  /** What the org was filled from, in words for the console. */
  seededFrom: string;
}

/**
 * `cli sandbox`: starts the sandbox org alone and prints how to connect to it. Takes the
 * arguments after the command name; the caller keeps the process alive and closes the sandbox.
 */
export async function runSandboxCommand(
  argv: readonly string[],
  print: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Promise<SandboxCommandResult> {
  const options = parseSandboxArgs(argv);
  let seededFrom = describeSeeds(options);
  const sandbox = await startSandbox({
    ...options.sandbox,
    populate: options.demo
      ? (org) => {
          seededFrom = `demo data from ${seedDemoOrg(org, options.sandbox.samplesDir).source}`;
        }
      : undefined,
  });
  print(`Sandbox Salesforce org listening`);
  print(`  login URL:      ${sandbox.loginUrl}`);
  print(`  client id:      ${sandbox.clientId}`);
  print(`  client secret:  ${sandbox.clientSecret}`);
  print(`  username:       ${DEFAULT_USER.username}`);
  print(
    `  password:       ${DEFAULT_USER.password} (security token ${DEFAULT_USER.securityToken})`,
  );
  print(`  data:           ${seededFrom}`);
  print(`  contacts:       ${sandbox.org.records("Contact").filter((c) => !c.IsDeleted).length}`);
  return { sandbox, seededFrom };
}

interface ParsedArgs {
  sandbox: SandboxOptions;
  demo: boolean;
}

export function parseSandboxArgs(argv: readonly string[]): ParsedArgs {
  const program = new Command("sandbox")
    .exitOverride()
    .option("--port <port>", "port on 127.0.0.1 (0 picks a free one)", toInteger, 0)
    .option("--client-id <id>", "connected app client id")
    .option("--client-secret <secret>", "connected app client secret")
    .option("--contacts <n>", "generate this many contacts", toInteger)
    .option("--seed <dirs...>", "sfdx data-tree folders to load")
    .option("--samples <dir>", "Salesforce samples folder (its describes/ are served)")
    .option("--demo", "seed the demo org from the samples, or generate one without them", false)
    .option("--multi-account <on|off>", "Contacts to Multiple Accounts", toSwitch, true)
    .option("--person-accounts <on|off>", "person accounts", toSwitch, false)
    .option("--latency <ms>", "delay every response", toInteger, 0)
    .option("--api-limit <n>", "daily API request limit", toInteger);
  program.parse([...argv], { from: "user" });
  const o = program.opts<{
    port: number;
    clientId?: string;
    clientSecret?: string;
    contacts?: number;
    seed?: string[];
    samples?: string;
    demo: boolean;
    multiAccount: boolean;
    personAccounts: boolean;
    latency: number;
    apiLimit?: number;
  }>();
  return {
    demo: o.demo,
    sandbox: {
      port: o.port,
      clientId: o.clientId,
      clientSecret: o.clientSecret,
      generate: o.contacts,
      seedDirs: o.seed,
      samplesDir: samplesAvailable(o.samples) ? o.samples : undefined,
      multiAccount: o.multiAccount,
      personAccounts: o.personAccounts,
      latencyMs: o.latency,
      apiLimit: o.apiLimit,
    },
  };
}

function describeSeeds({ sandbox }: ParsedArgs): string {
  const parts = [
    ...(sandbox.seedDirs ?? []).map((dir) => `seed ${dir}`),
    ...(sandbox.generate ? [`${String(sandbox.generate)} generated contacts`] : []),
  ];
  return parts.join(", ") || "an empty org";
}

function toInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError("expected a whole number");
  return n;
}

function toSwitch(value: string): boolean {
  if (value === "on" || value === "off") return value === "on";
  throw new InvalidArgumentError("expected on or off");
}
