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
      <FormField id="compare-from" label="Compare version">
        <Select name="from" defaultValue={String(from)} className="w-32">
          {versions.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </Select>
      </FormField>
      <FormField id="compare-to" label="with version">
        <Select name="to" defaultValue={String(to)} className="w-32">
          {versions.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </Select>
      </FormField>
      <Button type="submit" variant="secondary">
        Compare
      </Button>
    </form>
  );
}
