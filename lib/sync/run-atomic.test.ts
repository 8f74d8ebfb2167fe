import { and, eq, sql } from "drizzle-orm";
import { customers, people } from "@/lib/db/schema";
import { afterAll, beforeAll, expect, test } from "vitest";
import { describeEachDatabase } from "@/lib/db/test-databases";
import {
  apexManagers,
  beforeRequest,
  createOrganisationFor,
  LATER_PAGE,
  positionNames,
  saveAnswers,
  snapshotPeople,
  startSampleSandbox,
  syncNow,
} from "@/lib/sync/test-org";
import { type Sandbox, startSandbox } from "@/sandbox/index";

// A run is all or nothing: a failure after part of the work was done leaves People as they were.

const GLEN = "0035g000000000zAAA";

describeEachDatabase("a sync run that fails part-way", (database) => {
  let apex: Sandbox;
  let generated: Sandbox;
  beforeAll(async () => {
    [apex, generated] = await Promise.all([
      startSampleSandbox(["apex-recipes"]),
      startSandbox({ generate: { contacts: 2_500, seed: 11 }, multiAccount: false }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([apex?.close(), generated?.close()]);
  });

  test("fails when the connection drops on the second of two pages, after the first was planned", async () => {
    const { db } = database();
    const organisationId = await createOrganisationFor(db, generated, { name: "Generated" });
    await saveAnswers(db, organisationId, {});
    const first = await syncNow(db, organisationId);
    expect(first.status === "succeeded" && first.run.total).toBeGreaterThan(2_000);
    const contact = generated.org.records("Contact").find((c) => !c.IsDeleted && c.Email)!;
    generated.org.update("Contact", String(contact.Id), { LastName: "Renamed-Since" });
    const before = await snapshotPeople(db, organisationId);

    // The second page's request and its three retries all drop half-way through the body.
    const stopWatching = beforeRequest(LATER_PAGE, () =>
      [1, 2, 3, 4].forEach((nth) => generated.faults.cutConnection(nth, "query", 0.5)),
    );
    const result = await syncNow(db, organisationId).finally(stopWatching);
    generated.faults.reset();

    expect(result.status).toBe("failed");
    expect(result.run.error).toMatch(
      /^The connection to Salesforce failed \(connection reset\) after 4 attempt\(s\): http:\/\/127\.0\.0\.1:\d+\/services\/data\/v62\.0\/query\/[^ ]+\. People were left as they were\. Run the sync again\.$/,
    );
    expect(result.run.processed).toBe(2_000);
    expect(await snapshotPeople(db, organisationId)).toEqual(before);
  });

  test("fails, writing nothing, when a person it creates was written by something else meanwhile", async () => {
    const { db } = database();
    const organisationId = await createOrganisationFor(db, generated, {
      name: "Written Meanwhile",
    });
    await saveAnswers(db, organisationId, {});
    const contact = generated.org
      .records("Contact")
      .find((c) => !c.IsDeleted && c.Email && c.AccountId)!;
    const [customer] = await db
      .select({ id: customers.id })
      .from(customers)
      .where(
        and(
          eq(customers.organisationId, organisationId),
          eq(customers.salesforceAccountId, String(contact.AccountId)),
        ),
      );

    // While the run reads its second page, its People already loaded, another writer adds the
    // person the run is about to create (sent at once: a drizzle query runs when awaited).
    let written: Promise<unknown> = Promise.resolve();
    const stopWatching = beforeRequest(LATER_PAGE, () => {
      written = db
        .insert(people)
        .values({
          organisationId,
          customerId: customer!.id,
          source: "salesforce",
          salesforceContactId: String(contact.Id),
          lastName: "Written meanwhile",
        })
        .execute();
    });
    const result = await syncNow(db, organisationId).finally(stopWatching);
    await written;

    expect(result.status).toBe("failed");
    expect(result.run.error).toBe(
      "A person this run was creating was written by something else while the run applied its changes; nothing was changed. Run the sync again.",
    );
    const after = await snapshotPeople(db, organisationId);
    expect(after.map((person) => [person.salesforceContactId, person.lastName])).toEqual([
      [String(contact.Id), "Written meanwhile"],
    ]);
  });

  test("rolls back People and positions when the database refuses the run's last statement", async () => {
    const { db } = database();
    const organisationId = await createOrganisationFor(db, apex, { name: "Apex Refused" });
    await saveAnswers(db, organisationId, apexManagers);
    await syncNow(db, organisationId);
    apex.org.update("Contact", GLEN, { Email: "glen.gair@ftc.gov" });
    // Eight updates and a new position: written first, then the run records fail.
    await saveAnswers(db, organisationId, {
      ...apexManagers,
      positions: { mode: "fixed", names: ["Billing Contact", "Invoice Recipient"] },
    });
    const before = await snapshotPeople(db, organisationId);
    await refuseRunRecords(database(), organisationId);

    const result = await syncNow(db, organisationId).finally(() => allowRunRecords(database()));

    expect(result.status).toBe("failed");
    expect(result.run.error).toMatch(
      /^The sync failed on our side \(event [0-9a-f-]{36}\); People were left as they were\. Try again, and give the event id to engineering if it repeats\.$/,
    );
    expect(await snapshotPeople(db, organisationId)).toEqual(before);
    expect(await positionNames(db, organisationId)).toEqual(["Billing Contact"]);

    const retried = await syncNow(db, organisationId);
    apex.org.update("Contact", GLEN, { Email: "ggair1o@ftc.gov" });
    expect(retried.status === "succeeded" && retried.run.counts?.update).toBe(8);
    expect(await positionNames(db, organisationId)).toEqual([
      "Billing Contact",
      "Invoice Recipient",
    ]);
  });

  test("keeps no run records when the People's commit fails after the records were written", async () => {
    const { db } = database();
    const organisationId = await createOrganisationFor(db, apex, { name: "Apex Commit Refused" });
    await saveAnswers(db, organisationId, {});
    await refuseCommitOfPeople(database(), organisationId);

    const result = await syncNow(db, organisationId).finally(() => allowCommitOfPeople(database()));

    expect(result.status).toBe("failed");
    expect(result.run.error).toMatch(
      /^The sync failed on our side \(event [0-9a-f-]{36}\); People were left as they were\./,
    );
    expect(result.run.peopleWritten).toBeNull();
    expect(await snapshotPeople(db, organisationId)).toEqual([]);
    // On PostgreSQL the records were committed beside the People (records-beside.ts); the run's
    // failure took them back.
    const records = await db.execute(
      sql`select count(*)::int as n from sync_run_records where run_id = ${result.run.id}`,
    );
    expect(records).toEqual([{ n: 0 }]);

    const retried = await syncNow(db, organisationId);
    expect(retried.status === "succeeded" && retried.run.counts?.create).toBeGreaterThan(0);
  });
});

type Handle = ReturnType<Parameters<Parameters<typeof describeEachDatabase>[1]>[0]>;

/** A trigger that fails every run record of this organisation's runs, as a full disk would. */
async function refuseRunRecords({ db }: Handle, organisationId: string) {
  await db.execute(
    sql.raw(`
      create function refuse_run_records() returns trigger language plpgsql as $$
      begin
        if exists (select 1 from sync_runs where id = new.run_id
                   and organisation_id = '${organisationId}') then
          raise exception 'run records refused for this test';
        end if;
        return new;
      end $$`),
  );
  await db.execute(
    sql.raw(`create trigger refuse_run_records before insert on sync_run_records
      for each row execute function refuse_run_records()`),
  );
}

async function allowRunRecords({ db }: Handle) {
  await db.execute(sql.raw(`drop trigger refuse_run_records on sync_run_records`));
  await db.execute(sql.raw(`drop function refuse_run_records()`));
}

/** A check the database makes only at commit, failing this organisation's People. */
async function refuseCommitOfPeople({ db }: Handle, organisationId: string) {
  await db.execute(
    sql.raw(`
      create function refuse_people_commit() returns trigger language plpgsql as $$
      begin
        if new.organisation_id = '${organisationId}' then
          raise exception 'commit refused for this test';
        end if;
        return new;
      end $$`),
  );
  await db.execute(
    sql.raw(`create constraint trigger refuse_people_commit after insert on people
      deferrable initially deferred for each row execute function refuse_people_commit()`),
  );
}

async function allowCommitOfPeople({ db }: Handle) {
  await db.execute(sql.raw(`drop trigger refuse_people_commit on people`));
  await db.execute(sql.raw(`drop function refuse_people_commit()`));
}
