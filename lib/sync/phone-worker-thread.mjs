// The worker thread of lib/sync/phone-worker.ts: normalises the phone numbers of a page while the
// main thread maps the page before it.
import { parentPort } from "node:worker_threads";
import { e164Of } from "./phone-rule.mjs";

parentPort.on("message", ({ id, items }) => {
  parentPort.postMessage({ id, results: items.map(([raw, country]) => e164Of(raw, country)) });
});
