import "server-only";
import type { Database } from "@/lib/db/client";
import type { Organisation } from "@/lib/db/schema";
import { askedEarly } from "@/lib/sync/asked-early";
import { configInvalid, SyncError } from "@/lib/sync/errors";
import { loadSyncInputs } from "@/lib/sync/load-inputs";
import { foldMergesInPlan } from "@/lib/sync/merges/fold-plan";
import { createPlanner } from "@/lib/sync/plan";
import { materialisePlan, type Plan, type PlanOutline } from "@/lib/sync/plan-types";
import type { SyncConfig } from "@/lib/sync/config";
import { buildSyncQueries } from "@/lib/sync/soql-split";
import type { PhoneNormaliser } from "@/lib/sync/phone-worker";
import { primedPages } from "@/lib/sync/phone-priming";
import type { ContactSource } from "@/lib/sync/source";
import { validateConfig } from "@/lib/sync/validate";

export type Progress = {
  phase: "validating" | "fetching" | "planning";
  processed: number;
  total: number | null;
};

export type PlanRequest = {
  db: Database;
  organisation: Organisation;
  config: SyncConfig;
  source: ContactSource;
  apiVersion?: string;
  onProgress?: (progress: Progress) => void | Promise<void>;
  /** Normalises each page's phone numbers on another thread while the page before is mapped. */
  phones?: PhoneNormaliser;
};

export type ComputedPlan = { plan: Plan; queries: string[] };

/** The plan with every entry in an array: for previews and the CLI. */
export async function computePlan(request: PlanRequest): Promise<ComputedPlan> {
  const { outline, queries } = await computePlanOutline(request);
  return { plan: materialisePlan(outline), queries };
}

/**
 * The shared front half of a preview and a run: validate the config against the live describe,
 * build the SOQL, stream every page into the planner, and check nothing went missing. The
 * entries are made when read, so a run can apply them in batches (see PlanOutline).
 */
export async function computePlanOutline(
  request: PlanRequest,
): Promise<{ outline: PlanOutline; queries: string[] }> {
  const { db, organisation, source, onProgress } = request;
  await onProgress?.({ phase: "validating", processed: 0, total: null });

  const describes = await source.describes();
  const validated = validateConfig(request.config, describes);
  if (!validated.ok) throw configInvalid(validated.issues);

  const queries = buildSyncQueries(validated.config, validated.fieldTypes, {
    apiVersion: request.apiVersion,
  });
  // The first query is asked for while the customers and the synced People load (a re-run of
  // 100,000 contacts reads and packs about 108,000 People meanwhile).
  const first = queries.length > 0 ? askedEarly(source.query(queries[0]!)) : null;
  // Customers, positions and the synced People go straight into the planner, which packs the
  // People: nothing here holds the rows as read while the pages come in.
  const planner = await loadSyncInputs(db, organisation.id)
    .then((inputs) =>
      createPlanner({
        config: validated.config,
        fieldTypes: validated.fieldTypes,
        defaultCountry: organisation.defaultCountry,
        ...inputs,
      }),
    )
    .catch(async (error: unknown) => {
      // The failure is reported now; the query is given up once its first page has come.
      void first?.close().catch(() => undefined);
      throw error;
    });

  const pages = primedPages(planner, request.phones);

  let processed = 0;
  let total = 0;
  for (const [n, soql] of queries.entries()) {
    let queryTotal: number | null = null;
    let received = 0;
    for await (const page of n === 0 && first ? first.pages : source.query(soql)) {
      if (queryTotal === null) {
        queryTotal = page.totalSize;
        total += page.totalSize;
      }
      await pages.add(page.records);
      received += page.records.length;
      processed += page.records.length;
      await onProgress?.({ phase: "fetching", processed, total });
    }
    // The source checks this too; a plan is never built on a short read, whatever the source.
    if (queryTotal !== null && received !== queryTotal) {
      throw new SyncError(
        `Salesforce said ${queryTotal} records match but sent ${received}; nothing was changed. Run the sync again.`,
      );
    }
  }

  await pages.flush();
  await onProgress?.({ phase: "planning", processed, total });
  const outline = await foldMergesInPlan(planner.outline(), source, planner.existingByIds);
  return { outline, queries };
}
