import "server-only";

export { bulkQueryPages, type BulkQueryOptions } from "./bulk";
export { SalesforceConnection, createSalesforceConnection } from "./connection";
export type { FieldDescribe, GlobalDescribe, SObjectDescribe } from "./describe";
export { SalesforceError, type SalesforceErrorCode } from "./errors";
export {
  queryAllRecords,
  queryPages,
  type QueryOptions,
  type QueryPage,
  type SalesforceRecord,
} from "./query";
export type { AuthFlow, ConnectionOptions, SalesforceSettings, SalesforceTokens } from "./settings";
export {
  testConnection,
  type ConnectionReport,
  type ConnectionTestResult,
} from "./test-connection";
