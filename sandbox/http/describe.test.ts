import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { type Sandbox, startSandbox } from "../index";
import { passwordConnection } from "../test-support/jsforce";
import { requireSamplesDir } from "../test-support/samples-dir";

type Conn = Awaited<ReturnType<typeof passwordConnection>>;
type Field = { name: string; type: string; custom: boolean; picklistValues: { value: string }[] };

const samplesDir = requireSamplesDir();
const customFields = [
  {
    object: "Contact",
    name: "Contact_Roles__c",
    type: "multipicklist" as const,
    picklistValues: ["Billing", "Primary"],
  },
  { object: "Contact", name: "Region__c", type: "string" as const, hidden: true },
];

let withSamples: Sandbox;
let singleAccount: Sandbox;
let builtIn: Sandbox;
let conn: Conn;

beforeAll(async () => {
  withSamples = await startSandbox({ samplesDir, customFields, personAccounts: true });
  singleAccount = await startSandbox({ samplesDir, multiAccount: false });
  builtIn = await startSandbox({ customFields });
  conn = await passwordConnection(withSamples);
});

afterAll(async () => {
  await Promise.all([withSamples.close(), singleAccount.close(), builtIn.close()]);
});

describe("describe endpoints", () => {
  test("describe global is the recorded one, with AccountContactRelation when multi-account is on", async () => {
    const global = await conn.describeGlobal();
    const names = global.sobjects.map((s) => s.name);
    expect(names).toHaveLength(111);
    expect(names).toContain("AccountContactRelation");
    expect(global.sobjects.find((s) => s.name === "Contact")!.urls.describe).toBe(
      "/services/data/v62.0/sobjects/Contact/describe",
    );

    const off = await (await passwordConnection(singleAccount)).describeGlobal();
    expect(off.sobjects).toHaveLength(110);
    expect(off.sobjects.map((s) => s.name)).not.toContain("AccountContactRelation");
  });

  test("Contact describe is the recorded one plus declared custom fields, minus hidden ones", async () => {
    const contact = await conn.describe("Contact");
    const fields = contact.fields as unknown as Field[];
    const names = fields.map((f) => f.name);
    expect(names).toHaveLength(59 + 2);
    expect(names).toContain("Jigsaw");
    expect(names).not.toContain("Region__c");
    expect(fields.find((f) => f.name === "Contact_Roles__c")).toMatchObject({
      type: "multipicklist",
      custom: true,
      picklistValues: [
        expect.objectContaining({ value: "Billing" }),
        expect.objectContaining({ value: "Primary" }),
      ],
    });
    expect(names).toContain("IsPersonAccount");
    const account = (await conn.describe("Account")).fields as unknown as Field[];
    expect(account.find((f) => f.name === "IsPersonAccount")).toMatchObject({ type: "boolean" });
  });

  test("AccountContactRelation describe lists the documented fields and Roles values", async () => {
    const relation = await conn.describe("AccountContactRelation");
    const fields = relation.fields as unknown as Field[];
    expect(relation.keyPrefix).toBe("07k");
    expect(fields.map((f) => f.name)).toEqual([
      "Id",
      "AccountId",
      "ContactId",
      "IsDirect",
      "IsActive",
      "Roles",
      "StartDate",
      "EndDate",
      "IsDeleted",
      "CreatedDate",
      "CreatedById",
      "LastModifiedDate",
      "LastModifiedById",
      "SystemModstamp",
    ]);
    const roles = fields.find((f) => f.name === "Roles")!;
    expect(roles.type).toBe("multipicklist");
    expect(roles.picklistValues.map((p) => p.value)).toContain("Decision Maker");
  });

  test("without multi-account the relation object does not exist", async () => {
    const off = await passwordConnection(singleAccount);
    await expect(off.describe("AccountContactRelation")).rejects.toMatchObject({
      errorCode: "NOT_FOUND",
    });
    await expect(off.query("SELECT Id FROM AccountContactRelation")).rejects.toMatchObject({
      errorCode: "INVALID_TYPE",
      message: expect.stringContaining("sObject type 'AccountContactRelation' is not supported."),
    });
  });

  test("without samples the built-in definitions answer describe", async () => {
    const plain = await passwordConnection(builtIn);
    const contact = await plain.describe("Contact");
    const names = (contact.fields as unknown as Field[]).map((f) => f.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "Id",
        "AccountId",
        "Email",
        "MobilePhone",
        "MailingCountry",
        "Contact_Roles__c",
      ]),
    );
    expect(names).not.toContain("Region__c");
    const global = await plain.describeGlobal();
    expect(global.sobjects.map((s) => s.name)).toEqual([
      "Account",
      "AccountContactRelation",
      "Contact",
      "Organization",
      "User",
    ]);
  });

  test("lists API versions and answers 404 for an unknown resource", async () => {
    const versions = (await (await fetch(`${withSamples.instanceUrl}/services/data/`)).json()) as {
      version: string;
      label: string;
    }[];
    expect(versions.at(-1)).toEqual({
      label: "Summer '25",
      url: "/services/data/v64.0",
      version: "64.0",
    });
    expect(versions.find((v) => v.version === "62.0")!.label).toBe("Winter '25");
    await expect(conn.request("/services/data/v62.0/nothing-here")).rejects.toMatchObject({
      errorCode: "NOT_FOUND",
      message: "The requested resource does not exist",
    });
  });

  test("retrieves one record by Id with its visible fields", async () => {
    const account = withSamples.org.insert("Account", {
      Name: "Retrieved Ltd",
      NumberOfEmployees: 12,
    });
    const record = await conn.sobject("Account").retrieve(String(account.Id));
    expect(record).toMatchObject({
      Id: account.Id,
      Name: "Retrieved Ltd",
      NumberOfEmployees: 12,
      IsDeleted: false,
    });
    await expect(conn.sobject("Account").retrieve("0015g00000000zzAAA")).rejects.toMatchObject({
      errorCode: "NOT_FOUND",
    });
  });
});
