import type PgBoss from "pg-boss";
import { afterAll, expect, test } from "vitest";
import { describeEachDatabase } from "@/lib/db/test-databases";
import { RUN_QUEUE, startBoss } from "@/lib/jobs/boss";
import { testDatabaseUrl } from "@/lib/jobs/test-support";

const PROCESSES = 6;

describeEachDatabase("pg-boss on a fresh database", (database) => {
  const bosses: PgBoss[] = [];
  afterAll(async () => {
    await Promise.all(bosses.map((boss) => boss.stop({ graceful: false, wait: true })));
  });

  test("six workers starting at the same moment all get the one singleton run queue", async () => {
    const url = testDatabaseUrl(database());
    // Each boss has its own pool, as separate worker processes would.
    const started = await Promise.allSettled(
      Array.from({ length: PROCESSES }, () => startBoss(url, { max: 2, supervise: false })),
    );
    for (const result of started) if (result.status === "fulfilled") bosses.push(result.value);

    expect(started.map((result) => result.status)).toEqual(Array(PROCESSES).fill("fulfilled"));
    const queues = await bosses[0]!.getQueues();
    expect(queues.map((queue) => [queue.name, queue.policy, queue.retryLimit])).toEqual([
      [RUN_QUEUE, "singleton", 3],
    ]);
  });
});
