"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ScheduleForm } from "@/components/schedules/schedule-form";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { useHydrated } from "@/components/ui/use-hydrated";
import { setSchedulePausedAction } from "@/lib/actions/schedules/schedules";
import type { ScheduleRule } from "@/lib/schedules/schedule-rule";

export type ScheduleView = {
  kind: "sync" | "full_reconcile";
  description: string;
  paused: boolean;
  nextRunAt: string | null;
  rule: ScheduleRule;
};

type Props = {
  organisationId: string;
  timeZone: string;
  schedules: ScheduleView[];
  canEdit: boolean;
};

const kindLabel = { sync: "Sync", full_reconcile: "Full reconcile" } as const;

function formatWhen(iso: string | null, timeZone: string) {
  if (!iso) return "not scheduled";
  const when = new Intl.DateTimeFormat("en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone,
  }).format(new Date(iso));
  return `${when} (${timeZone})`;
}

export function ScheduleCard({ organisationId, timeZone, schedules, canEdit }: Props) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  const sync = schedules.find((s) => s.kind === "sync");

  const togglePaused = (schedule: ScheduleView) =>
    startTransition(async () => {
      const kind = schedule.kind;
      const result = await setSchedulePausedAction({
        organisationId,
        kind,
        paused: !schedule.paused,
      });
      setMessage(result.ok ? null : result.error);
      router.refresh();
    });

  return (
    <Card className="space-y-4" aria-labelledby="schedule-title">
      <CardTitle id="schedule-title">Schedule</CardTitle>
      {schedules.length === 0 && (
        <p className="text-sm text-muted-foreground">Syncs run only when an agent starts them.</p>
      )}
      <ul className="space-y-2 text-sm">
        {schedules.map((schedule) => (
          <li key={schedule.kind} className="flex flex-wrap items-center justify-between gap-2">
            <span>
              <strong>{kindLabel[schedule.kind]}</strong>: {schedule.description}
              {schedule.paused ? " — paused" : `, next ${formatWhen(schedule.nextRunAt, timeZone)}`}
            </span>
            {canEdit && (
              <Button
                variant="secondary"
                size="sm"
                disabled={!hydrated || pending}
                onClick={() => togglePaused(schedule)}
              >
                {schedule.paused ? "Resume" : "Pause"} {kindLabel[schedule.kind].toLowerCase()}
              </Button>
            )}
          </li>
        ))}
      </ul>
      {message && (
        <p role="status" className="text-sm text-danger">
          {message}
        </p>
      )}
      {canEdit && <ScheduleForm organisationId={organisationId} current={sync?.rule} />}
    </Card>
  );
}
