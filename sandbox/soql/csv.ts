import { ApiError } from "../errors";
import type { SandboxOrg } from "../org/org";
import type { SfRecord } from "../org/values";
import { pathGetter } from "./fields";
import type { QueryPlan } from "./plan";

export const COLUMN_DELIMITERS: Record<string, string> = {
  COMMA: ",",
  TAB: "\t",
  PIPE: "|",
  SEMICOLON: ";",
  CARET: "^",
  BACKQUOTE: "`",
};

/**
 * Bulk API 2.0 CSV: one column per selected field named by its path (`Account.Name`), every
 * value quoted, null as an empty value, datetimes in UTC with a `Z`.
 */
export function csvWriter(org: SandboxOrg, plan: QueryPlan, delimiter: string, lineEnding: string) {
  const columns = plan.selects.map((item) => {
    if (item.kind !== "field") {
      throw new ApiError(
        400,
        "API_ERROR",
        "FeatureNotEnabled : Aggregate Relationships not supported in Bulk Query",
      );
    }
    if (item.path.field.type === "address") {
      throw new ApiError(
        400,
        "API_ERROR",
        `FeatureNotEnabled : Cannot serialize value for '${item.path.canonical}' in CSV format`,
      );
    }
    const get = pathGetter(org, item.path);
    const type = item.path.field.type;
    return {
      header: item.path.canonical,
      read: (record: SfRecord) => {
        const value = get(record);
        if (value === null) return "";
        return type === "datetime" ? new Date(Number(value)).toISOString() : String(value);
      },
    };
  });
  const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;
  return (records: readonly SfRecord[]): string => {
    const lines = [columns.map((c) => quote(c.header)).join(delimiter)];
    for (const record of records)
      lines.push(columns.map((c) => quote(c.read(record))).join(delimiter));
    return lines.join(lineEnding) + lineEnding;
  };
}
