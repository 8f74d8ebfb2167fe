import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";

/** A real worker process (scripts/worker/test-worker.mts) for the job tests. */
export function startWorkerProcess(url: string, args: string[] = []) {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "--conditions=react-server",
      "scripts/worker/test-worker.mts",
      url,
      ...args,
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stderr!.on("data", (chunk) => (output += chunk));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk) => String(chunk).includes("ready") && resolve());
    child.once("exit", (code) => reject(new Error(`worker exited (${code}): ${output}`)));
  });
  return { child, ready, output: () => output };
}

export type WorkerProcess = ReturnType<typeof startWorkerProcess>;

/** Stops a worker as an operator would (SIGTERM), or kills it as a crash does (SIGKILL). */
export async function stopWorkerProcess(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM") {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const exited = once(child, "exit");
  child.kill(signal);
  const [code] = await exited;
  return code as number | null;
}
