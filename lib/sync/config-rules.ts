import { z } from "zod";

/**
 * The filter rules of question 2. Pure and browser-safe: the wizard builds its rule editor from
 * these lists and validates with the same schema as the server.
 */

export const matchTypes = [
  "equals",
  "notEquals",
  "contains",
  "notContains",
  "startsWith",
  "inList",
  "notInList",
  "includesAny",
  "excludesAll",
  "greaterThan",
  "lessThan",
  "isEmpty",
  "isNotEmpty",
] as const;

export type MatchType = (typeof matchTypes)[number];

/** The words the console shows for each match type; error messages quote them too. */
export const matchTypeLabels: Record<MatchType, string> = {
  equals: "equals",
  notEquals: "does not equal",
  contains: "contains",
  notContains: "does not contain",
  startsWith: "starts with",
  inList: "in list",
  notInList: "not in list",
  includesAny: "includes any of",
  excludesAll: "excludes all of",
  greaterThan: "greater than",
  lessThan: "less than",
  isEmpty: "is empty",
  isNotEmpty: "is not empty",
};

/** How many values each match type takes: exactly one, one or more, or none. */
export const matchTypeArity: Record<MatchType, "one" | "many" | "none"> = {
  equals: "one",
  notEquals: "one",
  contains: "one",
  notContains: "one",
  startsWith: "one",
  inList: "many",
  notInList: "many",
  includesAny: "many",
  excludesAll: "many",
  greaterThan: "one",
  lessThan: "one",
  isEmpty: "none",
  isNotEmpty: "none",
};

// Salesforce accepts at most 4,000 characters for one string in a WHERE clause.
const MAX_VALUE_LENGTH = 4000;

const FIELD_REF = /^(?:(?:Contact|Account|AccountContactRelation)\.)?[A-Za-z][A-Za-z0-9_]*$/i;

/**
 * A field reference: a Contact field API name (`Title`, `Region__c`), or one prefixed with its
 * object (`Account.Industry`, `AccountContactRelation.Roles`). `Contact.Title` is accepted and
 * validation canonicalises it to `Title`.
 */
export const fieldRefSchema = z
  .string({ error: "Choose a Salesforce field." })
  .trim()
  .min(1, "Choose a Salesforce field.")
  .regex(FIELD_REF, {
    error: "Enter a Salesforce field API name such as Title, Region__c or Account.Industry.",
  });

const filterValueSchema = z
  .string({ error: "A value must be text." })
  .min(1, "A value cannot be blank; use 'is empty' to find contacts without a value.")
  .max(MAX_VALUE_LENGTH, "A value can be at most 4,000 characters long (a Salesforce limit).");

export const filterRuleSchema = z
  .strictObject({
    field: fieldRefSchema,
    match: z.enum(matchTypes, {
      error: `Choose a match type: ${Object.values(matchTypeLabels).join(", ")}.`,
    }),
    values: z.array(filterValueSchema, { error: "Values must be a list." }),
  })
  .superRefine((rule, ctx) => {
    const label = matchTypeLabels[rule.match];
    const arity = matchTypeArity[rule.match];

    if (arity === "many" && rule.values.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["values"],
        message: `Choose at least one value for '${label}'.`,
      });
    }
    if (arity === "one" && rule.values.length !== 1) {
      const message =
        rule.values.length === 0
          ? `Enter a value for '${label}'.`
          : `'${label}' takes exactly one value; use 'in list' for several values.`;
      ctx.addIssue({ code: "custom", path: ["values"], message });
    }
    if (arity === "none" && rule.values.length > 0) {
      ctx.addIssue({
        code: "custom",
        path: ["values"],
        message: `'${label}' takes no value; remove the values.`,
      });
    }
  });

/** Rules inside a group all have to match (AND); a contact matches when any group does (OR). */
export const filterGroupSchema = z.strictObject({
  rules: z
    .array(filterRuleSchema)
    .min(1, "A group needs at least one rule; remove the empty group."),
});

// Groups are objects rather than bare arrays so react-hook-form's useFieldArray can manage both
// levels; error paths read `filters.groups.0.rules.1.values`.
export const filtersSchema = z.strictObject({
  groups: z.array(filterGroupSchema),
});

export type FilterRule = z.infer<typeof filterRuleSchema>;
export type FilterGroup = z.infer<typeof filterGroupSchema>;
export type Filters = z.infer<typeof filtersSchema>;
