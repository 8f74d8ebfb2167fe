import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

// Salesforce credentials at rest: AES-256-GCM, a fresh 12-byte IV per value, the auth tag kept
// beside the ciphertext. The format is versioned so the key or algorithm can change later.
const VERSION = "v1";

function key(keyBase64 = env().ENCRYPTION_KEY) {
  return Buffer.from(keyBase64, "base64");
}

export function encryptSecret(plaintext: string, keyBase64?: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(keyBase64), iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), ciphertext].map((b) => b.toString("base64"));
  return [VERSION, ...parts].join(":");
}

export class SecretUnreadable extends Error {
  constructor() {
    super(
      "The stored Salesforce credentials cannot be decrypted: ENCRYPTION_KEY differs from the key they were saved with. Enter the credentials again.",
    );
  }
}

export function decryptSecret(stored: string, keyBase64?: string): string {
  const [version, iv, tag, ciphertext] = stored.split(":");
  if (version !== VERSION || !iv || !tag || !ciphertext) throw new SecretUnreadable();
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(keyBase64), Buffer.from(iv, "base64"));
    decipher.setAuthTag(Buffer.from(tag, "base64"));
    const plain = Buffer.concat([
      decipher.update(Buffer.from(ciphertext, "base64")),
      decipher.final(),
    ]);
    return plain.toString("utf8");
  } catch {
    throw new SecretUnreadable();
  }
}

export function encryptJson(value: unknown, keyBase64?: string) {
  return encryptSecret(JSON.stringify(value), keyBase64);
}

export function decryptJson<T>(stored: string, keyBase64?: string): T {
  return JSON.parse(decryptSecret(stored, keyBase64)) as T;
}
