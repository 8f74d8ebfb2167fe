import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Select } from "@/components/wizard/controls";

type Props = { path: string; versions: number[]; from: number; to: number };

/** Picks the two versions to compare; a plain GET form, so it works before any script loads. */
export function CompareForm({ path, versions, from, to }: Props) {
  return (
    <form
      method="get"
      action={path}
      className="flex flex-wrap items-end gap-3"
      aria-label="Compare versions"
    >
      <VersionSelect name="from" label="Compare version" value={from} versions={versions} />
      <VersionSelect name="to" label="with version" value={to} versions={versions} />
      <Button type="submit" variant="secondary">
        Compare
      </Button>
    </form>
  );
}

type VersionSelectProps = { name: "from" | "to"; label: string; value: number; versions: number[] };

function VersionSelect({ name, label, value, versions }: VersionSelectProps) {
  return (
    <FormField id={`compare-${name}`} label={label}>
      <Select name={name} defaultValue={String(value)} className="w-32">
        {versions.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </Select>
    </FormField>
  );
}
