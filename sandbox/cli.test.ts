import { describe, expect, test } from "vitest";

import { parseSandboxArgs, runSandboxCommand } from "./cli";
import { passwordConnection } from "./test-support/jsforce";

describe("runSandboxCommand", () => {
  test("starts a generated org and prints a login URL jsforce can use", async () => {
    const lines: string[] = [];
    const { sandbox } = await runSandboxCommand(
      [
        "--contacts",
        "300",
        "--client-id",
        "cli-id",
        "--client-secret",
        "cli-secret",
        "--multi-account",
        "off",
      ],
      (line) => lines.push(line),
    );
    try {
      expect(lines).toContain(`  login URL:      ${sandbox.loginUrl}`);
      expect(lines).toContain("  client id:      cli-id");
      const conn = await passwordConnection(sandbox);
      const result = await conn.query("SELECT COUNT() FROM Contact");
      expect(result.totalSize).toBe(
        sandbox.org.records("Contact").filter((c) => !c.IsDeleted).length,
      );
      await expect(conn.query("SELECT Id FROM AccountContactRelation")).rejects.toMatchObject({
        errorCode: "INVALID_TYPE",
      });
    } finally {
      await sandbox.close();
    }
  });

  test("reads several seed folders and rejects a bad switch", () => {
    expect(parseSandboxArgs(["--seed", "a", "b", "--port", "4100"]).sandbox).toMatchObject({
      seedDirs: ["a", "b"],
      port: 4100,
    });
    expect(() => parseSandboxArgs(["--multi-account", "maybe"])).toThrow(/expected on or off/);
  });
});
