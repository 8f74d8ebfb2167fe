import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** Where the team keeps the Salesforce samples: `../shared/salesforce-samples` from the repo root. */
export const EXPECTED_SAMPLES_DIR = fileURLToPath(
  new URL("../../../shared/salesforce-samples", import.meta.url),
);

/** The samples folder, or an error saying where the tests expect it. */
export function requireSamplesDir(): string {
  if (!existsSync(join(EXPECTED_SAMPLES_DIR, "SOURCES.md"))) {
    throw new Error(
      `These tests read the real Salesforce samples, expected at ${EXPECTED_SAMPLES_DIR} ` +
        "(../shared/salesforce-samples next to the repository, see its SOURCES.md). " +
        "Put the samples there to run them.",
    );
  }
  return EXPECTED_SAMPLES_DIR;
}
