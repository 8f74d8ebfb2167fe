import "server-only";

export type SalesforceErrorCode =
  | "invalid_client"
  | "invalid_credentials"
  | "flow_not_enabled"
  | "unreachable"
  | "session_rejected"
  | "request_limit"
  | "api_version"
  | "invalid_field"
  | "invalid_object"
  | "malformed_query"
  | "query_timeout"
  | "connection_dropped"
  | "truncated_result"
  | "bulk_job_failed"
  | "salesforce_error";

/** A failure talking to Salesforce, with a message a support agent can act on. */
export class SalesforceError extends Error {
  readonly code: SalesforceErrorCode;
  /** Salesforce's own code (INVALID_FIELD, invalid_grant, ...) when it sent one. */
  readonly salesforceCode?: string;
  readonly status?: number;
  /** The field or object Salesforce rejected, when it named one. */
  readonly subject?: string;

  constructor(
    code: SalesforceErrorCode,
    message: string,
    details: { salesforceCode?: string; status?: number; subject?: string; cause?: unknown } = {},
  ) {
    super(message, { cause: details.cause });
    this.name = "SalesforceError";
    this.code = code;
    this.salesforceCode = details.salesforceCode;
    this.status = details.status;
    this.subject = details.subject;
  }
}

export interface ApiErrorBody {
  message: string;
  errorCode: string;
}

/** Turns a REST error response (`[{ message, errorCode }]`) into a SalesforceError. */
export function apiError(status: number, body: ApiErrorBody | undefined, apiVersion: string) {
  const code = body?.errorCode ?? `HTTP_${status}`;
  const text = body?.message ?? `Salesforce answered HTTP ${status}`;
  const reason = text.split("\n").filter(Boolean).at(-1) ?? text;
  const details = { salesforceCode: code, status, cause: body };
  switch (code) {
    case "INVALID_FIELD": {
      const field = /No such column '([^']+)'/.exec(reason)?.[1];
      if (field) {
        return new SalesforceError(
          "invalid_field",
          `Salesforce rejected the field ${field}: it does not exist or is hidden from the ` +
            "integration user. Check the field's API name and the integration user's field-level security.",
          { ...details, subject: field },
        );
      }
      return new SalesforceError(
        "invalid_field",
        `Salesforce rejected a field: ${reason}`,
        details,
      );
    }
    case "INVALID_TYPE": {
      const object = /sObject type '([^']+)'/.exec(reason)?.[1];
      const hint =
        object === "AccountContactRelation"
          ? " AccountContactRelation exists only when Contacts to Multiple Accounts is turned on in the org."
          : " Check the object's API name and the integration user's object permissions.";
      return new SalesforceError(
        "invalid_object",
        `Salesforce does not know the object ${object ?? "named in the query"}, or the integration user cannot see it.${hint}`,
        { ...details, subject: object },
      );
    }
    case "MALFORMED_QUERY":
    case "INVALID_QUERY_FILTER_OPERATOR":
      return new SalesforceError(
        "malformed_query",
        `Salesforce could not read the query: ${reason}`,
        details,
      );
    case "QUERY_TIMEOUT":
      return new SalesforceError(
        "query_timeout",
        "Salesforce stopped the query because it ran too long. Narrow the contact filters, or use the Bulk API for a large org.",
        details,
      );
    case "REQUEST_LIMIT_EXCEEDED":
      return new SalesforceError(
        "request_limit",
        "The org has used all of its daily API requests. Syncs can resume when Salesforce's 24-hour limit frees up, or the customer's admin can raise the limit.",
        details,
      );
    case "INVALID_SESSION_ID":
      return new SalesforceError(
        "session_rejected",
        "Salesforce rejected the session even after signing in again. Check that the integration user is active and has the API Enabled permission.",
        details,
      );
    case "NOT_FOUND":
      return new SalesforceError(
        status === 404 ? "api_version" : "salesforce_error",
        `Salesforce has no such resource at API version ${apiVersion}. Check the API version of the connection (for example 62.0).`,
        details,
      );
    default:
      return new SalesforceError(
        "salesforce_error",
        `Salesforce answered ${code}: ${reason}`,
        details,
      );
  }
}
