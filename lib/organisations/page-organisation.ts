import "server-only";
import { eq } from "drizzle-orm";
import { notFound } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/db/client";
import { organisations } from "@/lib/db/schema";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** The organisation a page is about, read once per request; an unknown id is a 404. */
export const pageOrganisation = cache(async (organisationId: string) => {
  if (!isUuid(organisationId)) notFound();
  const [organisation] = await db()
    .select()
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (!organisation) notFound();
  return organisation;
});
