import { eq, getTableColumns } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import { customers, people } from "@/lib/db/schema";
import { describeEachDatabase } from "@/lib/db/test-databases";
import type { SyncConfig } from "@/lib/sync/config";
import { loadCursor } from "@/lib/sync/incremental/cursor-store";
import type { RunOptions } from "@/lib/sync/incremental/prepare-run";
import {
  peopleContent,
  plannedContacts,
  runSync,
  startTwinOrganisations,
} from "@/lib/sync/incremental/test-support";
import { noRequirements } from "@/lib/sync/test-org";
import type { Sandbox } from "@/sandbox/index";

// Two organisations on one generated org: one syncs incrementally, the other fully, after each
// change made in Salesforce; their People (archived ones included) must stay the same.

const answers: Partial<SyncConfig> = {
  multiAccount: { enabled: true, includeInactiveRelations: false },
  filters: {
    groups: [{ rules: [{ field: "Account.Type", match: "notEquals", values: ["Prospect"] }] }],
  },
  positions: {
    mode: "field",
    field: "AccountContactRelation.Roles",
    valueMap: [],
    unmapped: "create",
  },
  additional: {
    ...noRequirements,
    customFieldMappings: [{ salesforceField: "Account.ParentId", personField: "parentAccount" }],
  },
};

const MINUTE = 60_000;
// Steps are further apart than the overlap window, so each re-reads only its own changes.
const STEP = 10 * MINUTE;

describeEachDatabase("incremental runs", (database) => {
  let sandbox: Sandbox;
  let incremental: string;
  let full: string;

  beforeAll(async () => {
    const { db } = database();
    ({ sandbox, incremental, full } = await startTwinOrganisations(db, 21, answers));
    expect((await runSync(db, incremental, { mode: "incremental" })).status).toBe("succeeded");
    expect((await runSync(db, full, { mode: "full" })).status).toBe("succeeded");
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  /** After a change in Salesforce: one incremental run and one full run, the same People. */
  async function syncBoth(options: RunOptions = {}) {
    const { db } = database();
    const result = await runSync(db, incremental, { mode: "incremental", ...options });
    expect(result.status).toBe("succeeded");
    expect((await runSync(db, full, { mode: "full" })).status).toBe("succeeded");
    expect(await peopleContent(db, incremental)).toEqual(await peopleContent(db, full));
    return result.run;
  }

  async function activePeople() {
    return (await allPeople()).filter((person) => person.archivedAt === null);
  }

  async function allPeople() {
    return database()
      .db.select({ ...getTableColumns(people), account: customers.salesforceAccountId })
      .from(people)
      .innerJoin(customers, eq(customers.id, people.customerId))
      .where(eq(people.organisationId, incremental))
      .orderBy(people.salesforceContactId, customers.salesforceAccountId);
  }

  const change = (mutate: (org: Sandbox["org"]) => void) => {
    sandbox.org.clock.advance(STEP);
    mutate(sandbox.org);
  };

  test("re-plans only the contacts that changed, and matches a full run", async () => {
    const [person] = await activePeople();
    change((org) => org.update("Contact", person!.salesforceContactId!, { FirstName: "Renamed" }));

    const run = await syncBoth();

    expect(run.counts).toMatchObject({ update: 1 });
    const planned = await plannedContacts(database().db, run.id);
    expect(planned).toContain(person!.salesforceContactId);
    // Besides it, only contacts changed after the newest one the full run fetched, which did
    // not match its filters: the full run's cursor for contacts is that newest one.
    expect(planned.size).toBeLessThan(4);
  });

  test("reads a record that became visible late inside the overlap window", async () => {
    const cursor = await loadCursor(database().db, incremental);
    const before = Date.parse(cursor!.positions.Contact!.modstamp) - 2 * MINUTE;
    const [person] = await activePeople();
    const account = sandbox.org.get("Contact", person!.salesforceContactId!)!.AccountId;
    const late = sandbox.org.insert("Contact", {
      LastName: "Latecomer",
      Email: "late@example.com",
      AccountId: account,
      CreatedDate: before,
      SystemModstamp: before,
    });

    await syncBoth();

    const found = (await activePeople()).filter((p) => p.salesforceContactId === late.Id);
    expect(found.map((p) => p.lastName)).toEqual(["Latecomer"]);
  });

  test("moves the People of a contact moved between accounts", async () => {
    const [, person] = await activePeople();
    const contact = sandbox.org.get("Contact", person!.salesforceContactId!)!;
    const other = sandbox.org
      .records("Account")
      .find((a) => !a.IsDeleted && a.Type !== "Prospect" && a.Id !== contact.AccountId)!;
    change((org) => org.update("Contact", String(contact.Id), { AccountId: other.Id }));

    await syncBoth();

    const placed = (await activePeople()).filter((p) => p.salesforceContactId === contact.Id);
    expect(placed.length).toBeGreaterThan(0);
  });

  test("follows a parent account changed and an account that left the filter", async () => {
    const active = await activePeople();
    const first = active[2]!;
    const child = first.account!;
    const leaving = active.find((p) => p.account !== child)!.account!;
    const parent = sandbox.org
      .records("Account")
      .find((a) => !a.IsDeleted && !a.ParentId && a.Id !== child && a.Id !== leaving)!;
    change((org) => {
      org.update("Account", child, { ParentId: parent.Id });
      if (leaving !== child) org.update("Account", leaving, { Type: "Prospect" });
    });

    const run = await syncBoth();

    const reparented = (await activePeople()).find((p) => p.id === first.id);
    expect(reparented?.customFields).toEqual({ parentAccount: parent.Id });
    expect(run.counts!.archive).toBeGreaterThan(0);
  });

  test("folds a merged contact's person into the surviving contact's", async () => {
    const all = await allPeople();
    const active = all.filter((person) => person.archivedAt === null);
    const duplicate = active.at(-1)!;
    const onDuplicateCustomer = (contactId: string | null) =>
      all.some((q) => q.salesforceContactId === contactId && q.customerId === duplicate.customerId);
    const master = active.find((p) => !onDuplicateCustomer(p.salesforceContactId))!;
    change((org) =>
      org.merge("Contact", master.salesforceContactId!, [duplicate.salesforceContactId!]),
    );

    await syncBoth();

    const after = await activePeople();
    expect(after.some((p) => p.salesforceContactId === duplicate.salesforceContactId)).toBe(false);
    const folded = after.find((p) => p.id === duplicate.id);
    expect(folded?.salesforceContactId).toBe(master.salesforceContactId);
  });

  test("archives the People of a deleted contact", async () => {
    const [person] = await activePeople();
    change((org) => org.delete("Contact", person!.salesforceContactId!));

    await syncBoth();

    const left = (await activePeople()).filter(
      (p) => p.salesforceContactId === person!.salesforceContactId,
    );
    expect(left).toEqual([]);
  });

  test("archives the person of a relation made inactive", async () => {
    const relation = sandbox.org
      .records("AccountContactRelation")
      .find((r) => !r.IsDeleted && r.IsActive && !r.IsDirect)!;
    change((org) => org.update("AccountContactRelation", String(relation.Id), { IsActive: false }));

    const run = await syncBoth();

    const planned = await plannedContacts(database().db, run.id);
    expect(planned).toContain(relation.ContactId);
    // Besides it, only the contacts of the overlap windows the earlier steps left open.
    expect(planned.size).toBeLessThan(40);
  });
});
