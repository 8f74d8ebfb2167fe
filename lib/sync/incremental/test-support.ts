import { asc, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { customers, people, syncRunRecords } from "@/lib/db/schema";
import type { RunOptions } from "@/lib/sync/incremental/prepare-run";
import { lazySource } from "@/lib/sync/lazy-source";
import { executeRun, startRun } from "@/lib/sync/run";
import { openContactSource, type SourceOptions } from "@/lib/sync/salesforce-source";

// Shared by the run-mode tests: runs over HTTP against the sandbox, and People to compare.

export async function runSync(
  db: Database,
  organisationId: string,
  options: RunOptions & { source?: SourceOptions } = {},
) {
  const run = await startRun(db, { organisationId, trigger: "cli", agentId: null });
  const source = lazySource(() => openContactSource(db, organisationId, options.source));
  return executeRun(db, run.id, source, options);
}

/**
 * Every synced person as content, without ids or times: two organisations synced from the same
 * org compare equal when they hold the same People, archived ones included.
 */
export async function peopleContent(db: Database, organisationId: string) {
  const rows = await db
    .select({ person: people, account: customers.salesforceAccountId, customer: customers.name })
    .from(people)
    .innerJoin(customers, eq(customers.id, people.customerId))
    .where(eq(people.organisationId, organisationId))
    .orderBy(asc(people.salesforceContactId), asc(customers.salesforceAccountId));
  return rows
    .map(({ person, account, customer }) => ({
      customer: account ?? customer,
      contact: person.salesforceContactId,
      firstName: person.firstName,
      lastName: person.lastName,
      email: person.email,
      phones: person.phones,
      positions: person.positions,
      customFields: person.customFields,
      archived: person.archivedAt !== null,
    }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

/** The contacts a run wrote run records for: what it planned. */
export async function plannedContacts(db: Database, runId: string) {
  const rows = await db
    .select({ contact: syncRunRecords.salesforceContactId })
    .from(syncRunRecords)
    .where(eq(syncRunRecords.runId, runId));
  return new Set(rows.map((row) => row.contact));
}
