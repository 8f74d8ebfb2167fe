import { openDatabase } from "@/lib/db/open";
import type { DatabaseHandle } from "@/lib/db/client";

export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export function print(text: string) {
  process.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
}

export function printJson(value: unknown) {
  print(JSON.stringify(value, null, 2));
}

/** Runs a command with a database, always closing it. */
export async function withDatabase<T>(run: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = await openDatabase();
  try {
    return await run(handle);
  } finally {
    await handle.close();
  }
}
