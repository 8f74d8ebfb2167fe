import { z } from "zod";
import { parseSyncConfig, type SyncConfig } from "@/lib/sync/config";
import { type ConfigIssue, describeZodIssue, issuesFromZod } from "@/lib/sync/issues";

export const CONFIG_FORMAT = "contact-sync-config";
export const CONFIG_FORMAT_VERSION = 1;

/** The README section for the file format; kept beside the code that reads and writes it. */
export const configFormatDoc = `## Sync config files

\`npm run cli -- config export ORG\` writes, and \`config import ORG FILE\` reads, one JSON object:

\`\`\`json
{
  "format": "contact-sync-config",
  "formatVersion": 1,
  "organisation": "Acme Ltd",
  "configVersion": 3,
  "exportedAt": "2025-01-31T09:00:00.000Z",
  "config": {
    "multiAccount": { "enabled": true, "includeInactiveRelations": false },
    "filters": {
      "groups": [
        { "rules": [{ "field": "Title", "match": "contains", "values": ["Finance"] }] },
        { "rules": [{ "field": "Account.Type", "match": "inList", "values": ["Customer"] }] }
      ]
    },
    "positions": {
      "mode": "field",
      "field": "AccountContactRelation.Roles",
      "valueMap": [{ "salesforceValue": "Billing", "positionName": "Billing Contact" }],
      "unmapped": "ignore"
    },
    "phones": [
      { "field": "Phone", "type": "work" },
      { "field": "MobilePhone", "type": "mobile" }
    ],
    "parentLevelStorage": false,
    "additional": {
      "customFieldMappings": [{ "salesforceField": "Department", "personField": "department" }],
      "rules": { "requireEmail": true, "requirePhone": false, "onNoLongerMatching": "archive" },
      "notes": "Agreed with the client on the onboarding call."
    }
  }
}
\`\`\`

- \`format\` and \`formatVersion\` are required; \`organisation\`, \`configVersion\` and
  \`exportedAt\` are informational and ignored on import (the import makes a new version).
- Fields are Salesforce API names: a Contact field (\`Title\`), \`Account.X\` for the account the
  contact is placed on, and \`AccountContactRelation.X\` (multi-account only).
- \`filters.groups\`: a contact matches when any group matches; a group matches when all its
  rules do; no groups means every contact. Match types: \`equals\`, \`notEquals\`, \`contains\`,
  \`notContains\`, \`startsWith\`, \`greaterThan\`, \`lessThan\` take one value; \`inList\`,
  \`notInList\`, \`includesAny\`, \`excludesAll\` (multi-select picklists) take one or more;
  \`isEmpty\`, \`isNotEmpty\` take none. Values are always strings (\`"42"\`, \`"true"\`,
  \`"2024-12-31"\`); for multi-select picklists \`"A;B"\` means both A and B.
- \`positions.mode\` is \`fixed\` (with \`names\`) or \`field\` (with \`field\`, \`valueMap\` and
  \`unmapped\`: \`ignore\` or \`create\`).
- Phone types: \`work\`, \`mobile\`, \`home\`, \`other\`, \`assistant\`, \`fax\`.
- \`onNoLongerMatching\`: \`archive\`, \`keep\` or \`delete\`.
- Unknown keys are refused, so a misspelt answer is reported rather than dropped.
`;

const envelopeSchema = z.strictObject({
  format: z.literal(CONFIG_FORMAT, {
    error: `This is not a sync config file: "format" must be "${CONFIG_FORMAT}".`,
  }),
  formatVersion: z.literal(CONFIG_FORMAT_VERSION, {
    error: `This console reads sync config files of formatVersion ${CONFIG_FORMAT_VERSION}.`,
  }),
  organisation: z.string().optional(),
  configVersion: z.number().int().optional(),
  exportedAt: z.string().optional(),
  config: z.record(z.string(), z.unknown(), { error: 'The file needs a "config" object.' }),
});

export type ConfigFileMeta = { organisation?: string; configVersion?: number; exportedAt?: Date };

export type ConfigImportResult =
  | { ok: true; config: SyncConfig }
  | {
      ok: false;
      /** Paths are relative to `config`, so the wizard can show them on the answers. */
      issues: ConfigIssue[];
      /** One line per problem, for the CLI: `filters.groups.0.rules.0.values: Choose ...` */
      messages: string[];
    };

export function exportSyncConfig(config: SyncConfig, meta: ConfigFileMeta = {}): string {
  const file = {
    format: CONFIG_FORMAT,
    formatVersion: CONFIG_FORMAT_VERSION,
    organisation: meta.organisation,
    configVersion: meta.configVersion,
    exportedAt: meta.exportedAt?.toISOString(),
    config,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export function importSyncConfig(text: string): ConfigImportResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return failWith([
      {
        path: "",
        field: null,
        message: `The file is not valid JSON: ${detail}.`,
        severity: "error",
      },
    ]);
  }

  const envelope = envelopeSchema.safeParse(json, { error: describeZodIssue });
  if (!envelope.success) return failWith(issuesFromZod(envelope.error));

  const parsed = parseSyncConfig(envelope.data.config);
  if (!parsed.ok) return failWith(parsed.issues);

  return parsed;
}

function failWith(issues: ConfigIssue[]): ConfigImportResult {
  const messages = issues.map((issue) =>
    issue.path ? `${issue.path}: ${issue.message}` : issue.message,
  );
  return { ok: false, issues, messages };
}
