import { z } from "zod";

// What an agent (or an import file) gives for a Salesforce connection. Secrets travel only
// inwards: they are encrypted on save and never read back out to the browser.

export const PRODUCTION_LOGIN_URL = "https://login.salesforce.com";
export const SANDBOX_LOGIN_URL = "https://test.salesforce.com";

const loginUrlSchema = z
  .url({ error: "Enter the login URL, for example https://login.salesforce.com." })
  .transform((url) => url.replace(/\/+$/, ""))
  .refine(
    (url) => /^https:\/\//.test(url) || /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(url),
    {
      error: "The login URL must use https (plain http is allowed only for the local sandbox org).",
    },
  );

const text = (message: string) => z.string({ error: message }).trim().min(1, message);

export const connectionInputSchema = z.discriminatedUnion(
  "authFlow",
  [
    z.object({
      authFlow: z.literal("client_credentials"),
      loginUrl: loginUrlSchema,
      apiVersion: z
        .string()
        .regex(/^\d{2}\.0$/, "API version looks like 62.0.")
        .default("62.0"),
      clientId: text("Enter the connected app's consumer key."),
      clientSecret: text("Enter the connected app's consumer secret."),
    }),
    z.object({
      authFlow: z.literal("username_password"),
      loginUrl: loginUrlSchema,
      apiVersion: z
        .string()
        .regex(/^\d{2}\.0$/, "API version looks like 62.0.")
        .default("62.0"),
      clientId: text("Enter the connected app's consumer key."),
      clientSecret: text("Enter the connected app's consumer secret."),
      username: text("Enter the integration user's username."),
      password: text("Enter the integration user's password."),
      securityToken: z.string().trim().default(""),
    }),
  ],
  { error: "Choose an auth flow: client credentials or username and password." },
);

export type ConnectionInput = z.infer<typeof connectionInputSchema>;

/** The encrypted part of a stored connection. */
export type ConnectionSecrets = {
  clientSecret: string;
  password?: string;
  securityToken?: string;
  accessToken?: string;
  refreshToken?: string;
};
