-- A full run on PostgreSQL commits its run records just before its People (lib/sync/records-beside.ts).
-- If the People's commit then fails, the run ends failed or interrupted without people_written,
-- which only a commit of People sets: records of such a run describe nothing that was applied.
CREATE FUNCTION "sync_runs_drop_unapplied_records"() RETURNS trigger LANGUAGE plpgsql
  SET search_path FROM CURRENT AS $$
BEGIN
  DELETE FROM "sync_run_records" WHERE "run_id" = NEW."id";
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "sync_runs_drop_unapplied_records" AFTER UPDATE OF "status" ON "sync_runs"
  FOR EACH ROW
  WHEN (NEW."status" IN ('failed', 'interrupted') AND NEW."people_written" IS NULL)
  EXECUTE FUNCTION "sync_runs_drop_unapplied_records"();
