import type { ContactSource } from "@/lib/sync/source";

/**
 * A source opened on first use. A run or preview started in the background opens Salesforce
 * inside its own error handling, so a missing connection or a refused login is recorded on
 * the run like any other failure instead of leaving it queued.
 */
export function lazySource(open: () => Promise<ContactSource>): ContactSource {
  let opened: Promise<ContactSource> | undefined;
  const source = () => (opened ??= open());
  return {
    describes: async () => (await source()).describes(),
    query: (soql) => ({
      async *[Symbol.asyncIterator]() {
        yield* (await source()).query(soql);
      },
    }),
  };
}
