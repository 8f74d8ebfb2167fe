import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

// The embedded PGlite takes no lock on its folder, so the process that opens it claims the folder
// here first (an exclusive create), then publishes the port it serves the database on; every
// other process connects through that port.

type Owner = { pid: number; port: number | null; startedAt: string };

export class EmbeddedDatabaseNotRunning extends Error {
  constructor() {
    super(
      "The embedded database is not running: start the console with `npm start` first, or set DATABASE_URL.",
    );
  }
}

export class DataFolderInUse extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `The embedded database in ${dataDir} is already open in process ${pid}; stop that one first.`,
    );
  }
}

function ownerFile(dataDir: string) {
  return path.join(dataDir, "owner.json");
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function readOwner(dataDir: string): Owner | undefined {
  const file = ownerFile(dataDir);
  if (!existsSync(file)) return undefined;
  try {
    const owner = JSON.parse(readFileSync(file, "utf8")) as Owner;
    return isAlive(owner.pid) ? owner : undefined;
  } catch {
    // Half-written by a process that is claiming the folder right now.
    return { pid: -1, port: null, startedAt: new Date().toISOString() };
  }
}

/** Claims the folder for this process, or says which live process has it. */
export function claimOwner(dataDir: string) {
  const file = ownerFile(dataDir);
  const owner: Owner = { pid: process.pid, port: null, startedAt: new Date().toISOString() };
  try {
    writeFileSync(file, JSON.stringify(owner), { flag: "wx" });
  } catch {
    const current = readOwner(dataDir);
    if (current) throw new DataFolderInUse(dataDir, current.pid);
    // A stale claim from a process that died: take it over.
    writeFileSync(file, JSON.stringify(owner));
  }
}

export function publishPort(dataDir: string, port: number) {
  const owner: Owner = { pid: process.pid, port, startedAt: new Date().toISOString() };
  writeFileSync(ownerFile(dataDir), JSON.stringify(owner, null, 2));
}

export function releaseOwner(dataDir: string) {
  const owner = readOwner(dataDir);
  if (!owner || owner.pid === process.pid) rmSync(ownerFile(dataDir), { force: true });
}

export function embeddedUrl(port: number) {
  return `postgres://postgres@127.0.0.1:${port}/postgres`;
}

/** The running owner's URL; waits while an owner is still starting up. */
export async function waitForEmbeddedUrl(
  dataDir: string,
  timeoutMs = 60_000,
): Promise<string | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const owner = readOwner(dataDir);
    if (!owner) return undefined;
    if (owner.port !== null) return embeddedUrl(owner.port);
    if (Date.now() > deadline) throw new EmbeddedDatabaseNotRunning();
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export function embeddedDatabaseUrl(dataDir: string) {
  const owner = readOwner(dataDir);
  if (!owner || owner.port === null) throw new EmbeddedDatabaseNotRunning();
  return embeddedUrl(owner.port);
}
