import "server-only";
import { randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";

const COST = 12;

// A hash of nothing anyone knows, compared against when the email is unknown so that a wrong
// email takes as long as a wrong password.
let decoyHash: string | undefined;

function decoy() {
  decoyHash ??= bcrypt.hashSync(randomBytes(16).toString("hex"), COST);
  return decoyHash;
}

export function hashPassword(password: string) {
  return bcrypt.hash(password, COST);
}

export async function verifyPassword(password: string, hash: string | null | undefined) {
  const matches = await bcrypt.compare(password, hash ?? decoy());
  return matches && hash != null;
}

/** 20 characters from an unambiguous alphabet: easy to read off a terminal, 100+ bits. */
export function generatePassword() {
  const alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";
  const bytes = randomBytes(20);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
}

export const MIN_PASSWORD_LENGTH = 12;
