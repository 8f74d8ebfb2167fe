import { PreviewRows } from "@/components/preview/preview-rows";
import type { FirstLookRow } from "@/lib/sync/preview-first-look";

const SHOWN = 50;

/** The first contacts through the map while the whole plan is still being computed. */
export function FirstLook({ rows }: { rows: FirstLookRow[] }) {
  return (
    <section aria-labelledby="first-look-heading" className="space-y-2" data-testid="first-look">
      <h3 id="first-look-heading" className="font-medium">
        First look: the first {Math.min(rows.length, SHOWN)} records from Salesforce
      </h3>
      <p className="text-sm text-muted-foreground">
        Where each contact lands, with its positions, phones and custom fields, exactly as the sync
        maps it. Whether it creates, updates or leaves a person unchanged, and the counts, appear
        when every contact is planned.
      </p>
      <PreviewRows rows={rows.slice(0, SHOWN)} caption="The first contacts of the preview" />
    </section>
  );
}
