import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { configFormatDoc } from "@/lib/sync/config-format";

// Prettier may re-wrap the README's paragraphs; the words must stay the same.
const words = (text: string) => text.replace(/\s+/g, " ").trim();

test("the README documents the sync config file exactly as the code reads it", () => {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const body = configFormatDoc.split("\n").slice(1).join("\n");
  expect(words(readme)).toContain(words(body));
});
