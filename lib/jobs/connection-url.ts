import type postgres from "postgres";

/**
 * The URL of a pool's server without a password, for pg-boss to open its own pool beside it:
 * right for the embedded database's loopback socket, which takes none. With DATABASE_URL, pass
 * that URL itself.
 */
export function passwordlessUrl(sql: postgres.Sql): string {
  const { user, host, port, database } = sql.options;
  return `postgres://${encodeURIComponent(user)}@${host[0]}:${port[0]}/${encodeURIComponent(database)}`;
}
