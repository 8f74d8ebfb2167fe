import pino from "pino";
import pretty from "pino-pretty";
import { env } from "@/lib/env";

// Secrets never reach a log line, whatever an object carries.
const redact = {
  paths: [
    "password",
    "*.password",
    "passwordHash",
    "*.passwordHash",
    "clientSecret",
    "*.clientSecret",
    "securityToken",
    "*.securityToken",
    "accessToken",
    "*.accessToken",
    "refreshToken",
    "*.refreshToken",
    "access_token",
    "refresh_token",
    "authorization",
    "*.authorization",
    "headers.authorization",
    "secrets",
    "*.secrets",
  ],
  censor: "[redacted]",
};

function createLogger() {
  const settings = env();
  const options = { level: settings.LOG_LEVEL, redact, base: { service: "contact-sync" } };
  if (settings.NODE_ENV === "production") return pino(options);
  return pino(options, pretty({ colorize: true, sync: true, ignore: "pid,hostname,service" }));
}

let instance: pino.Logger | undefined;

export function logger(): pino.Logger {
  instance ??= createLogger();
  return instance;
}
