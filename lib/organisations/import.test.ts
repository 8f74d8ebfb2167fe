import { asc, eq } from "drizzle-orm";
import { expect, test } from "vitest";
import { describeEachDatabase } from "@/lib/db/test-databases";
import { customers, people, positions, salesforceConnections } from "@/lib/db/schema";
import { importOrganisation } from "@/lib/organisations/import";
import { organisationFileSchema } from "@/lib/organisations/import-format";
import { loadConnection } from "@/lib/salesforce-connections/store";

const file = organisationFileSchema.parse({
  format: "contact-sync-organisation",
  formatVersion: 1,
  organisation: { name: "Globex", defaultCountry: "GB" },
  positions: ["Billing Contact", "Primary Contact"],
  customers: [
    { key: "group", name: "Globex Group" },
    { key: "uk", name: "Globex UK", salesforceAccountId: "001000000000001AAA", parent: "group" },
    { key: "de", name: "Globex DE", salesforceAccountId: "001000000000002AAA", parent: "group" },
  ],
  people: [
    { customer: "uk", firstName: "Hank", lastName: "Scorpio", positions: ["Primary Contact"] },
  ],
  salesforce: {
    authFlow: "client_credentials",
    loginUrl: "http://127.0.0.1:3939/",
    clientId: "demo-client",
    clientSecret: "demo-secret-value",
  },
});

describeEachDatabase("importOrganisation", (database) => {
  test("imports customers with their group, positions, manual People and the connection", async () => {
    const { db } = database();
    const { organisation } = await importOrganisation(db, file);
    const rows = await db
      .select({
        name: customers.name,
        account: customers.salesforceAccountId,
        parent: customers.parentCustomerId,
        id: customers.id,
      })
      .from(customers)
      .where(eq(customers.organisationId, organisation.id))
      .orderBy(asc(customers.name));

    const group = rows.find((r) => r.name === "Globex Group")!;
    expect(rows.map((r) => [r.name, r.account, r.parent === group.id])).toEqual([
      ["Globex DE", "001000000000002AAA", true],
      ["Globex Group", null, false],
      ["Globex UK", "001000000000001AAA", true],
    ]);

    const connection = await loadConnection(db, organisation.id);
    expect(connection?.loginUrl).toBe("http://127.0.0.1:3939");
    expect(connection?.secrets).toEqual({ clientSecret: "demo-secret-value" });
    const [raw] = await db.select().from(salesforceConnections);
    expect(raw!.secretsCiphertext).not.toContain("demo-secret-value");
  });

  test("changes nothing when the same file is imported again", async () => {
    const { db } = database();
    await importOrganisation(db, file);
    const again = await importOrganisation(db, file);

    expect(again.manualPeopleAdded).toBe(0);
    expect(await db.$count(customers)).toBe(3);
    expect(await db.$count(positions)).toBe(2);
    expect(await db.$count(people)).toBe(1);
  });
});

test("names what is wrong in a bad file", () => {
  const parsed = organisationFileSchema.safeParse({
    format: "contact-sync-organisation",
    formatVersion: 1,
    organisation: { name: "X", defaultCountry: "Britain" },
    customers: [{ key: "a", name: "A", parent: "missing" }],
  });
  expect(parsed.success).toBe(false);
  expect(parsed.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual([
    "organisation.defaultCountry: defaultCountry is a two-letter ISO country code such as US or GB.",
    "customers.0.parent: Customer a names parent missing, which is not in the file.",
  ]);
});
