import type { OrgDescribes } from "@/lib/sync/describe";
import type { SalesforceRecord } from "@/lib/sync/record";

/**
 * What a preview or a run reads from Salesforce: the org's describes and the pages of a query
 * as they arrive. The product's one implementation is jsforce against the org (or the sandbox
 * org); keeping the seam this narrow is what lets fetch, map and plan stay unaware of HTTP.
 */
export type QueryPage = { records: SalesforceRecord[]; totalSize: number; done: boolean };

export type QueryHints = {
  /** A query known to be small (a scoped fetch): REST, without counting first for Bulk. */
  small?: boolean;
  /** Records per REST page, 200 to 2000. */
  batchSize?: number;
};

export type ContactSource = {
  describes: () => Promise<OrgDescribes>;
  /** Yields every page of the query and fails if fewer records arrive than totalSize. */
  query: (soql: string, hints?: QueryHints) => AsyncIterable<QueryPage>;
  /**
   * queryAll over REST: deleted and merged records too (IsDeleted, MasterRecordId). Sources
   * without it run full syncs only and do not fold merged contacts.
   */
  queryAll?: (soql: string, hints?: QueryHints) => AsyncIterable<QueryPage>;
};
