import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, test } from "vitest";
import { migrateDatabase, migrationsFolder } from "@/lib/db/migrate";
import { organisations, syncConfigs, syncRuns } from "@/lib/db/schema";
import { testDatabaseKinds } from "@/lib/db/test-databases";

// What a migration does to rows written before it: the database is migrated up to the migration
// before, rows are written the way the product wrote them then, and the rest is migrated.

/** A copy of the migrations folder whose journal ends at `lastTag`. */
function migrationsUpTo(lastTag: string) {
  const folder = mkdtempSync(join(tmpdir(), "csc-migrations-"));
  cpSync(migrationsFolder, folder, { recursive: true });
  const journalPath = join(folder, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
  const last = journal.entries.findIndex((entry) => entry.tag === lastTag);
  if (last < 0) throw new Error(`No migration ${lastTag}`);
  journal.entries = journal.entries.slice(0, last + 1);
  writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

for (const { kind, start } of testDatabaseKinds()) {
  describe(`migrations over existing rows [${kind}]`, () => {
    test("0004 and 0005 move each run record's jsonb detail into plain columns", async () => {
      const folder = migrationsUpTo("0003_run_records_committed_with_people");
      folders.push(folder);
      const database = await start({ migrationsFolder: folder });
      try {
        const { db } = database;
        const [org] = await db.insert(organisations).values({ name: "Before 0004" }).returning();
        const [config] = await db
          .insert(syncConfigs)
          .values({ organisationId: org!.id, version: 1, config: {} })
          .returning();
        const [run] = await db
          .insert(syncRuns)
          .values({
            organisationId: org!.id,
            configId: config!.id,
            trigger: "manual",
            status: "succeeded",
          })
          .returning();
        const change = { field: "email", before: "ann@old.example", after: "ann@new.example" };
        const details = [
          {
            contact: {
              id: "003000000000001AAA",
              name: "Ann Lee",
              email: "ann@new.example",
              accountId: "001000000000001AAA",
              accountName: "Acme",
            },
            customer: "Acme",
            changes: [change],
          },
          {
            contact: {
              id: "003000000000002AAA",
              name: "Bo Chen",
              email: null,
              accountId: null,
              accountName: null,
            },
            customer: null,
          },
        ];
        await db.execute(sql`
          insert into sync_run_records (run_id, seq, salesforce_contact_id, outcome, reason, detail)
          values
            (${run!.id}::uuid, 0, '003000000000001AAA', 'update', null, ${JSON.stringify(details[0])}::jsonb),
            (${run!.id}::uuid, 1, '003000000000002AAA', 'skip', 'The contact has no account.', ${JSON.stringify(details[1])}::jsonb),
            (${run!.id}::uuid, 2, '003000000000003AAA', 'skip', 'Written without a detail.', null)`);

        await migrateDatabase(db);

        const rows = await db.execute(sql`
          select seq, contact_name, contact_email, contact_account_id, contact_account_name,
            customer_name, changes
          from sync_run_records where run_id = ${run!.id}::uuid order by seq`);
        expect([...rows]).toEqual([
          {
            seq: 0,
            contact_name: "Ann Lee",
            contact_email: "ann@new.example",
            contact_account_id: "001000000000001AAA",
            contact_account_name: "Acme",
            customer_name: "Acme",
            changes: [change],
          },
          {
            seq: 1,
            contact_name: "Bo Chen",
            contact_email: null,
            contact_account_id: null,
            contact_account_name: null,
            customer_name: null,
            changes: null,
          },
          {
            seq: 2,
            contact_name: null,
            contact_email: null,
            contact_account_id: null,
            contact_account_name: null,
            customer_name: null,
            changes: null,
          },
        ]);
        const [detail] = await db.execute(sql`
          select count(*)::int as n from information_schema.columns
          where table_name = 'sync_run_records' and column_name = 'detail'`);
        expect(detail).toEqual({ n: 0 });
      } finally {
        await database.close();
      }
    });
  });
}
