import { expect, test } from "vitest";
import { describeEachDatabase } from "@/lib/db/test-databases";
import { customers, organisations } from "@/lib/db/schema";
import { listOrganisations } from "@/lib/organisations/queries";
import { saveConnection } from "@/lib/salesforce-connections/store";

describeEachDatabase("listOrganisations", (database) => {
  test("counts each organisation's customers and says whether it is connected", async () => {
    const { db } = database();
    const [north, south] = await db
      .insert(organisations)
      .values([{ name: "North" }, { name: "South" }])
      .returning();
    await db.insert(customers).values([
      { organisationId: north!.id, name: "N1" },
      { organisationId: north!.id, name: "N2" },
      { organisationId: south!.id, name: "S1" },
    ]);
    await saveConnection(db, south!.id, {
      authFlow: "client_credentials",
      loginUrl: "https://login.salesforce.com",
      apiVersion: "62.0",
      clientId: "id",
      clientSecret: "secret",
    });

    const rows = await listOrganisations(db);
    expect(rows.map((r) => [r.name, r.customerCount, r.connected])).toEqual([
      ["North", 2, false],
      ["South", 1, true],
    ]);
  });
});
