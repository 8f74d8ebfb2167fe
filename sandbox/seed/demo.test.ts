import { describe, expect, test } from "vitest";

import { startDemoSandbox } from "../demo-sandbox";
import { createOrg } from "../org/create-org";
import { queryRecords } from "../soql/evaluate";
import { passwordConnection } from "../test-support/jsforce";
import { requireSamplesDir } from "../test-support/samples-dir";
import { seedDemoOrg } from "./demo";

describe("seedDemoOrg", () => {
  test("seeds apex-recipes, coral-cloud and plugin-data-junction with relation roles", () => {
    const samples = requireSamplesDir();
    const org = createOrg({ samplesDir: samples });
    expect(seedDemoOrg(org, samples)).toEqual({
      source: "samples",
      contacts: 310,
      accounts: 55,
      relations: 172,
    });
    const relations = queryRecords(
      org,
      "SELECT Contact.LastName, Account.Name, IsDirect, IsActive, Roles FROM AccountContactRelation " +
        "WHERE Contact.LastName IN ('Sinisbury', 'Cannan') ORDER BY Contact.LastName, IsDirect",
    );
    expect(
      relations.map((r) => [(r.Contact as { LastName: string }).LastName, r.IsDirect, r.Roles]),
    ).toEqual([
      ["Cannan", true, "Economic Buyer"],
      ["Sinisbury", true, "Decision Maker"],
    ]);
  });

  test("falls back to the generator without samples and says so", () => {
    expect(seedDemoOrg(createOrg(), undefined)).toMatchObject({
      source: "generator",
      contacts: 484,
    });
    expect(seedDemoOrg(createOrg(), "/nonexistent/samples").source).toBe("generator");
  });
});

describe("startDemoSandbox", () => {
  test("serves the demo org from the samples with their recorded describes", async () => {
    const { sandbox, demo } = await startDemoSandbox({ samplesDir: requireSamplesDir() });
    try {
      expect(demo.source).toBe("samples");
      expect(sandbox.org.schema.internal("Contact").field("Jigsaw")).toBeDefined();
      const conn = await passwordConnection(sandbox);
      const result = await conn.query(
        "SELECT COUNT() FROM Contact WHERE Guest_Type__c = 'Romance Retreaters'",
      );
      expect(result.totalSize).toBeGreaterThan(5);
    } finally {
      await sandbox.close();
    }
  });
});
