CREATE TYPE "public"."agent_role" AS ENUM('admin', 'agent', 'viewer');--> statement-breakpoint
CREATE TYPE "public"."salesforce_auth_flow" AS ENUM('client_credentials', 'username_password');--> statement-breakpoint
CREATE TYPE "public"."person_source" AS ENUM('salesforce', 'manual');--> statement-breakpoint
CREATE TYPE "public"."sync_preview_status" AS ENUM('computing', 'ready', 'failed');--> statement-breakpoint
CREATE TYPE "public"."sync_record_outcome" AS ENUM('create', 'update', 'unchanged', 'archive', 'delete', 'skip');--> statement-breakpoint
CREATE TYPE "public"."sync_run_status" AS ENUM('queued', 'running', 'succeeded', 'failed', 'interrupted', 'paused_api_limit', 'awaiting_confirmation');--> statement-breakpoint
CREATE TYPE "public"."sync_run_trigger" AS ENUM('manual', 'schedule', 'cli', 'retry');--> statement-breakpoint
CREATE TYPE "public"."sync_schedule_kind" AS ENUM('sync', 'full_reconcile');--> statement-breakpoint
CREATE TABLE "agents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text,
	"role" "agent_role" NOT NULL,
	"password_hash" text,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid,
	"agent_id" uuid,
	"action" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"salesforce_account_id" text,
	"parent_customer_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"default_country" text DEFAULT 'US' NOT NULL,
	"time_zone" text DEFAULT 'UTC' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"source" "person_source" NOT NULL,
	"salesforce_contact_id" text,
	"first_name" text,
	"last_name" text,
	"email" text,
	"phones" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"positions" text[] DEFAULT '{}'::text[] NOT NULL,
	"custom_fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"archived_at" timestamp with time zone,
	"last_run_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "people_source_contact" CHECK (("people"."source" = 'salesforce') = ("people"."salesforce_contact_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "positions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "salesforce_connections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"login_url" text NOT NULL,
	"auth_flow" "salesforce_auth_flow" NOT NULL,
	"api_version" text DEFAULT '62.0' NOT NULL,
	"client_id" text NOT NULL,
	"username" text,
	"secrets_ciphertext" text NOT NULL,
	"secrets_updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"instance_url" text,
	"last_tested_at" timestamp with time zone,
	"last_test_ok" boolean,
	"last_test_message" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "salesforce_connections_organisation_id_unique" UNIQUE("organisation_id")
);
--> statement-breakpoint
CREATE TABLE "sign_in_failures" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"last_failed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_config_drafts" (
	"organisation_id" uuid NOT NULL,
	"agent_id" uuid NOT NULL,
	"answers" jsonb NOT NULL,
	"step" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sync_config_drafts_organisation_id_agent_id_pk" PRIMARY KEY("organisation_id","agent_id")
);
--> statement-breakpoint
CREATE TABLE "sync_configs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"config" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_cursors" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"config_id" uuid NOT NULL,
	"inputs_digest" text NOT NULL,
	"positions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"pass_complete" boolean DEFAULT true NOT NULL,
	"full_pending" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_preview_entries" (
	"preview_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"outcome" "sync_record_outcome" NOT NULL,
	"salesforce_contact_id" text,
	"contact_name" text,
	"contact_email" text,
	"account_name" text,
	"customer_id" uuid,
	"customer_name" text,
	"reason" text,
	"entry" jsonb NOT NULL,
	CONSTRAINT "sync_preview_entries_preview_id_seq_pk" PRIMARY KEY("preview_id","seq")
);
--> statement-breakpoint
CREATE TABLE "sync_previews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"agent_id" uuid,
	"config" jsonb NOT NULL,
	"config_version" integer,
	"status" "sync_preview_status" DEFAULT 'computing' NOT NULL,
	"phase" text,
	"processed" integer DEFAULT 0 NOT NULL,
	"total" integer,
	"counts" jsonb,
	"warnings" jsonb,
	"positions_to_create" text[],
	"error" text,
	"issues" jsonb,
	"first_look" jsonb,
	"heartbeat_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sync_run_confirmations" (
	"run_id" uuid PRIMARY KEY NOT NULL,
	"agent_id" uuid,
	"removals" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_run_records" (
	"run_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"salesforce_contact_id" text,
	"customer_id" uuid,
	"person_id" uuid,
	"outcome" "sync_record_outcome" NOT NULL,
	"reason" text,
	"detail" jsonb,
	CONSTRAINT "sync_run_records_run_id_seq_pk" PRIMARY KEY("run_id","seq")
);
--> statement-breakpoint
CREATE TABLE "sync_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"config_id" uuid NOT NULL,
	"trigger" "sync_run_trigger" NOT NULL,
	"agent_id" uuid,
	"status" "sync_run_status" DEFAULT 'queued' NOT NULL,
	"phase" text,
	"processed" integer DEFAULT 0 NOT NULL,
	"total" integer,
	"counts" jsonb,
	"error" text,
	"heartbeat_at" timestamp with time zone,
	"people_written" integer,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_schedules" (
	"organisation_id" uuid NOT NULL,
	"kind" "sync_schedule_kind" NOT NULL,
	"every_hours" integer,
	"cron" text,
	"paused" boolean DEFAULT false NOT NULL,
	"next_run_at" timestamp with time zone,
	"last_due_at" timestamp with time zone,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sync_schedules_organisation_id_kind_pk" PRIMARY KEY("organisation_id","kind"),
	CONSTRAINT "sync_schedules_one_rule" CHECK (("sync_schedules"."every_hours" is null) <> ("sync_schedules"."cron" is null))
);
--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positions" ADD CONSTRAINT "positions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "salesforce_connections" ADD CONSTRAINT "salesforce_connections_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_config_drafts" ADD CONSTRAINT "sync_config_drafts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_config_drafts" ADD CONSTRAINT "sync_config_drafts_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_configs" ADD CONSTRAINT "sync_configs_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_configs" ADD CONSTRAINT "sync_configs_created_by_agents_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."agents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_cursors" ADD CONSTRAINT "sync_cursors_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_cursors" ADD CONSTRAINT "sync_cursors_config_id_sync_configs_id_fk" FOREIGN KEY ("config_id") REFERENCES "public"."sync_configs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_preview_entries" ADD CONSTRAINT "sync_preview_entries_preview_id_sync_previews_id_fk" FOREIGN KEY ("preview_id") REFERENCES "public"."sync_previews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_previews" ADD CONSTRAINT "sync_previews_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_previews" ADD CONSTRAINT "sync_previews_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_run_confirmations" ADD CONSTRAINT "sync_run_confirmations_run_id_sync_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."sync_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_run_confirmations" ADD CONSTRAINT "sync_run_confirmations_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_run_records" ADD CONSTRAINT "sync_run_records_run_id_sync_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."sync_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_runs" ADD CONSTRAINT "sync_runs_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_runs" ADD CONSTRAINT "sync_runs_config_id_sync_configs_id_fk" FOREIGN KEY ("config_id") REFERENCES "public"."sync_configs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_runs" ADD CONSTRAINT "sync_runs_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_schedules" ADD CONSTRAINT "sync_schedules_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_schedules" ADD CONSTRAINT "sync_schedules_updated_by_agents_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."agents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agents_email_unique" ON "agents" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "audit_events_org_created_idx" ON "audit_events" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "customers_org_account_unique" ON "customers" USING btree ("organisation_id","salesforce_account_id");--> statement-breakpoint
CREATE INDEX "customers_parent_idx" ON "customers" USING btree ("parent_customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "people_synced_unique" ON "people" USING btree ("organisation_id","customer_id","salesforce_contact_id");--> statement-breakpoint
CREATE INDEX "people_customer_idx" ON "people" USING btree ("customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "positions_org_name_unique" ON "positions" USING btree ("organisation_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "sync_configs_org_version_unique" ON "sync_configs" USING btree ("organisation_id","version");--> statement-breakpoint
CREATE INDEX "sync_preview_entries_outcome_idx" ON "sync_preview_entries" USING btree ("preview_id","outcome");--> statement-breakpoint
CREATE INDEX "sync_previews_org_created_idx" ON "sync_previews" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "sync_run_records_outcome_idx" ON "sync_run_records" USING btree ("run_id","outcome");--> statement-breakpoint
CREATE UNIQUE INDEX "sync_runs_one_active" ON "sync_runs" USING btree ("organisation_id") WHERE "sync_runs"."status" in ('queued', 'running');--> statement-breakpoint
CREATE INDEX "sync_runs_org_created_idx" ON "sync_runs" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "sync_schedules_due_idx" ON "sync_schedules" USING btree ("next_run_at") WHERE not "sync_schedules"."paused";