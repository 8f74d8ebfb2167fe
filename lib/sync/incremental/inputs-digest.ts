import "server-only";
import { type SQL, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";

/**
 * A digest of what the People were planned with besides Salesforce: the customers (their
 * accounts and groups), the position names and the default country. Salesforce's
 * SystemModstamp does not move when an agent links a customer, so a changed digest makes the
 * next run full. Stored as the cursor is written, after the run's own new positions.
 */
export function inputsDigestSql(organisationId: string): SQL<string> {
  return sql<string>`(select md5(concat_ws('|',
      (select default_country from organisations where id = ${organisationId}::uuid),
      (select string_agg(concat_ws(':', id, salesforce_account_id, parent_customer_id), ','
         order by id) from customers where organisation_id = ${organisationId}::uuid),
      (select string_agg(name, ',' order by name) from positions
         where organisation_id = ${organisationId}::uuid))))`;
}

export async function inputsDigest(db: Database, organisationId: string): Promise<string> {
  const [row] = await db.execute<{ digest: string }>(
    sql`select ${inputsDigestSql(organisationId)} as digest`,
  );
  return row!.digest;
}
