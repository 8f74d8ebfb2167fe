import { type ChildProcess, spawn } from "node:child_process";
import { createInterface, type Interface } from "node:readline";
import { fileURLToPath } from "node:url";

export type BenchAccount = { id: string; name: string; parentId: string | null };

export type SandboxReady = {
  loginUrl: string;
  clientId: string;
  clientSecret: string;
  accounts: BenchAccount[];
  liveContacts: number;
  contactsOnSeveralAccounts: number;
  summary: { accounts: number; contacts: number; indirectRelations: number; deleted: number };
};

export type SandboxChild = SandboxReady & {
  /** API requests the sandbox has served so far. */
  apiCalls: () => Promise<number>;
  /** Changes this share of the live contacts; answers how many it changed. */
  touchContacts: (share: number) => Promise<number>;
  close: () => Promise<void>;
};

const CHILD = fileURLToPath(new URL("./sandbox-child.mts", import.meta.url));

/** Starts the generated sandbox org in a child process and waits for its first line. */
export async function startSandboxChild(contacts: number, seed: number): Promise<SandboxChild> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--conditions=react-server", CHILD, String(contacts), String(seed)],
    { stdio: ["pipe", "pipe", "inherit"] },
  );
  const lines = createInterface({ input: child.stdout });
  const ready = (await nextLine(lines, child)) as SandboxReady;

  return {
    ...ready,
    apiCalls: async () => {
      child.stdin.write("stats\n");
      return ((await nextLine(lines, child)) as { apiCalls: number }).apiCalls;
    },
    touchContacts: async (share) => {
      child.stdin.write(`touch ${share}\n`);
      return ((await nextLine(lines, child)) as { touched: number }).touched;
    },
    close: async () => {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.stdin.end();
      await exited;
    },
  };
}

function nextLine(lines: Interface, child: ChildProcess): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) =>
      reject(new Error(`The sandbox process stopped (exit code ${code}) before it answered.`));
    child.once("exit", onExit);
    lines.once("line", (line) => {
      child.off("exit", onExit);
      resolve(JSON.parse(line));
    });
  });
}
