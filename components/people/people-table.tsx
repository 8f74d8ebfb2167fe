import Link from "next/link";
import { formatDateTime } from "@/components/ui/format";
import type { PersonRow } from "@/lib/people/queries";

type Props = { organisationId: string; people: PersonRow[]; instanceUrl: string | null };

const name = (person: PersonRow) =>
  [person.firstName, person.lastName].filter(Boolean).join(" ") || "(no name)";

/** Every person on a customer: synced and manual, archived ones last and marked. */
export function PeopleTable({ organisationId, people, instanceUrl }: Props) {
  if (people.length === 0)
    return <p className="text-sm text-muted-foreground">No People on this customer.</p>;
  return (
    <table className="w-full text-left text-sm" data-testid="people-table">
      <caption className="sr-only">People on this customer</caption>
      <thead className="border-b border-border text-muted-foreground">
        <tr>
          <th scope="col" className="py-2">
            Person
          </th>
          <th scope="col">Positions</th>
          <th scope="col">Phones</th>
          <th scope="col">Source</th>
          <th scope="col">Last written by</th>
        </tr>
      </thead>
      <tbody>
        {people.map((person) => (
          <tr
            key={person.id}
            className="border-b border-border align-top"
            data-person-email={person.email ?? ""}
          >
            <td className="py-2">
              <span className="font-medium">{name(person)}</span>
              {person.archivedAt && (
                <span className="ml-2 rounded bg-amber-100 px-1.5 text-xs text-amber-900">
                  Archived {formatDateTime(person.archivedAt)}
                </span>
              )}
              <span className="block text-xs text-muted-foreground">
                {person.email ?? "no email"}
              </span>
              {Object.entries(person.customFields).map(([key, value]) => (
                <span key={key} className="block text-xs text-muted-foreground">
                  {key}: {value ?? "empty"}
                </span>
              ))}
            </td>
            <td>{person.positions.join(", ") || "—"}</td>
            <td>
              {person.phones.map((phone) => (
                <span key={`${phone.type}-${phone.raw}`} className="block">
                  {phone.e164 ?? phone.raw}{" "}
                  <span className="text-xs text-muted-foreground">
                    ({phone.type}
                    {phone.e164 && phone.e164 !== phone.raw ? `, written ${phone.raw}` : ""})
                  </span>
                </span>
              ))}
            </td>
            <td>
              {person.source === "manual" ? "Manual" : "Salesforce"}
              {person.salesforceContactId && (
                <span className="block text-xs">
                  {instanceUrl ? (
                    <a
                      className="text-brand underline"
                      href={`${instanceUrl}/${person.salesforceContactId}`}
                      target="_blank"
                      rel="noreferrer"
                    >
                      Contact {person.salesforceContactId}
                    </a>
                  ) : (
                    `Contact ${person.salesforceContactId}`
                  )}
                </span>
              )}
            </td>
            <td>
              {person.lastRunId ? (
                <Link
                  className="text-brand underline"
                  href={`/organisations/${organisationId}/runs/${person.lastRunId}`}
                >
                  Run of {formatDateTime(person.lastRunAt)}
                </Link>
              ) : (
                "—"
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
