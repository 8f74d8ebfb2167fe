ALTER TABLE "sync_run_records" ADD COLUMN "contact_name" text;--> statement-breakpoint
ALTER TABLE "sync_run_records" ADD COLUMN "contact_email" text;--> statement-breakpoint
ALTER TABLE "sync_run_records" ADD COLUMN "contact_account_id" text;--> statement-breakpoint
ALTER TABLE "sync_run_records" ADD COLUMN "contact_account_name" text;--> statement-breakpoint
ALTER TABLE "sync_run_records" ADD COLUMN "customer_name" text;--> statement-breakpoint
ALTER TABLE "sync_run_records" ADD COLUMN "changes" jsonb;--> statement-breakpoint
-- The records written before this migration keep what their jsonb detail said; 0005 drops it.
UPDATE "sync_run_records" SET
  "contact_name" = "detail"->'contact'->>'name',
  "contact_email" = "detail"->'contact'->>'email',
  "contact_account_id" = "detail"->'contact'->>'accountId',
  "contact_account_name" = "detail"->'contact'->>'accountName',
  "customer_name" = "detail"->>'customer',
  "changes" = CASE WHEN jsonb_typeof("detail"->'changes') = 'array' THEN "detail"->'changes' END
WHERE "detail" IS NOT NULL;
