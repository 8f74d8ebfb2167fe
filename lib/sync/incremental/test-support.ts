import { asc, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { customers, people, syncRunRecords } from "@/lib/db/schema";
import type { RunOptions } from "@/lib/sync/incremental/prepare-run";
import { lazySource } from "@/lib/sync/lazy-source";
import { executeRun, startRun } from "@/lib/sync/run";
import type { SyncConfig } from "@/lib/sync/config";
import { openContactSource, type SourceOptions } from "@/lib/sync/salesforce-source";
import { createOrganisationFor, saveAnswers } from "@/lib/sync/test-org";
import { type Sandbox, startSandbox } from "@/sandbox/index";

// Shared by the run-mode tests: runs over HTTP against the sandbox, and People to compare.

/**
 * A generated org of 800 contacts and two organisations on it with the same answers: one to
 * sync incrementally, one to sync fully and compare with.
 */
export async function startTwinOrganisations(
  db: Database,
  seed: number,
  answers: Partial<SyncConfig>,
): Promise<{ sandbox: Sandbox; incremental: string; full: string }> {
  const sandbox = await startSandbox({
    generate: { contacts: 800, accounts: 80, seed },
    tokenTtlSeconds: 3600,
  });
  const incremental = await createOrganisationFor(db, sandbox, { name: "Incremental" });
  const full = await createOrganisationFor(db, sandbox, { name: "Full" });
  await saveAnswers(db, incremental, answers);
  await saveAnswers(db, full, answers);
  return { sandbox, incremental, full };
}

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
