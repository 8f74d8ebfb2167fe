import type { QueryPage } from "@/lib/sync/source";

/**
 * A query's pages with the first one asked for at once, so Salesforce works on it (a Bulk API
 * job takes a second or more before its first page) while the caller loads what it needs
 * before reading. `close` gives the query up, its job deleted, when the caller fails first; it
 * settles only once the first page has (a Bulk job finishing), so a caller that fails need not
 * wait for it.
 */
export function askedEarly(pages: AsyncIterable<QueryPage>) {
  const iterator = pages[Symbol.asyncIterator]();
  const first = iterator.next();
  // Thrown when the pages are read; a caller that fails before reading closes instead.
  first.catch(() => undefined);
  let read = false;

  return {
    pages: {
      async *[Symbol.asyncIterator]() {
        read = true;
        try {
          for (let next = await first; !next.done; next = await iterator.next()) {
            yield next.value;
          }
        } finally {
          await iterator.return?.();
        }
      },
    } satisfies AsyncIterable<QueryPage>,
    close: async () => {
      if (read) return;
      await first.catch(() => undefined);
      await iterator.return?.();
    },
  };
}
