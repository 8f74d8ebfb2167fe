import { Worker } from "node:worker_threads";
import { logger } from "@/lib/logger";
import type { PhoneLookup } from "@/lib/sync/phones";

/**
 * Phone numbers normalised on a worker thread: about 5 µs a number (lib/sync/phone-rule.mjs), a
 * large part of mapping a record, so a run hands each page's numbers to the worker and maps
 * the page before meanwhile (lib/sync/compute-plan.ts). The same rule as on the main thread
 * (lib/sync/phone-rule.mjs). Started by the processes that run syncs (the console, `npm run
 * worker`, the CLI, the benchmark), not by Next.js, whose previews parse on their own thread.
 */
export type PhoneNormaliser = {
  normalise: (lookups: PhoneLookup[]) => Promise<(string | null)[]>;
  close: () => Promise<void>;
};

// Each way one string of JSON: cloning one string is a copy, where an array of 500 pairs is
// cloned value by value (about three times as long on the main thread).
type Reply = { id: number; results: string };

export function startPhoneWorker(): PhoneNormaliser {
  const worker = new Worker(new URL("./phone-worker-thread.mjs", import.meta.url), {
    // The thread holds the rule's metadata and one page's numbers. Unbounded, its heap filled
    // with garbage to about 130 MB on a 100,000-contact run; within these limits it stays near
    // 20 MB. Running out only stops the thread, and then the main thread parses. A young
    // generation of 2 MB collected 890 times on that run (0.7 s); 8 MB, 240 times (0.18 s).
    resourceLimits: { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 8 },
  });
  // An idle worker does not keep its process alive.
  worker.unref();
  const waiting = new Map<
    number,
    { resolve: (results: (string | null)[]) => void; reject: (e: Error) => void }
  >();
  let next = 0;
  let broken: Error | null = null;

  worker.on("message", ({ id, results }: Reply) => {
    waiting.get(id)?.resolve(JSON.parse(results) as (string | null)[]);
    waiting.delete(id);
  });
  const fail = (error: Error) => {
    if (!broken) {
      logger().warn({ err: error }, "phone worker thread stopped; runs parse numbers themselves");
    }
    broken = error;
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };
  worker.on("error", fail);
  worker.on("exit", (code) => fail(new Error(`The phone worker stopped (exit code ${code}).`)));

  return {
    normalise: (lookups) => {
      if (broken) return Promise.reject(broken);
      if (lookups.length === 0) return Promise.resolve([]);
      const id = next++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, items: JSON.stringify(lookups) });
      });
    },
    close: async () => {
      worker.removeAllListeners("exit");
      await worker.terminate();
    },
  };
}
