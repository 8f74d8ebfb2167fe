import "server-only";
import { sql } from "drizzle-orm";
import { connectBeside, type Database, type Transaction } from "@/lib/db/client";
import { logger } from "@/lib/logger";

/**
 * A full run's records written in a transaction of their own, on a second connection, while
 * the People are written in the run's transaction. PostgreSQL runs each connection's statements
 * on one core, and applying 100,000 contacts keeps that core busy while the other is mostly
 * idle: records written beside the People took the apply phase from 10.3-11.6 s to 9.3 s on
 * two cores (scripts/bench, PostgreSQL 15).
 *
 * The records commit just before the People, once every statement of both has succeeded; if
 * anything fails before then, both roll back. Only the People's commit itself can still fail
 * after the records' (the server gone at that instant, or the process): the run then ends
 * failed or interrupted, and the trigger in drizzle/0003 deletes its records from
 * `records_committed` on, which only the People's commit moves. For that instant a reader sees
 * the records of a run still shown as running.
 *
 * Null where a second transaction cannot run beside the first: the embedded PGlite serves one
 * session at a time, so there the records go in the run's transaction, as they always did.
 */
export type RecordsBeside = {
  /** Sends a statement on the records' transaction; fails at once if that has ended. */
  send: <T>(statement: (tx: Transaction) => Promise<T>) => Promise<T>;
  commit: () => Promise<void>;
  /** Rolls back unless committed, and closes the connection; never throws. */
  close: () => Promise<void>;
};

export async function openRecordsBeside(db: Database): Promise<RecordsBeside | null> {
  const [server] = (await db.execute(
    sql`select strpos(version(), 'PGlite') > 0 as embedded`,
  )) as unknown as { embedded: boolean }[];
  if (server?.embedded !== false) return null;
  const beside = connectBeside(db);
  if (!beside) return null;

  let decide!: (commit: boolean) => void;
  const decided = new Promise<boolean>((resolve) => (decide = resolve));
  let opened!: (tx: Transaction) => void;
  const ready = new Promise<Transaction>((resolve) => (opened = resolve));
  const rollback = new Error("The run records were not committed.");
  // drizzle's transactions are callbacks: this one stays open until commit or close decides.
  const done = beside.db.transaction(async (tx) => {
    opened(tx);
    if (!(await decided)) throw rollback;
  });
  // Rejects if the transaction ends before it is told to, its connection gone; a statement sent
  // on it then would never be answered, so none is sent, and those in flight fail with this.
  let ended: Error | null = null;
  const lost = new Promise<never>((_, reject) => {
    done.catch((error: unknown) => {
      ended = error instanceof Error ? error : new Error(String(error));
      reject(ended);
    });
  });
  lost.catch(() => undefined);

  // A second connection that cannot open leaves the records to the run's transaction.
  const tx = await Promise.race([ready, done.then(noTransaction, noTransaction)]);
  if (!tx) {
    logger().warn("a second database connection did not open; run records go with the People");
    await beside.close().catch(() => undefined);
    return null;
  }
  return {
    send: (statement) => {
      if (ended) return Promise.reject(ended);
      return Promise.race([statement(tx), lost]);
    },
    commit: async () => {
      if (ended) throw ended;
      decide(true);
      await done;
    },
    close: async () => {
      // Once its connection is gone the transaction is over: told to roll back, postgres.js
      // 3.4.10 would write ROLLBACK to the closed socket and crash the process
      // (porsager/postgres#1208).
      if (!ended) decide(false);
      await done.catch(() => undefined);
      await beside.close().catch(() => undefined);
    },
  };
}

const noTransaction = () => null;
