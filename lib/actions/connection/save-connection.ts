"use server";

import { z } from "zod";
import { runAction, UserFacingError } from "@/lib/actions";
import { checkConnection, checkStoredConnection } from "@/lib/connections/check-connection";
import { connectionFormSchema, toConnectionInput } from "@/lib/connections/connection-form";
import { recordTestResult } from "@/lib/connections/test-result";
import { db } from "@/lib/db/client";
import { auditEvents } from "@/lib/db/schema";
import { requireOrganisation } from "@/lib/organisations/require-organisation";
import { connectionInputSchema } from "@/lib/salesforce-connections/connection-input";
import { loadConnection, saveConnection } from "@/lib/salesforce-connections/store";

const saveSchema = z.object({ organisationId: z.uuid(), form: connectionFormSchema });

/** Admins only: tests the credentials first and saves them only when Salesforce accepts them. */
export async function saveConnectionAction(input: z.input<typeof saveSchema>) {
  return runAction("admin", saveSchema, input, async ({ organisationId, form }, agent) => {
    const organisation = await requireOrganisation(db(), organisationId);
    const saved = form.keepSavedSecrets ? await loadConnection(db(), organisation.id) : undefined;
    const parsed = connectionInputSchema.safeParse(toConnectionInput(form, saved?.secrets ?? null));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = String(issue.path[0]) === "loginUrl" ? "customLoginUrl" : String(issue.path[0]);
      throw new UserFacingError(issue.message, { [field]: issue.message });
    }

    const test = await checkConnection(parsed.data);
    if (!test.ok) throw new UserFacingError(`Not saved: ${test.message}`);

    await saveConnection(db(), organisation.id, parsed.data);
    await recordTestResult(db(), organisation.id, test);
    await db()
      .insert(auditEvents)
      .values({
        organisationId: organisation.id,
        agentId: agent.id,
        action: "salesforce_connection.saved",
        detail: { loginUrl: parsed.data.loginUrl, authFlow: parsed.data.authFlow },
      });
    return { message: `Saved. ${test.message}` };
  });
}

/** Tests the saved connection as it is; agents may test, only admins may change it. */
export async function testConnectionAction(input: { organisationId: string }) {
  return runAction("agent", z.object({ organisationId: z.uuid() }), input, async (data) => {
    const organisation = await requireOrganisation(db(), data.organisationId);
    const test = await checkStoredConnection(db(), organisation.id);
    await recordTestResult(db(), organisation.id, test);
    return test;
  });
}
