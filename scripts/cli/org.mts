import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { organisationFileSchema } from "@/lib/organisations/import-format";
import { importOrganisation } from "@/lib/organisations/import";
import { print, printJson, withDatabase } from "./io.mts";

async function readJsonFile(file: string): Promise<unknown> {
  const text = await readFile(file, "utf8").catch(() => {
    throw new Error(`Cannot read ${file}: check the path.`);
  });
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${(error as Error).message}`);
  }
}

export function registerOrgCommands(program: Command) {
  const org = program.command("org").description("organisations");

  org
    .command("import")
    .description("import an organisation file (see the README for its format)")
    .argument("<file>", "path to the JSON file")
    .option("--json", "machine-readable output")
    .action(async (file: string, options: { json?: boolean }) => {
      const parsed = organisationFileSchema.safeParse(await readJsonFile(file));
      if (!parsed.success) {
        const lines = parsed.error.issues.map(
          (i) => `- ${i.path.join(".") || "file"}: ${i.message}`,
        );
        throw new Error(`${file} was not imported:\n${lines.join("\n")}`);
      }
      const result = await withDatabase(({ db }) => importOrganisation(db, parsed.data));
      if (options.json) {
        return printJson({
          ...result,
          organisation: { id: result.organisation.id, name: result.organisation.name },
        });
      }
      print(
        `Imported ${result.organisation.name}: ${result.customers} customers, ${result.positions} positions, ${result.manualPeopleAdded} manual people added.`,
      );
    });
}
