import "server-only";
import { sql } from "drizzle-orm";
import { connectBeside, type Database, type Transaction } from "@/lib/db/client";

/**
 * A full run's records written in a transaction of their own, on a second connection, while
 * the People are written in the run's transaction. PostgreSQL runs each connection's statements
 * on one core, and applying 100,000 contacts keeps that core busy while the other is mostly
 * idle: records written beside the People took the apply phase from 10.3-11.6 s to 9.3 s on
 * two cores (scripts/bench, PostgreSQL 15).
 *
 * The records commit just before the People, once every statement of both has succeeded; if
 * anything fails before then, both roll back. Only the People's commit itself can still fail
 * after the records' (the server gone at that instant): the run is then failed or, if the
 * process died too, interrupted with no counts, and the trigger in drizzle/0003 deletes the
 * records of such a run. Until then, for that instant, its records are visible.
 *
 * Null where a second transaction cannot run beside the first: the embedded PGlite serves one
 * session at a time, so there the records go in the run's transaction, as they always did.
 */
export type RecordsBeside = {
  tx: Transaction;
  commit: () => Promise<void>;
  /** Rolls back unless committed, and closes the connection; never throws. */
  close: () => Promise<void>;
};

export async function openRecordsBeside(
  db: Database,
  runTx: Transaction,
): Promise<RecordsBeside | null> {
  const [server] = (await runTx.execute(
    sql`select strpos(version(), 'PGlite') > 0 as embedded`,
  )) as unknown as { embedded: boolean }[];
  if (server?.embedded !== false) return null;
  const beside = connectBeside(db);
  if (!beside) return null;

  let decide!: (commit: boolean) => void;
  const decided = new Promise<boolean>((resolve) => (decide = resolve));
  let opened!: (tx: Transaction) => void;
  const ready = new Promise<Transaction>((resolve) => (opened = resolve));
  const rollback = new Error("records not committed");
  // drizzle's transactions are callbacks: this one stays open until commit or close decides.
  const done = beside.db.transaction(async (tx) => {
    opened(tx);
    if (!(await decided)) throw rollback;
  });
  done.catch(() => undefined);

  // A second connection that cannot open leaves the records to the run's transaction.
  const tx = await Promise.race([ready, done.then(noTransaction, noTransaction)]);
  if (!tx) {
    await beside.close().catch(() => undefined);
    return null;
  }
  return {
    tx,
    commit: async () => {
      decide(true);
      await done;
    },
    close: async () => {
      decide(false);
      await done.catch(() => undefined);
      await beside.close().catch(() => undefined);
    },
  };
}

const noTransaction = () => null;
