import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { PersonChange } from "@/lib/sync/person-diff";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

export const agentRole = pgEnum("agent_role", ["admin", "agent", "viewer"]);
export const personSource = pgEnum("person_source", ["salesforce", "manual"]);
export const authFlow = pgEnum("salesforce_auth_flow", ["client_credentials", "username_password"]);
export const runTrigger = pgEnum("sync_run_trigger", ["manual", "schedule", "cli", "retry"]);
export const runStatus = pgEnum("sync_run_status", [
  "queued",
  "running",
  "succeeded",
  "failed",
  "interrupted",
  "paused_api_limit",
  "awaiting_confirmation",
]);
export const recordOutcome = pgEnum("sync_record_outcome", [
  "create",
  "update",
  "unchanged",
  "archive",
  "delete",
  "skip",
]);

export const agents = pgTable(
  "agents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name"),
    role: agentRole("role").notNull(),
    // Null for agents who only sign in through the company's OIDC provider.
    passwordHash: text("password_hash"),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("agents_email_unique").on(sql`lower(${t.email})`)],
);

export const signInFailures = pgTable("sign_in_failures", {
  // "email:<address>" or "ip:<address>"; throttling works across processes this way.
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  lastFailedAt: timestamp("last_failed_at", { withTimezone: true }).notNull().defaultNow(),
});

export const organisations = pgTable("organisations", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull().unique(),
  // ISO 3166-1 alpha-2, used for phone numbers whose contact has no mailing country.
  defaultCountry: text("default_country").notNull().default("US"),
  timeZone: text("time_zone").notNull().default("UTC"),
  createdAt: createdAt(),
});

export const customers = pgTable(
  "customers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    salesforceAccountId: text("salesforce_account_id"),
    // A customer with children is a customer group; People may be stored at its top parent.
    parentCustomerId: uuid("parent_customer_id"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("customers_org_account_unique").on(t.organisationId, t.salesforceAccountId),
    index("customers_parent_idx").on(t.parentCustomerId),
  ],
);

export const positions = pgTable(
  "positions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("positions_org_name_unique").on(t.organisationId, sql`lower(${t.name})`)],
);

export type PhoneNumber = {
  type: string;
  raw: string;
  e164: string | null;
  sourceField: string | null;
};

export const people = pgTable(
  "people",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    source: personSource("source").notNull(),
    salesforceContactId: text("salesforce_contact_id"),
    firstName: text("first_name"),
    lastName: text("last_name"),
    email: text("email"),
    phones: jsonb("phones").$type<PhoneNumber[]>().notNull().default([]),
    // Position names, sorted; kept in step with the positions table by the sync.
    positions: text("positions")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    customFields: jsonb("custom_fields")
      .$type<Record<string, string | null>>()
      .notNull()
      .default({}),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    lastRunId: uuid("last_run_id"),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("people_synced_unique").on(t.organisationId, t.customerId, t.salesforceContactId),
    index("people_customer_idx").on(t.customerId),
    check(
      "people_source_contact",
      sql`(${t.source} = 'salesforce') = (${t.salesforceContactId} is not null)`,
    ),
  ],
);

export const salesforceConnections = pgTable("salesforce_connections", {
  id: uuid("id").primaryKey().defaultRandom(),
  organisationId: uuid("organisation_id")
    .notNull()
    .unique()
    .references(() => organisations.id, { onDelete: "cascade" }),
  loginUrl: text("login_url").notNull(),
  authFlow: authFlow("auth_flow").notNull(),
  apiVersion: text("api_version").notNull().default("62.0"),
  clientId: text("client_id").notNull(),
  username: text("username"),
  // AES-256-GCM ciphertext of the secrets (client secret, password, security token, tokens).
  secretsCiphertext: text("secrets_ciphertext").notNull(),
  secretsUpdatedAt: timestamp("secrets_updated_at", { withTimezone: true }).notNull().defaultNow(),
  instanceUrl: text("instance_url"),
  lastTestedAt: timestamp("last_tested_at", { withTimezone: true }),
  lastTestOk: boolean("last_test_ok"),
  lastTestMessage: text("last_test_message"),
  createdAt: createdAt(),
});

export const syncConfigs = pgTable(
  "sync_configs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    config: jsonb("config").notNull(),
    createdBy: uuid("created_by").references(() => agents.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("sync_configs_org_version_unique").on(t.organisationId, t.version)],
);

export type RunCounts = Record<
  "create" | "update" | "unchanged" | "archive" | "delete" | "skip",
  number
>;

export const syncRuns = pgTable(
  "sync_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    configId: uuid("config_id")
      .notNull()
      .references(() => syncConfigs.id),
    trigger: runTrigger("trigger").notNull(),
    agentId: uuid("agent_id").references(() => agents.id),
    status: runStatus("status").notNull().default("queued"),
    phase: text("phase"),
    processed: integer("processed").notNull().default(0),
    total: integer("total"),
    counts: jsonb("counts").$type<RunCounts>(),
    error: text("error"),
    // Written with every progress update; an active run whose heartbeat stopped was cut off.
    heartbeatAt: timestamp("heartbeat_at", { withTimezone: true }),
    peopleWritten: integer("people_written"),
    // The run records committed with People so far: a full run sets it when it commits, an
    // incremental run with each page. Records at or past it were never applied (drizzle/0003).
    recordsCommitted: integer("records_committed"),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    // The database itself refuses a second active run for an organisation, across processes.
    uniqueIndex("sync_runs_one_active")
      .on(t.organisationId)
      .where(sql`${t.status} in ('queued', 'running')`),
    index("sync_runs_org_created_idx").on(t.organisationId, t.createdAt),
  ],
);

export const syncRunRecords = pgTable(
  "sync_run_records",
  {
    // No foreign key: a run writes a record per contact, and checking each against sync_runs
    // cost a quarter of writing them (100,000 contacts: 1.14-1.33 s -> 0.90 s). Only the run
    // itself writes them, inside its own transaction; a trigger in drizzle/0002 deletes a run's
    // records with the run, as the cascade did.
    runId: uuid("run_id").notNull(),
    seq: integer("seq").notNull(),
    salesforceContactId: text("salesforce_contact_id"),
    customerId: uuid("customer_id"),
    personId: uuid("person_id"),
    outcome: recordOutcome("outcome").notNull(),
    reason: text("reason"),
    // The contact as the run saw it, in plain columns: a jsonb object of these per record cost
    // PostgreSQL twice as much to write (drizzle/0004).
    contactName: text("contact_name"),
    contactEmail: text("contact_email"),
    contactAccountId: text("contact_account_id"),
    contactAccountName: text("contact_account_name"),
    customerName: text("customer_name"),
    /** An update's field-by-field before and after; null for every other outcome. */
    changes: jsonb("changes").$type<PersonChange[]>(),
  },
  // No index on the outcome: a run writes a record per contact, and at 100,000 contacts that
  // index cost a fifth of writing them; a run's page filters its records by the primary key's
  // scan of that run instead.
  (t) => [primaryKey({ columns: [t.runId, t.seq] })],
);

export const auditEvents = pgTable(
  "audit_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").references(() => organisations.id, {
      onDelete: "cascade",
    }),
    agentId: uuid("agent_id").references(() => agents.id),
    action: text("action").notNull(),
    detail: jsonb("detail").notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index("audit_events_org_created_idx").on(t.organisationId, t.createdAt)],
);

// A half-done wizard, one per organisation and agent: the answers as typed, valid or not, so
// a reload or a call cut short loses nothing. Saving the config removes the draft.
export const syncConfigDrafts = pgTable(
  "sync_config_drafts",
  {
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    agentId: uuid("agent_id")
      .notNull()
      .references(() => agents.id, { onDelete: "cascade" }),
    answers: jsonb("answers").notNull(),
    step: integer("step").notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.agentId] })],
);

export const previewStatus = pgEnum("sync_preview_status", ["computing", "ready", "failed"]);

// A computed preview, kept so its table can be paged, searched and exported on the server.
// Only the newest preview of each agent and organisation is kept.
export const syncPreviews = pgTable(
  "sync_previews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    agentId: uuid("agent_id").references(() => agents.id, { onDelete: "set null" }),
    config: jsonb("config").notNull(),
    // The saved version previewed; null for answers not saved yet.
    configVersion: integer("config_version"),
    status: previewStatus("status").notNull().default("computing"),
    phase: text("phase"),
    processed: integer("processed").notNull().default(0),
    total: integer("total"),
    counts: jsonb("counts").$type<RunCounts>(),
    warnings: jsonb("warnings").$type<{ contactId: string; message: string }[]>(),
    positionsToCreate: text("positions_to_create").array(),
    error: text("error"),
    issues: jsonb("issues").$type<{ path: string; message: string }[]>(),
    // The first records through the map, shown while the full plan is still being computed.
    firstLook: jsonb("first_look"),
    heartbeatAt: timestamp("heartbeat_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("sync_previews_org_created_idx").on(t.organisationId, t.createdAt)],
);

export const syncPreviewEntries = pgTable(
  "sync_preview_entries",
  {
    previewId: uuid("preview_id")
      .notNull()
      .references(() => syncPreviews.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    outcome: recordOutcome("outcome").notNull(),
    salesforceContactId: text("salesforce_contact_id"),
    contactName: text("contact_name"),
    contactEmail: text("contact_email"),
    accountName: text("account_name"),
    customerId: uuid("customer_id"),
    customerName: text("customer_name"),
    reason: text("reason"),
    // The plan entry as the table shows it: contact, customers, desired person, changes.
    entry: jsonb("entry").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.previewId, t.seq] }),
    index("sync_preview_entries_outcome_idx").on(t.previewId, t.outcome),
  ],
);

export const scheduleKind = pgEnum("sync_schedule_kind", ["sync", "full_reconcile"]);

// When an organisation syncs on its own: one row per kind. The rule is either every N hours from
// midnight or a cron expression, both read in the organisation's time zone.
export const syncSchedules = pgTable(
  "sync_schedules",
  {
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    kind: scheduleKind("kind").notNull(),
    everyHours: integer("every_hours"),
    cron: text("cron"),
    paused: boolean("paused").notNull().default(false),
    // Null while paused. A scheduler claims a due schedule by moving this forward, so a due run
    // is queued once however many processes run a scheduler.
    nextRunAt: timestamp("next_run_at", { withTimezone: true }),
    lastDueAt: timestamp("last_due_at", { withTimezone: true }),
    updatedBy: uuid("updated_by").references(() => agents.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.kind] }),
    check("sync_schedules_one_rule", sql`(${t.everyHours} is null) <> (${t.cron} is null)`),
    index("sync_schedules_due_idx")
      .on(t.nextRunAt)
      .where(sql`not ${t.paused}`),
  ],
);

// An agent's typed confirmation of a run that stopped as a mass removal. The run may then
// remove as many People as it showed, and stops again if a fresh plan removes more.
export const syncRunConfirmations = pgTable("sync_run_confirmations", {
  runId: uuid("run_id")
    .primaryKey()
    .references(() => syncRuns.id, { onDelete: "cascade" }),
  agentId: uuid("agent_id").references(() => agents.id, { onDelete: "set null" }),
  removals: integer("removals").notNull(),
  createdAt: createdAt(),
});

/**
 * Where an organisation's incremental runs read on from, per Salesforce object: the last record
 * applied, and until when each pass still re-reads the overlap window below it (absent: closed).
 */
export type CursorPosition = { modstamp: string; id: string; windowUntil?: string };
export type CursorPositions = Partial<
  Record<"Contact" | "AccountContactRelation" | "Account", CursorPosition>
>;

// One row per organisation: the last (SystemModstamp, Id) applied for each object, and what the
// positions are valid for. A new config version or changed customers make the next run full.
export const syncCursors = pgTable("sync_cursors", {
  organisationId: uuid("organisation_id")
    .primaryKey()
    .references(() => organisations.id, { onDelete: "cascade" }),
  configId: uuid("config_id")
    .notNull()
    .references(() => syncConfigs.id, { onDelete: "cascade" }),
  // Digest of the customers, positions and default country the positions were synced with.
  inputsDigest: text("inputs_digest").notNull(),
  positions: jsonb("positions").$type<CursorPositions>().notNull().default({}),
  // False while an incremental pass stopped part-way (API limit); the next one resumes exactly.
  passComplete: boolean("pass_complete").notNull().default(true),
  // A full run (a reconcile) was paused: the next run is full whatever its schedule says.
  fullPending: boolean("full_pending").notNull().default(false),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type Agent = typeof agents.$inferSelect;
export type Organisation = typeof organisations.$inferSelect;
export type Customer = typeof customers.$inferSelect;
export type Person = typeof people.$inferSelect;
export type Position = typeof positions.$inferSelect;
export type SalesforceConnection = typeof salesforceConnections.$inferSelect;
export type SyncConfigRow = typeof syncConfigs.$inferSelect;
export type SyncRun = typeof syncRuns.$inferSelect;
export type SyncPreview = typeof syncPreviews.$inferSelect;
export type SyncConfigDraft = typeof syncConfigDrafts.$inferSelect;
export type SyncSchedule = typeof syncSchedules.$inferSelect;
export type SyncRunConfirmation = typeof syncRunConfirmations.$inferSelect;
export type SyncCursor = typeof syncCursors.$inferSelect;
