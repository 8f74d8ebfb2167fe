import { randomBytes } from "node:crypto";
import { describe, expect, test } from "vitest";
import { decryptJson, decryptSecret, encryptJson, encryptSecret } from "@/lib/crypto";

const key = randomBytes(32).toString("base64");
const otherKey = randomBytes(32).toString("base64");

describe("secret encryption", () => {
  test("round-trips and never stores the plaintext", () => {
    const stored = encryptJson({ clientSecret: "3MVG9-very-secret" }, key);
    expect(stored).toMatch(/^v1:[^:]+:[^:]+:[^:]+$/);
    expect(stored).not.toContain("very-secret");
    expect(decryptJson(stored, key)).toEqual({ clientSecret: "3MVG9-very-secret" });
  });

  test("uses a fresh IV each time", () => {
    expect(encryptSecret("same", key)).not.toBe(encryptSecret("same", key));
  });

  test("refuses a tampered value or another key with a message an agent can act on", () => {
    const stored = encryptSecret("token", key);
    const [v, iv, tag, data] = stored.split(":");
    const flipped = Buffer.from(data!, "base64");
    flipped[0] = flipped[0]! ^ 1;
    const tampered = [v, iv, tag, flipped.toString("base64")].join(":");

    const message =
      "The stored Salesforce credentials cannot be decrypted: ENCRYPTION_KEY differs from the key they were saved with. Enter the credentials again.";
    expect(() => decryptSecret(tampered, key)).toThrow(message);
    expect(() => decryptSecret(stored, otherKey)).toThrow(message);
  });
});
