import type { ConfigChange } from "@/lib/sync/config-diff";

const show = (value: unknown) =>
  value === null || value === undefined
    ? "—"
    : typeof value === "string"
      ? value
      : JSON.stringify(value);

/** Two versions side by side, answer by answer: only what differs. */
export function VersionDiff({
  changes,
  from,
  to,
}: {
  changes: ConfigChange[];
  from: number;
  to: number;
}) {
  if (changes.length === 0) {
    return (
      <p className="text-sm" role="status">
        Versions {from} and {to} have the same answers.
      </p>
    );
  }
  return (
    <table className="w-full table-fixed text-left text-sm" data-testid="version-diff">
      <caption className="sr-only">
        Answers that differ between version {from} and version {to}
      </caption>
      <thead className="border-b border-border text-muted-foreground">
        <tr>
          <th scope="col" className="w-1/4 py-2">
            Answer
          </th>
          <th scope="col">Version {from}</th>
          <th scope="col">Version {to}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change) => (
          <tr key={change.path} className="border-b border-border align-top">
            <th scope="row" className="py-2 font-mono text-xs font-normal">
              {change.path}
            </th>
            <td className="break-words font-mono text-xs">{show(change.before)}</td>
            <td className="break-words font-mono text-xs">{show(change.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
