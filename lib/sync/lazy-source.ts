import { SyncError } from "@/lib/sync/errors";
import type { ContactSource, QueryHints, QueryPage } from "@/lib/sync/source";

/**
 * A source opened on first use. A run or preview started in the background opens Salesforce
 * inside its own error handling, so a missing connection or a refused login is recorded on
 * the run like any other failure instead of leaving it queued.
 */
export function lazySource(open: () => Promise<ContactSource>): ContactSource {
  let opened: Promise<ContactSource> | undefined;
  const source = () => (opened ??= open());
  const pages = (read: (s: ContactSource) => AsyncIterable<QueryPage>) => ({
    async *[Symbol.asyncIterator]() {
      yield* read(await source());
    },
  });
  return {
    describes: async () => (await source()).describes(),
    query: (soql, hints?: QueryHints) => pages((s) => s.query(soql, hints)),
    queryAll: (soql, hints?: QueryHints) =>
      pages((s) => {
        if (!s.queryAll) throw new SyncError("This source cannot read deleted records.");
        return s.queryAll(soql, hints);
      }),
  };
}
