import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { loadEnv } from "@/lib/env";

const production = {
  DATABASE_URL: "postgres://app@db.internal:5432/console",
  NEXTAUTH_URL: "https://console.example.com",
  NEXTAUTH_SECRET: "s".repeat(40),
  ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
};

describe("loadEnv", () => {
  test("names a missing secret when DATABASE_URL is set", () => {
    const { NEXTAUTH_SECRET: _omitted, ...rest } = production;
    expect(() => loadEnv(rest)).toThrow(
      "Setting NEXTAUTH_SECRET is missing: it is required when DATABASE_URL is set.",
    );
  });

  test("names an invalid value and what it expects", () => {
    expect(() => loadEnv({ ...production, ENCRYPTION_KEY: "short" })).toThrow(
      "Setting ENCRYPTION_KEY is invalid: expected 32 random bytes, base64-encoded.",
    );
    expect(() => loadEnv({ ...production, DATABASE_URL: "mysql://x" })).toThrow(
      "Setting DATABASE_URL is invalid: expected a postgres:// or postgresql:// connection URL.",
    );
    expect(() => loadEnv({ ...production, PORT: "http" })).toThrow(/^Setting PORT is invalid/);
  });

  test("refuses half an OIDC provider and a console nobody can sign in to", () => {
    expect(() => loadEnv({ ...production, OIDC_ISSUER: "https://id.example.com" })).toThrow(
      "Settings OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET go together: set all three or none.",
    );
    expect(() => loadEnv({ ...production, AUTH_CREDENTIALS: "off" })).toThrow(
      "Setting AUTH_CREDENTIALS is off but no OIDC provider is set: nobody could sign in.",
    );
  });

  test("generates the embedded secrets once and keeps them in the data folder", () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "csc-env-"));
    const first = loadEnv({ DATA_DIR: dataDir });
    const second = loadEnv({ DATA_DIR: dataDir });

    expect(first.embedded).toBe(true);
    expect(first.NEXTAUTH_URL).toBe("http://127.0.0.1:3000");
    expect(first.SANDBOX).toBe("on");
    expect(Buffer.from(first.ENCRYPTION_KEY, "base64")).toHaveLength(32);
    expect(second.NEXTAUTH_SECRET).toBe(first.NEXTAUTH_SECRET);
    const stored = JSON.parse(readFileSync(path.join(dataDir, "secrets.json"), "utf8"));
    expect(stored.ENCRYPTION_KEY).toBe(first.ENCRYPTION_KEY);
  });

  test("uses PostgreSQL and no sandbox when DATABASE_URL is set", () => {
    const settings = loadEnv(production);
    expect(settings.embedded).toBe(false);
    expect(settings.SANDBOX).toBe("off");
  });
});
