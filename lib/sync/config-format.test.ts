import { describe, expect, test } from "vitest";
import { defaultSyncConfig } from "@/lib/sync/config";
import { exportSyncConfig, importSyncConfig } from "@/lib/sync/config-format";

describe("sync config files", () => {
  test("export then import gives the same config back", () => {
    const text = exportSyncConfig(defaultSyncConfig, {
      organisation: "Acme Ltd",
      configVersion: 3,
      exportedAt: new Date("2025-01-31T09:00:00.000Z"),
    });

    expect(JSON.parse(text)).toMatchObject({
      format: "contact-sync-config",
      formatVersion: 1,
      organisation: "Acme Ltd",
      configVersion: 3,
      exportedAt: "2025-01-31T09:00:00.000Z",
    });
    expect(importSyncConfig(text)).toEqual({ ok: true, config: defaultSyncConfig });
  });

  test("says when the file is not JSON", () => {
    const result = importSyncConfig("{ nope");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.messages[0]).toMatch(/^The file is not valid JSON: /);
  });

  test("says when the file is another kind of file or another version", () => {
    const other = importSyncConfig(JSON.stringify({ format: "org", formatVersion: 1, config: {} }));
    expect(other.ok || other.messages).toEqual([
      'format: This is not a sync config file: "format" must be "contact-sync-config".',
    ]);

    const newer = JSON.stringify({
      format: "contact-sync-config",
      formatVersion: 2,
      config: defaultSyncConfig,
    });
    expect(importSyncConfig(newer).ok || importSyncConfig(newer)).toMatchObject({
      messages: ["formatVersion: This console reads sync config files of formatVersion 1."],
    });

    const noConfig = JSON.stringify({ format: "contact-sync-config", formatVersion: 1 });
    expect(importSyncConfig(noConfig)).toMatchObject({
      messages: ['config: The file needs a "config" object.'],
    });
  });

  test("points at the answer to fix inside the config", () => {
    const config = {
      ...defaultSyncConfig,
      filters: { groups: [{ rules: [{ field: "Title", match: "inList", values: [] }] }] },
    };
    const text = JSON.stringify({ format: "contact-sync-config", formatVersion: 1, config });

    expect(importSyncConfig(text)).toEqual({
      ok: false,
      issues: [
        {
          path: "filters.groups.0.rules.0.values",
          field: null,
          message: "Choose at least one value for 'in list'.",
          severity: "error",
        },
      ],
      messages: ["filters.groups.0.rules.0.values: Choose at least one value for 'in list'."],
    });
  });
});
