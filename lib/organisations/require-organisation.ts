import "server-only";
import { eq } from "drizzle-orm";
import { UserFacingError } from "@/lib/actions";
import type { Database } from "@/lib/db/client";
import { organisations } from "@/lib/db/schema";

/** For actions: the organisation named by the request, read on the server, or a clear refusal. */
export async function requireOrganisation(db: Database, organisationId: string) {
  const [organisation] = await db
    .select()
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (!organisation) throw new UserFacingError("This organisation does not exist any more.");
  return organisation;
}
