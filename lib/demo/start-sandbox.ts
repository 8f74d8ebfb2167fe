import "server-only";
import type { Env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { startDemoSandbox } from "@/sandbox/demo-sandbox";

/** The embedded default's Salesforce: the sandbox org seeded from the samples (or generated). */
export async function startConsoleSandbox(settings: Env) {
  const log = logger().child({ component: "sandbox" });
  const { sandbox, demo } = await startDemoSandbox({
    port: settings.SANDBOX_PORT,
    samplesDir: settings.samplesDir,
    clientSecret: settings.SANDBOX_CLIENT_SECRET,
  });
  if (demo.source === "generator") {
    log.warn(
      { samplesDir: settings.samplesDir },
      "Salesforce samples not found there: the demo org is generated instead (set SALESFORCE_SAMPLES_DIR to use them)",
    );
  }
  log.info(
    { loginUrl: sandbox.loginUrl, contacts: demo.contacts, seededFrom: demo.source },
    "sandbox Salesforce org ready",
  );
  return sandbox;
}
