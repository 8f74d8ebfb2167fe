import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

// The one place that reads process.env. Everything else asks this module.

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const postgresUrl = z
  .string()
  .trim()
  .regex(/^postgres(ql)?:\/\/.+/, "a postgres:// or postgresql:// connection URL");

const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

const settingsSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: postgresUrl.optional(),
  DATA_DIR: z.string().trim().min(1).default(".data"),
  PGLITE_PORT: port(54329),
  HOST: z.string().trim().min(1).default("127.0.0.1"),
  PORT: port(3000),
  NEXTAUTH_URL: z.url("an absolute URL such as https://console.example.com").optional(),
  NEXTAUTH_SECRET: z.string().min(32, "at least 32 characters of random text").optional(),
  ENCRYPTION_KEY: z
    .string()
    .refine((v) => Buffer.from(v, "base64").length === 32, "32 random bytes, base64-encoded")
    .optional(),
  AUTH_CREDENTIALS: z.enum(["on", "off"]).default("on"),
  OIDC_ISSUER: z.url("the issuer URL of the OIDC provider").optional(),
  OIDC_CLIENT_ID: optionalText,
  OIDC_CLIENT_SECRET: optionalText,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SANDBOX: z.enum(["on", "off"]).optional(),
  SANDBOX_PORT: port(3939),
  SANDBOX_CLIENT_SECRET: z.string().min(16, "at least 16 characters").optional(),
  SALESFORCE_SAMPLES_DIR: z.string().trim().min(1).default("../shared/salesforce-samples"),
  SYNC_HEAP_GROWING_PERCENT: z.coerce.number().int().min(0).max(400).default(50),
  TEST_DATABASE_URL: postgresUrl.optional(),
  CHROMIUM_PATH: optionalText,
});

type Settings = z.infer<typeof settingsSchema>;

export type Env = Omit<
  Settings,
  "NEXTAUTH_SECRET" | "ENCRYPTION_KEY" | "NEXTAUTH_URL" | "SANDBOX"
> & {
  embedded: boolean;
  NEXTAUTH_SECRET: string;
  ENCRYPTION_KEY: string;
  NEXTAUTH_URL: string;
  SANDBOX: "on" | "off";
  dataDir: string;
  samplesDir: string;
};

export class ConfigurationError extends Error {}

let cached: Env | undefined;

/** Reads and validates the settings once; a bad setting throws one line naming the variable. */
export function env(): Env {
  cached ??= loadEnv(process.env);
  return cached;
}

export function loadEnv(source: Record<string, string | undefined>): Env {
  const parsed = settingsSchema.safeParse(withoutBlanks(source));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0]);
    throw new ConfigurationError(`Setting ${name} is invalid: expected ${issue.message}.`);
  }

  const settings = parsed.data;
  const embedded = settings.DATABASE_URL === undefined;
  const dataDir = path.resolve(settings.DATA_DIR);
  const secrets = embedded ? embeddedSecrets(dataDir, settings) : requireSecrets(settings);
  checkOidc(settings);

  return {
    ...settings,
    ...secrets,
    embedded,
    dataDir,
    samplesDir: path.resolve(settings.SALESFORCE_SAMPLES_DIR),
    NEXTAUTH_URL: settings.NEXTAUTH_URL ?? required(embedded, "NEXTAUTH_URL", localUrl(settings)),
    SANDBOX: settings.SANDBOX ?? (embedded ? "on" : "off"),
  };
}

function withoutBlanks(source: Record<string, string | undefined>) {
  return Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
}

function localUrl(settings: Settings) {
  return `http://${settings.HOST}:${settings.PORT}`;
}

function required(embedded: boolean, name: string, fallback: string) {
  if (embedded) return fallback;
  throw new ConfigurationError(
    `Setting ${name} is missing: it is required when DATABASE_URL is set.`,
  );
}

function requireSecrets(settings: Settings) {
  if (!settings.NEXTAUTH_SECRET) required(false, "NEXTAUTH_SECRET", "");
  if (!settings.ENCRYPTION_KEY) required(false, "ENCRYPTION_KEY", "");
  return {
    NEXTAUTH_SECRET: settings.NEXTAUTH_SECRET!,
    ENCRYPTION_KEY: settings.ENCRYPTION_KEY!,
    // A sandbox next to PostgreSQL (SANDBOX=on) gets a fresh secret each start unless one is set.
    SANDBOX_CLIENT_SECRET: settings.SANDBOX_CLIENT_SECRET ?? randomBytes(24).toString("base64url"),
  };
}

// On the embedded default nothing is configured, so the secrets are generated once and kept in
// the data folder beside the database they protect.
function embeddedSecrets(dataDir: string, settings: Settings) {
  const file = path.join(dataDir, "secrets.json");
  type Secrets = { NEXTAUTH_SECRET: string; ENCRYPTION_KEY: string; SANDBOX_CLIENT_SECRET: string };
  let stored: Partial<Secrets> = {};
  if (existsSync(file)) stored = JSON.parse(readFileSync(file, "utf8"));

  const secrets = {
    NEXTAUTH_SECRET: settings.NEXTAUTH_SECRET ?? stored.NEXTAUTH_SECRET,
    ENCRYPTION_KEY: settings.ENCRYPTION_KEY ?? stored.ENCRYPTION_KEY,
    SANDBOX_CLIENT_SECRET: settings.SANDBOX_CLIENT_SECRET ?? stored.SANDBOX_CLIENT_SECRET,
  };
  if (secrets.NEXTAUTH_SECRET && secrets.ENCRYPTION_KEY && secrets.SANDBOX_CLIENT_SECRET) {
    return secrets as Secrets;
  }

  const generated: Secrets = {
    NEXTAUTH_SECRET: secrets.NEXTAUTH_SECRET ?? randomBytes(32).toString("base64url"),
    ENCRYPTION_KEY: secrets.ENCRYPTION_KEY ?? randomBytes(32).toString("base64"),
    SANDBOX_CLIENT_SECRET: secrets.SANDBOX_CLIENT_SECRET ?? randomBytes(24).toString("base64url"),
  };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify({ ...stored, ...generated }, null, 2), { mode: 0o600 });
  return generated;
}

function checkOidc(settings: Settings) {
  const oidc = [settings.OIDC_ISSUER, settings.OIDC_CLIENT_ID, settings.OIDC_CLIENT_SECRET];
  const given = oidc.filter((v) => v !== undefined).length;
  if (given !== 0 && given !== 3) {
    throw new ConfigurationError(
      "Settings OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET go together: set all three or none.",
    );
  }
  if (settings.AUTH_CREDENTIALS === "off" && given === 0) {
    throw new ConfigurationError(
      "Setting AUTH_CREDENTIALS is off but no OIDC provider is set: nobody could sign in.",
    );
  }
}

export function oidcSettings(e: Env) {
  if (!e.OIDC_ISSUER || !e.OIDC_CLIENT_ID || !e.OIDC_CLIENT_SECRET) return undefined;
  return { issuer: e.OIDC_ISSUER, clientId: e.OIDC_CLIENT_ID, clientSecret: e.OIDC_CLIENT_SECRET };
}

/** The few settings tests and the Playwright config need, without the app's secrets. */
export function testEnv() {
  return {
    TEST_DATABASE_URL: process.env.TEST_DATABASE_URL || undefined,
    CHROMIUM_PATH: process.env.CHROMIUM_PATH || undefined,
    CI: process.env.CI === "true",
  };
}

/** The environment for a child process this one starts (Next.js), with the derived settings. */
export function childProcessEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}
