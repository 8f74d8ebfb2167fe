"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useHydrated } from "@/components/ui/use-hydrated";
import { saveScheduleAction } from "@/lib/actions/schedules/schedules";
import {
  INTERVAL_HOURS,
  scheduleRuleSchema,
  type ScheduleRule,
} from "@/lib/schedules/schedule-rule";

type Props = { organisationId: string; current?: ScheduleRule };

type FormValues = { type: "interval" | "cron"; everyHours: number; cron: string };

function toRule(values: FormValues): ScheduleRule {
  return values.type === "interval"
    ? { type: "interval", everyHours: Number(values.everyHours) }
    : { type: "cron", cron: values.cron };
}

/** Every N hours or a cron expression, read in the organisation's time zone. */
export function ScheduleForm({ organisationId, current }: Props) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [serverError, setServerError] = useState<string | null>(null);
  const form = useForm<FormValues>({
    defaultValues: {
      type: current?.type ?? "interval",
      everyHours: current?.type === "interval" ? current.everyHours : 6,
      cron: current?.type === "cron" ? current.cron : "",
    },
  });
  const type = useWatch({ control: form.control, name: "type" });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setServerError(null);
    const rule = toRule(values);
    const checked = scheduleRuleSchema.safeParse(rule);
    if (!checked.success) {
      form.setError(values.type === "cron" ? "cron" : "everyHours", {
        message: checked.error.issues[0]!.message,
      });
      return;
    }
    const result = await saveScheduleAction({ organisationId, kind: "sync", rule: checked.data });
    if (!result.ok) return setServerError(result.error);
    router.refresh();
  });

  return (
    <form onSubmit={submit} noValidate className="space-y-3 border-t border-border pt-4">
      <fieldset className="flex gap-4 text-sm">
        <legend className="mb-1 text-sm font-medium">Sync automatically</legend>
        <label className="flex items-center gap-2">
          <input type="radio" value="interval" {...form.register("type")} /> Every few hours
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" value="cron" {...form.register("type")} /> Cron expression
        </label>
      </fieldset>
      {type === "interval" ? (
        <FormField
          id="schedule-hours"
          label="Hours between syncs"
          error={errors.everyHours?.message}
        >
          <select
            className="h-10 rounded-md border border-border px-2 text-sm"
            {...form.register("everyHours")}
          >
            {INTERVAL_HOURS.map((hours) => (
              <option key={hours} value={hours}>
                every {hours === 1 ? "hour" : `${hours} hours`}
              </option>
            ))}
          </select>
        </FormField>
      ) : (
        <FormField
          id="schedule-cron"
          label="Cron expression"
          hint="Five fields in the organisation's time zone, e.g. 0 6 * * 1-5 for 06:00 on weekdays."
          error={errors.cron?.message}
        >
          <Input {...form.register("cron")} placeholder="0 6 * * 1-5" />
        </FormField>
      )}
      {serverError && (
        <p role="status" className="text-sm text-danger">
          {serverError}
        </p>
      )}
      <Button type="submit" size="sm" disabled={!hydrated || isSubmitting}>
        Save schedule
      </Button>
    </form>
  );
}
