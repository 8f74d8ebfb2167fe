// The worker thread of lib/sync/phone-worker.ts: normalises the phone numbers of a page while the
// main thread maps the page before it.
import { parentPort } from "node:worker_threads";
import { e164Of } from "./phone-rule.mjs";

// Numbers come and go as JSON text (see Reply in phone-worker.ts).
parentPort.on("message", ({ id, items }) => {
  const results = JSON.parse(items).map(([raw, country]) => e164Of(raw, country));
  parentPort.postMessage({ id, results: JSON.stringify(results) });
});
