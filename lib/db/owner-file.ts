import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

// The embedded PGlite takes no lock on its folder, so the process that opens it says so here and
// every other process connects to it through the socket it serves.

type Owner = { pid: number; port: number; startedAt: string };

export class EmbeddedDatabaseNotRunning extends Error {
  constructor() {
    super(
      "The embedded database is not running: start the console with `npm start` first, or set DATABASE_URL.",
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
  const owner = JSON.parse(readFileSync(file, "utf8")) as Owner;
  return isAlive(owner.pid) ? owner : undefined;
}

export function writeOwner(dataDir: string, port: number) {
  const owner: Owner = { pid: process.pid, port, startedAt: new Date().toISOString() };
  writeFileSync(ownerFile(dataDir), JSON.stringify(owner, null, 2));
}

export function removeOwner(dataDir: string) {
  const owner = readOwner(dataDir);
  if (!owner || owner.pid === process.pid) rmSync(ownerFile(dataDir), { force: true });
}

export function embeddedUrl(port: number) {
  return `postgres://postgres@127.0.0.1:${port}/postgres`;
}

export function embeddedDatabaseUrl(dataDir: string) {
  const owner = readOwner(dataDir);
  if (!owner) throw new EmbeddedDatabaseNotRunning();
  return embeddedUrl(owner.port);
}
