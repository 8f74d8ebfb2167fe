import v8 from "node:v8";
import { env } from "@/lib/env";
import { type PhoneNormaliser, startPhoneWorker } from "@/lib/sync/phone-worker";

/**
 * What a process that runs syncs (the console, `npm run worker`, `cli sync`, the benchmark) sets
 * up once, before its first run. Next.js does not: its previews run with its own settings.
 *
 * The garbage collector's growth: by default V8 lets the heap grow to up to four times what was
 * live after its last full collection before it collects again. A large run is mostly short-lived
 * garbage (pages, entries, batches) beside a small index (about 85 MB at 100,000 contacts), so
 * the default let a 100,000-contact run peak at about 760 MB resident. SYNC_HEAP_GROWING_PERCENT
 * sets the growth instead (50: collect at one and a half times what was live); it is not a cap,
 * so no org is too large for it, and it costs about 5% more time at 100,000 contacts (measured
 * in scripts/bench). 0 leaves V8's default.
 *
 * Allocation-site pretenuring is turned off. V8 watches which allocation sites make objects that
 * survive a young-generation collection and, past a threshold, allocates that site's objects
 * straight into the old generation. Now and then a run's first records survived a collection or
 * two (why those did was not pinned down), and V8 marked the record builder's sites long-lived
 * for the rest of the run: every record and, through them, every field of every CSV row was
 * then kept until a full collection (at 100,000 contacts: 170-200 MB promoted in the plan phase
 * against 70 MB without, and six or seven full collections against three or four; a fetch alone
 * never tripped it). Whether it tripped depended on timing, which made runs bimodal.
 */
export function prepareSyncProcess(): { phones: PhoneNormaliser } {
  const percent = env().SYNC_HEAP_GROWING_PERCENT;
  if (percent > 0) v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
  v8.setFlagsFromString("--no-allocation-site-pretenuring");
  return { phones: startPhoneWorker() };
}
