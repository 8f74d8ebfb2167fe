import { describe, expect, test } from "vitest";
import {
  clearSignInFailures,
  delayFor,
  recordSignInFailure,
  signInDelay,
  throttleKeys,
} from "@/lib/auth/throttle";
import { describeEachDatabase } from "@/lib/db/test-databases";

describe("delayFor", () => {
  test("lets three failures through and then doubles the wait up to 15 s", () => {
    expect([0, 1, 2, 3, 4, 5, 8, 20].map(delayFor)).toEqual([
      0, 0, 0, 500, 1000, 2000, 15000, 15000,
    ]);
  });
});

describeEachDatabase("sign-in throttle", (database) => {
  test("slows down an email after repeated failures from any address, until a success", async () => {
    const { db } = database();
    const fromA = throttleKeys("Jake@Example.com", "10.0.0.1");
    const fromB = throttleKeys("jake@example.com", "10.0.0.2");

    for (let i = 0; i < 4; i++) await recordSignInFailure(db, i % 2 ? fromA : fromB);
    expect(fromA).toEqual(["email:jake@example.com", "ip:10.0.0.1"]);
    expect(await signInDelay(db, fromA)).toBe(1000);
    expect(await signInDelay(db, throttleKeys("other@example.com", "10.0.0.1"))).toBe(0);

    await clearSignInFailures(db, fromA);
    expect(await signInDelay(db, fromB)).toBe(0);
  });

  test("slows down an address that tries many emails", async () => {
    const { db } = database();
    for (const name of ["a", "b", "c", "d"]) {
      await recordSignInFailure(db, throttleKeys(`${name}@example.com`, "10.9.9.9"));
    }
    expect(await signInDelay(db, throttleKeys("e@example.com", "10.9.9.9"))).toBe(1000);
  });
});
