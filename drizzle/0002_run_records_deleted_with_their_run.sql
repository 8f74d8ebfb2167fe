ALTER TABLE "sync_run_records" DROP CONSTRAINT "sync_run_records_run_id_sync_runs_id_fk";--> statement-breakpoint
-- Instead of the cascade: a deleted run (or a deleted organisation's runs) takes its records.
CREATE FUNCTION "sync_runs_delete_records"() RETURNS trigger LANGUAGE plpgsql
  SET search_path FROM CURRENT AS $$
BEGIN
  DELETE FROM "sync_run_records" WHERE "run_id" = OLD."id";
  RETURN OLD;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "sync_runs_delete_records" AFTER DELETE ON "sync_runs"
  FOR EACH ROW EXECUTE FUNCTION "sync_runs_delete_records"();
