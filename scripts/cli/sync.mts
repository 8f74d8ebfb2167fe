import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { and, asc, eq } from "drizzle-orm";
import { customers, people } from "@/lib/db/schema";
import { currentConfig, saveConfig } from "@/lib/sync/config-store";
import { exportSyncConfig, importSyncConfig } from "@/lib/sync/config-format";
import { computePlan } from "@/lib/sync/compute-plan";
import { SyncError } from "@/lib/sync/errors";
import { findOrganisation } from "@/lib/sync/load-inputs";
import type { Plan, PlanEntry } from "@/lib/sync/plan-types";
import { lazySource } from "@/lib/sync/lazy-source";
import { prepareSyncProcess } from "@/lib/sync/sync-process";
import { executeRun, startRun } from "@/lib/sync/run";
import { openContactSource } from "@/lib/sync/salesforce-source";
import { print, printJson, withDatabase } from "./io.mts";

type JsonOption = { json?: boolean };

function countsLine(counts: Plan["counts"]) {
  return Object.entries(counts)
    .map(([outcome, n]) => `${outcome} ${n}`)
    .join(", ");
}

function entryJson(entry: PlanEntry) {
  return {
    outcome: entry.outcome,
    reason: entry.reason,
    contact: entry.contact,
    customer: entry.customer && { id: entry.customer.id, name: entry.customer.name },
    matchedCustomers: entry.matchedCustomers.map((c) => c.name),
    personId: entry.personId,
    person: entry.desired,
    changes: entry.changes,
  };
}

function entryLine(entry: PlanEntry) {
  const where = entry.customer ? ` -> ${entry.customer.name}` : "";
  const why = entry.reason ? ` (${entry.reason})` : "";
  return `${entry.outcome.padEnd(9)} ${entry.contact.name} <${entry.contact.email ?? "no email"}>${where}${why}`;
}

async function requireConfig(db: Parameters<typeof currentConfig>[0], organisationId: string) {
  const config = await currentConfig(db, organisationId);
  if (!config)
    throw new SyncError(
      "This organisation has no saved sync config yet: run `config import` first.",
    );
  return config;
}

export function registerSyncCommands(program: Command) {
  const config = program.command("config").description("sync configs");

  config
    .command("import")
    .description("save a sync config file as the organisation's next config version")
    .argument("<org>", "organisation name or id")
    .argument("<file>", "a config file (see the README for the format)")
    .option("--json", "machine-readable output")
    .action(async (ref: string, file: string, options: JsonOption) => {
      const imported = importSyncConfig(await readFile(file, "utf8"));
      if (!imported.ok)
        throw new Error(`${file} was not imported:\n- ${imported.messages.join("\n- ")}`);
      const result = await withDatabase(async ({ db }) => {
        const organisation = await findOrganisation(db, ref);
        return saveConfig(db, {
          organisationId: organisation.id,
          config: imported.config,
          agentId: null,
        });
      });
      if (options.json) return printJson({ saved: result.saved, version: result.config.version });
      print(
        result.saved
          ? `Saved config version ${result.config.version}.`
          : `Unchanged: version ${result.config.version} is the same.`,
      );
    });

  config
    .command("export")
    .description("print the organisation's current sync config as a config file")
    .argument("<org>", "organisation name or id")
    .action(async (ref: string) => {
      const text = await withDatabase(async ({ db }) => {
        const organisation = await findOrganisation(db, ref);
        const stored = await requireConfig(db, organisation.id);
        return exportSyncConfig(stored.config, {
          organisation: organisation.name,
          configVersion: stored.version,
          exportedAt: stored.createdAt,
        });
      });
      process.stdout.write(text);
    });

  program
    .command("preview")
    .description("show what a sync of the current config would do, writing nothing")
    .argument("<org>", "organisation name or id")
    .option("--json", "machine-readable output")
    .action(async (ref: string, options: JsonOption) => {
      const plan = await withDatabase(async ({ db }) => {
        const organisation = await findOrganisation(db, ref);
        const stored = await requireConfig(db, organisation.id);
        const source = await openContactSource(db, organisation.id);
        return (await computePlan({ db, organisation, config: stored.config, source })).plan;
      });
      if (options.json) {
        return printJson({
          counts: plan.counts,
          warnings: plan.warnings,
          records: plan.entries.map(entryJson),
        });
      }
      plan.entries.forEach((entry) => print(entryLine(entry)));
      print(`\nPreview: ${countsLine(plan.counts)}. Nothing was written.`);
    });

  program
    .command("sync")
    .description("run a sync of the current config now")
    .argument("<org>", "organisation name or id")
    .option("--json", "machine-readable output")
    .action(async (ref: string, options: JsonOption) => {
      const result = await withDatabase(async ({ db }) => {
        const organisation = await findOrganisation(db, ref);
        const run = await startRun(db, {
          organisationId: organisation.id,
          trigger: "cli",
          agentId: null,
        });
        const { phones } = prepareSyncProcess();
        try {
          const source = lazySource(() => openContactSource(db, organisation.id));
          return await executeRun(db, run.id, source, { phones });
        } finally {
          await phones.close();
        }
      });
      if (result.status === "failed") {
        if (options.json)
          printJson({ runId: result.run.id, status: "failed", error: result.error });
        throw new Error(`Sync failed: ${result.error}`);
      }
      if (result.status === "paused_api_limit") {
        if (options.json) printJson({ runId: result.run.id, status: result.status });
        throw new Error(`Sync ${result.run.id} ${result.message}`);
      }
      if (result.status === "awaiting_confirmation") {
        if (options.json)
          printJson({ runId: result.run.id, status: result.status, counts: result.plan.counts });
        throw new Error(`Sync ${result.run.id} is waiting: ${result.message}`);
      }
      if (options.json) {
        return printJson({
          runId: result.run.id,
          status: result.status,
          counts: result.plan.counts,
          peopleWritten: result.peopleWritten,
          records: Array.from(result.plan.entries, entryJson),
        });
      }
      for (const entry of result.plan.entries) {
        if (entry.outcome !== "unchanged") print(entryLine(entry));
      }
      print(
        `\nSync ${result.run.id} succeeded: ${countsLine(result.plan.counts)}; ${result.peopleWritten} People written.`,
      );
    });

  program
    .command("people")
    .description("list the organisation's People")
    .argument("<org>", "organisation name or id")
    .option("--json", "machine-readable output")
    .action(async (ref: string, options: JsonOption) => {
      const rows = await withDatabase(async ({ db }) => {
        const organisation = await findOrganisation(db, ref);
        return db
          .select({ person: people, customer: customers.name })
          .from(people)
          .innerJoin(customers, eq(customers.id, people.customerId))
          .where(and(eq(people.organisationId, organisation.id)))
          .orderBy(asc(customers.name), asc(people.lastName), asc(people.firstName));
      });
      if (options.json) return printJson(rows.map((r) => ({ ...r.person, customer: r.customer })));
      for (const { person, customer } of rows) {
        const archived = person.archivedAt ? " [archived]" : "";
        const phones = person.phones.map((p) => p.e164 ?? p.raw).join(", ");
        print(
          `${customer}: ${person.firstName ?? ""} ${person.lastName ?? ""} <${person.email ?? ""}> ${person.source} [${person.positions.join(", ")}] ${phones}${archived}`,
        );
      }
      print(`${rows.length} People.`);
    });
}
