import { z } from "zod";
import { fieldRefSchema, filtersSchema } from "@/lib/sync/config-rules";
import { type ConfigIssue, describeZodIssue, issuesFromZod } from "@/lib/sync/issues";

/**
 * The sync config: the answers to the six onboarding questions. One schema for the wizard (through
 * zodResolver, in the browser), the server actions and the CLI. It checks the shape only; whether
 * the fields exist in the org is `validateConfig`'s job, against the live describe.
 */

export const phoneTypes = ["work", "mobile", "home", "other", "assistant", "fax"] as const;
export const noLongerMatchingRules = ["archive", "keep", "delete"] as const;
export const unmappedValueRules = ["ignore", "create"] as const;

const positionNameSchema = z
  .string({ error: "Enter a position name." })
  .trim()
  .min(1, "Enter a position name.")
  .max(100, "A position name can be at most 100 characters long.");

const multiAccountSchema = z.strictObject({
  enabled: z.boolean({ error: "Answer whether contacts relate to several accounts." }),
  includeInactiveRelations: z.boolean({ error: "Answer whether inactive relations count." }),
});

const fixedPositionsSchema = z.strictObject({
  mode: z.literal("fixed"),
  names: z.array(positionNameSchema).min(1, "Choose at least one position."),
});

const valueMappingSchema = z.strictObject({
  salesforceValue: z
    .string({ error: "Enter the Salesforce value." })
    .trim()
    .min(1, "Enter the Salesforce value."),
  positionName: positionNameSchema,
});

const fieldPositionsSchema = z.strictObject({
  mode: z.literal("field"),
  field: fieldRefSchema,
  valueMap: z.array(valueMappingSchema),
  unmapped: z.enum(unmappedValueRules, {
    error: "Choose what happens to values without a position: ignore them or create positions.",
  }),
});

const positionsSchema = z.discriminatedUnion("mode", [fixedPositionsSchema, fieldPositionsSchema], {
  error: "Choose fixed positions or positions from a Salesforce field.",
});

const phoneFieldSchema = z.strictObject({
  field: fieldRefSchema,
  type: z.enum(phoneTypes, {
    error: "Choose a phone type: work, mobile, home, other, assistant or fax.",
  }),
});

const customFieldMappingSchema = z.strictObject({
  salesforceField: fieldRefSchema,
  personField: z
    .string({ error: "Enter the person custom field name." })
    .trim()
    .min(1, "Enter the person custom field name.")
    .max(100, "A custom field name can be at most 100 characters long."),
});

const additionalSchema = z.strictObject({
  customFieldMappings: z.array(customFieldMappingSchema),
  rules: z.strictObject({
    requireEmail: z.boolean(),
    requirePhone: z.boolean(),
    onNoLongerMatching: z.enum(noLongerMatchingRules, {
      error:
        "Choose what happens to People whose contact no longer matches: archive, keep or delete.",
    }),
  }),
  notes: z.string().max(5000, "Notes can be at most 5,000 characters long."),
});

const answersSchema = z.strictObject({
  multiAccount: multiAccountSchema,
  filters: filtersSchema,
  positions: positionsSchema,
  phones: z.array(phoneFieldSchema),
  parentLevelStorage: z.boolean({ error: "Answer whether People are stored at the top parent." }),
  additional: additionalSchema,
});

export const syncConfigSchema = answersSchema.superRefine((config, ctx) => {
  for (const issue of findCrossAnswerIssues(config)) ctx.addIssue({ code: "custom", ...issue });
});

export type SyncConfig = z.infer<typeof syncConfigSchema>;
export type PhoneType = (typeof phoneTypes)[number];
export type PositionsAnswer = SyncConfig["positions"];
export type NoLongerMatchingRule = (typeof noLongerMatchingRules)[number];

/** A new organisation starts from this: no filters, nothing required, archive on leaving. */
export const defaultSyncConfig: SyncConfig = {
  multiAccount: { enabled: false, includeInactiveRelations: false },
  filters: { groups: [] },
  positions: { mode: "fixed", names: ["Primary Contact"] },
  phones: [
    { field: "Phone", type: "work" },
    { field: "MobilePhone", type: "mobile" },
  ],
  parentLevelStorage: false,
  additional: {
    customFieldMappings: [],
    rules: { requireEmail: true, requirePhone: false, onNoLongerMatching: "archive" },
    notes: "",
  },
};

export type ParsedConfig = { ok: true; config: SyncConfig } | { ok: false; issues: ConfigIssue[] };

/** The schema with agent-worded messages for missing and unknown answers too. */
export function parseSyncConfig(input: unknown): ParsedConfig {
  const parsed = syncConfigSchema.safeParse(input, { error: describeZodIssue });
  if (!parsed.success) return { ok: false, issues: issuesFromZod(parsed.error) };
  return { ok: true, config: parsed.data };
}

/** Checks that span two answers; each names the path of the answer to change. */
function findCrossAnswerIssues(config: z.infer<typeof answersSchema>) {
  const issues: { path: (string | number)[]; message: string }[] = [];
  const isRelationField = (ref: string) => /^AccountContactRelation\./i.test(ref);
  const multiAccount = config.multiAccount.enabled;

  if (
    !multiAccount &&
    config.positions.mode === "field" &&
    isRelationField(config.positions.field)
  ) {
    issues.push({
      path: ["positions", "field"],
      message: "AccountContactRelation.Roles can set positions only when multi-account is on.",
    });
  }
  if (config.positions.mode === "field") {
    const { valueMap, unmapped } = config.positions;
    if (valueMap.length === 0 && unmapped === "ignore") {
      issues.push({
        path: ["positions", "valueMap"],
        message: "Map at least one value to a position, or choose to create positions for them.",
      });
    }
  }

  config.filters.groups.forEach((group, g) =>
    group.rules.forEach((rule, r) => {
      if (multiAccount || !isRelationField(rule.field)) return;
      issues.push({
        path: ["filters", "groups", g, "rules", r, "field"],
        message:
          "AccountContactRelation fields can be used in filters only when multi-account is on.",
      });
    }),
  );

  const seenPhones = new Set<string>();
  config.phones.forEach((phone, i) => {
    const key = phone.field.toLowerCase();
    if (seenPhones.has(key)) {
      issues.push({ path: ["phones", i, "field"], message: `${phone.field} is listed twice.` });
    }
    seenPhones.add(key);
  });

  const seenPersonFields = new Set<string>();
  config.additional.customFieldMappings.forEach((mapping, i) => {
    if (!multiAccount && isRelationField(mapping.salesforceField)) {
      issues.push({
        path: ["additional", "customFieldMappings", i, "salesforceField"],
        message: "AccountContactRelation fields can be mapped only when multi-account is on.",
      });
    }
    const key = mapping.personField.toLowerCase();
    if (seenPersonFields.has(key)) {
      issues.push({
        path: ["additional", "customFieldMappings", i, "personField"],
        message: `The person field ${mapping.personField} is already mapped.`,
      });
    }
    seenPersonFields.add(key);
  });

  if (config.additional.rules.requirePhone && config.phones.length === 0) {
    issues.push({
      path: ["additional", "rules", "requirePhone"],
      message: "Requiring a phone needs at least one phone field; add one in the phones step.",
    });
  }

  return issues;
}
