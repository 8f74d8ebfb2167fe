import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { positions } from "@/lib/db/schema";

/** The organisation's position names, for the wizard's position pickers. */
export async function listPositionNames(db: Database, organisationId: string) {
  const rows = await db
    .select({ name: positions.name })
    .from(positions)
    .where(eq(positions.organisationId, organisationId))
    .orderBy(asc(positions.name));
  return rows.map((row) => row.name);
}
