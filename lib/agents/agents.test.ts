import { expect, test } from "vitest";
import { findAgentByEmail, resetAgentPassword, upsertAgent } from "@/lib/agents/agents";
import { ensureFirstAdmin, FIRST_ADMIN_EMAIL } from "@/lib/agents/first-admin";
import { verifyPassword } from "@/lib/auth/password";
import { describeEachDatabase } from "@/lib/db/test-databases";

describeEachDatabase("agents", (database) => {
  test("creates the first admin once, with a password that signs in", async () => {
    const first = await ensureFirstAdmin(database().db);
    expect(first?.email).toBe(FIRST_ADMIN_EMAIL);
    expect(first?.password).toMatch(/^[a-zA-Z2-9]{20}$/);
    expect(await ensureFirstAdmin(database().db)).toBeUndefined();

    const admin = await findAgentByEmail(database().db, FIRST_ADMIN_EMAIL);
    expect(admin?.role).toBe("admin");
    expect(await verifyPassword(first!.password, admin!.passwordHash)).toBe(true);
  });

  test("treats emails case-insensitively and updates instead of duplicating", async () => {
    const { created } = await upsertAgent(database().db, {
      email: "Rosa.Diaz@Example.com",
      role: "viewer",
      password: "first password 1",
    });
    const again = await upsertAgent(database().db, {
      email: "rosa.diaz@example.com",
      role: "agent",
      password: "second password 2",
    });

    expect(created).toBe(true);
    expect(again.created).toBe(false);
    expect(again.agent.role).toBe("agent");
    expect(again.agent.email).toBe("rosa.diaz@example.com");
    expect(await verifyPassword("second password 2", again.agent.passwordHash)).toBe(true);
    expect(await verifyPassword("first password 1", again.agent.passwordHash)).toBe(false);
  });

  test("resets a password and keeps the role", async () => {
    await upsertAgent(database().db, {
      email: "amy@example.com",
      role: "admin",
      password: "x".repeat(12),
    });
    await resetAgentPassword(database().db, "AMY@example.com", "y".repeat(12));
    const amy = await findAgentByEmail(database().db, "amy@example.com");

    expect(amy?.role).toBe("admin");
    expect(await verifyPassword("y".repeat(12), amy!.passwordHash)).toBe(true);
    await expect(
      resetAgentPassword(database().db, "nobody@example.com", "z".repeat(12)),
    ).rejects.toThrow("No agent has the email nobody@example.com; add one with `agent add`.");
  });

  test("refuses a short password", async () => {
    await expect(
      upsertAgent(database().db, { email: "short@example.com", role: "agent", password: "abc" }),
    ).rejects.toThrow("A password needs at least 12 characters.");
  });
});
