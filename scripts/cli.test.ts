import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, test } from "vitest";
import { describeEachDatabase } from "@/lib/db/test-databases";
import { childProcessEnv } from "@/lib/env";
import { passwordlessUrl } from "@/lib/jobs/connection-url";
import { defaultSyncConfig } from "@/lib/sync/config";
import { exportSyncConfig } from "@/lib/sync/config-format";
import { emptyCounts } from "@/lib/sync/plan-types";
import { organisationFileFor, snapshotPeople, startSampleSandbox } from "@/lib/sync/test-org";
import type { Sandbox } from "@/sandbox/index";

// `npm run cli` as an agent runs it: a process of its own on the test database, each command
// with --json, against the apex-recipes sample org.

const execute = promisify(execFile);

describeEachDatabase("npm run cli", (database) => {
  let sandbox: Sandbox;
  let folder: string;
  beforeAll(async () => {
    sandbox = await startSampleSandbox(["apex-recipes"]);
    folder = await mkdtemp(path.join(tmpdir(), "csc-cli-"));
  });
  afterAll(async () => {
    await sandbox?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  // Secrets of the CLI's own: it both stores and reads the connection's.
  const secrets = {
    NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
    ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    NEXTAUTH_URL: "http://127.0.0.1:3000",
  };
  const cli = async (...args: string[]) => {
    const { stdout } = await execute(
      process.execPath,
      ["--import", "tsx", "--conditions=react-server", "scripts/cli.mts", ...args],
      {
        env: childProcessEnv({
          DATABASE_URL: passwordlessUrl(database().sql),
          ...secrets,
          LOG_LEVEL: "warn",
        }),
      },
    );
    return stdout;
  };
  const cliJson = async (...args: string[]) => JSON.parse(await cli(...args, "--json"));

  test("imports an organisation and a config, previews, syncs twice and lists the People", async () => {
    const name = `CLI Apex ${database().kind}`;
    const accounts = sandbox.org.records("Account").filter((account) => !account.IsDeleted);
    const orgFile = path.join(folder, `${database().kind}-org.json`);
    await writeFile(orgFile, JSON.stringify(organisationFileFor(sandbox, { name })));
    const configFile = path.join(folder, `${database().kind}-config.json`);
    await writeFile(
      configFile,
      exportSyncConfig({
        ...defaultSyncConfig,
        positions: { mode: "fixed", names: ["Billing Contact"] },
      }),
    );

    const imported = await cliJson("org", "import", orgFile);
    expect(imported.organisation.name).toBe(name);
    expect(imported.customers).toBe(accounts.length);
    expect(await cliJson("config", "import", name, configFile)).toEqual({
      saved: true,
      version: 1,
    });

    const preview = await cliJson("preview", name);
    // apex-recipes has 150 contacts, each on an account.
    expect(preview.counts).toEqual({ ...emptyCounts(), create: 150 });
    const first = await cliJson("sync", name);
    expect(first.status).toBe("succeeded");
    expect(first.counts).toEqual(preview.counts);
    expect(first.peopleWritten).toBe(150);
    expect(first.records.map((r: { outcome: string }) => r.outcome)).toEqual(
      preview.records.map((r: { outcome: string }) => r.outcome),
    );

    // What `people` prints is what the database holds, exactly.
    const stored = await snapshotPeople(database().db, imported.organisation.id);
    const listed: { id: string; email: string | null; positions: string[] }[] = await cliJson(
      "people",
      name,
    );
    expect(listed.map((p) => p.id).sort()).toEqual(stored.map((p) => p.id).sort());
    expect(listed.every((p) => p.positions.join() === "Billing Contact")).toBe(true);
    const byId = new Map(stored.map((p) => [p.id, p]));
    expect(listed.map((p) => p.email)).toEqual(listed.map((p) => byId.get(p.id)!.email));

    const second = await cliJson("sync", name);
    expect(second.counts).toEqual({ ...first.counts, create: 0, unchanged: 150 });
    expect(second.peopleWritten).toBe(0);
  });

  test("says which organisation it could not find, and exits with 1", async () => {
    const failed = await cli("sync", "No Such Organisation").catch((error) => error);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toBe("No organisation is called or has the id No Such Organisation.\n");
  });
});
