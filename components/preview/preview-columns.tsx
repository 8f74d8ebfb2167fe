import type { ReactNode } from "react";
import { OutcomeBadge } from "@/components/preview/outcome-badge";
import { describeChange } from "@/lib/sync/explain-words";
import type { PersonChange } from "@/lib/sync/person-diff";
import type { StoredPreviewEntry } from "@/lib/sync/preview-entry";
import type { Outcome } from "@/lib/sync/plan-types";

/** A row of the preview table; a first-look row has no outcome until the plan is done. */
export type PreviewTableRow = {
  seq: number;
  outcome: Outcome | null;
  reason: string | null;
  entry: StoredPreviewEntry;
};

/** The preview table's columns: one header and one cell renderer each. */
export type PreviewColumn = {
  key: string;
  header: string;
  cell: (row: PreviewTableRow) => ReactNode;
};

const muted = (text: ReactNode) => (
  <span className="block text-xs text-muted-foreground">{text}</span>
);

export const previewColumns: PreviewColumn[] = [
  {
    key: "contact",
    header: "Salesforce contact",
    cell: ({ entry }) => (
      <>
        <span className="font-medium">{entry.contact.name}</span>
        {muted(entry.contact.email ?? "no email")}
        {muted(entry.contact.id)}
        {entry.contact.accountName && muted(`Account: ${entry.contact.accountName}`)}
      </>
    ),
  },
  {
    key: "customer",
    header: "Lands on",
    cell: ({ entry }) => {
      if (!entry.customer) return muted("no customer");
      const children = entry.matchedCustomers.filter((c) => c.id !== entry.customer?.id);
      return (
        <>
          {entry.customer.name}
          {children.length > 0 && muted(`top parent of ${children.map((c) => c.name).join(", ")}`)}
        </>
      );
    },
  },
  {
    key: "positions",
    header: "Positions",
    cell: ({ entry }) => entry.person?.positions.join(", ") || muted("none"),
  },
  {
    key: "phones",
    header: "Phones (as written → E.164)",
    cell: ({ entry }) =>
      entry.person?.phones.length ? (
        <ul>
          {entry.person.phones.map((phone) => (
            <li key={`${phone.sourceField}-${phone.raw}`}>
              {phone.raw} → {phone.e164 ?? <span className="text-danger">not readable</span>}
              {muted(`${phone.type}, from ${phone.sourceField}`)}
            </li>
          ))}
        </ul>
      ) : (
        muted("none")
      ),
  },
  {
    key: "customFields",
    header: "Custom fields",
    cell: ({ entry }) => {
      const fields = Object.entries(entry.person?.customFields ?? {});
      if (fields.length === 0) return muted("none");
      return (
        <ul>
          {fields.map(([key, value]) => (
            <li key={key}>
              {key}: {value ?? <span className="text-muted-foreground">empty</span>}
            </li>
          ))}
        </ul>
      );
    },
  },
  {
    key: "outcome",
    header: "Outcome",
    cell: ({ outcome, reason, entry }) => (
      <>
        {outcome ? <OutcomeBadge outcome={outcome} /> : muted("Planning…")}
        {reason && <span className="mt-1 block text-xs">{reason}</span>}
        {entry.changes.length > 0 && (
          <ul className="mt-1 text-xs" aria-label="Changes">
            {(entry.changes as PersonChange[]).map((change) => (
              <li key={describeChange(change)}>{describeChange(change)}</li>
            ))}
          </ul>
        )}
      </>
    ),
  },
];
