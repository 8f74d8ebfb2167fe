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
    runId: uuid("run_id")
      .notNull()
      .references(() => syncRuns.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    salesforceContactId: text("salesforce_contact_id"),
    customerId: uuid("customer_id"),
    personId: uuid("person_id"),
    outcome: recordOutcome("outcome").notNull(),
    reason: text("reason"),
    detail: jsonb("detail"),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.seq] }),
    index("sync_run_records_outcome_idx").on(t.runId, t.outcome),
  ],
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

export type Agent = typeof agents.$inferSelect;
export type Organisation = typeof organisations.$inferSelect;
export type Customer = typeof customers.$inferSelect;
export type Person = typeof people.$inferSelect;
export type Position = typeof positions.$inferSelect;
export type SalesforceConnection = typeof salesforceConnections.$inferSelect;
export type SyncConfigRow = typeof syncConfigs.$inferSelect;
export type SyncRun = typeof syncRuns.$inferSelect;
