ALTER TABLE "sync_runs" ADD COLUMN "records_committed" integer;--> statement-breakpoint
-- A full run on PostgreSQL commits its run records just before its People
-- (lib/sync/records-beside.ts). If the People's commit then fails, or the process dies between
-- the two, the run ends failed or interrupted with records past records_committed: they
-- describe nothing that was applied.
CREATE FUNCTION "sync_runs_drop_unapplied_records"() RETURNS trigger LANGUAGE plpgsql
  SET search_path FROM CURRENT AS $$
BEGIN
  DELETE FROM "sync_run_records"
    WHERE "run_id" = NEW."id" AND "seq" >= coalesce(NEW."records_committed", 0);
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "sync_runs_drop_unapplied_records" AFTER UPDATE OF "status" ON "sync_runs"
  FOR EACH ROW WHEN (NEW."status" IN ('failed', 'interrupted'))
  EXECUTE FUNCTION "sync_runs_drop_unapplied_records"();
