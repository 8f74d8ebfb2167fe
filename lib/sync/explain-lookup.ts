import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { people, type Organisation } from "@/lib/db/schema";
import type { SyncConfig } from "@/lib/sync/config";
import { configInvalid } from "@/lib/sync/errors";
import { explainContact } from "@/lib/sync/explain";
import { existingPersonColumns, loadCustomers, loadPositionNames } from "@/lib/sync/load-inputs";
import { readRecordField, readText, type SalesforceRecord } from "@/lib/sync/record";
import {
  buildContactSearchQuery,
  buildExplainQuery,
  buildMatchQuery,
} from "@/lib/sync/soql-explain";
import type { ContactSource } from "@/lib/sync/source";
import { validateConfig } from "@/lib/sync/validate";

async function collect(source: ContactSource, soql: string): Promise<SalesforceRecord[]> {
  const records: SalesforceRecord[] = [];
  for await (const page of source.query(soql, { small: true })) records.push(...page.records);
  return records;
}

export type ContactMatch = {
  id: string;
  name: string;
  email: string | null;
  accountName: string | null;
};

/** Contacts whose name, email or Id match what the agent typed, for "explain a contact". */
export async function searchContacts(source: ContactSource, term: string): Promise<ContactMatch[]> {
  const records = await collect(source, buildContactSearchQuery(term));
  return records.map((record) => {
    const account = readRecordField(record, "Account") as SalesforceRecord | null;
    return {
      id: String(readRecordField(record, "Id")),
      name: readText(readRecordField(record, "Name")) ?? String(readRecordField(record, "Id")),
      email: readText(readRecordField(record, "Email")),
      accountName: readText(readRecordField(account, "Name")),
    };
  });
}

/** Why one contact is in or out of a sync of `config`, rule by rule, and where it lands. */
export async function explainOneContact(input: {
  db: Database;
  organisation: Organisation;
  config: SyncConfig;
  source: ContactSource;
  contactId: string;
}) {
  const { db, organisation, source, contactId } = input;
  const validated = validateConfig(input.config, await source.describes());
  if (!validated.ok) throw configInvalid(validated.issues);
  const { config, fieldTypes } = validated;

  const [records, matching, context] = await Promise.all([
    collect(source, buildExplainQuery(config, fieldTypes, contactId)),
    collect(source, buildMatchQuery(config, fieldTypes, contactId)),
    loadExplainContext(db, organisation.id, contactId),
  ]);
  return explainContact({
    config,
    fieldTypes,
    defaultCountry: organisation.defaultCountry,
    ...context,
    records,
    matchingRecordIds: matching.map((record) => String(readRecordField(record, "Id"))),
  });
}

// Customers and positions of the organisation, and only this contact's synced People.
async function loadExplainContext(db: Database, organisationId: string, contactId: string) {
  const [customerRows, positionNames, existingPeople] = await Promise.all([
    loadCustomers(db, organisationId),
    loadPositionNames(db, organisationId),
    db
      .select(existingPersonColumns)
      .from(people)
      .where(
        and(
          eq(people.organisationId, organisationId),
          eq(people.source, "salesforce"),
          sql`left(${people.salesforceContactId}, 15) = ${contactId.slice(0, 15)}`,
        ),
      ),
  ]);
  return { customers: customerRows, positionNames, existingPeople };
}
