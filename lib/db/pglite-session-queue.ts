import type { PGlite } from "@electric-sql/pglite";

// pglite-socket 0.2.17 queues each wire-protocol message on its own, so when two connections
// run extended-protocol queries at once, their Parse and Bind messages interleave on PGlite's
// single session: a Bind can meet another connection's statement (seen as "bind message
// supplies 1 parameters, but prepared statement requires 2", and silently wrong when the
// counts happen to agree). This queue gives one connection the session from its first message
// until its Sync (or simple Query) has run, and for the whole of an open transaction.

type Item = {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
};

const SYNC = 0x53; // 'S'
const QUERY = 0x51; // 'Q'
const TERMINATE = 0x58; // 'X'
const STARTUP = 0x00; // a startup message begins with its length, not a type byte

function endsSequence(message: Uint8Array) {
  const type = message[0];
  return type === SYNC || type === QUERY || type === TERMINATE || type === STARTUP;
}

export class PGliteSessionQueue {
  private queue: Item[] = [];
  private processing = false;
  private owner: number | null = null;

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void) {
    return new Promise<number>((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.processQueue();
    });
  }

  private async processQueue() {
    if (this.processing) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const index =
          this.owner === null ? 0 : this.queue.findIndex((item) => item.handlerId === this.owner);
        // The owner is between two messages of one sequence: wait for its next one.
        if (index === -1) break;
        const [item] = this.queue.splice(index, 1);
        await this.run(item!);
      }
    } finally {
      this.processing = false;
    }
  }

  private async run(item: Item) {
    let bytes = 0;
    try {
      await this.db.runExclusive(() =>
        this.db.execProtocolRawStream(item.message, {
          onRawData: (data) => {
            bytes += data.length;
            item.onData(data);
          },
        }),
      );
    } catch (error) {
      this.owner = null;
      item.reject(error);
      return;
    }
    const keepsSession = !endsSequence(item.message) || this.db.isInTransaction();
    this.owner = keepsSession ? item.handlerId : null;
    item.resolve(bytes);
  }

  getQueueLength() {
    return this.queue.length;
  }

  clearQueueForHandler(handlerId: number) {
    this.queue = this.queue.filter((item) => {
      if (item.handlerId !== handlerId) return true;
      item.reject(new Error("Handler disconnected"));
      return false;
    });
  }

  /** A connection that went away mid-transaction must not keep the session or its locks. */
  async clearTransactionIfNeeded(handlerId: number) {
    if (this.owner !== handlerId) return;
    if (this.db.isInTransaction()) await this.db.exec("ROLLBACK");
    this.owner = null;
    await this.processQueue();
  }
}
