import { z } from "zod";
import {
  type ConnectionInput,
  connectionInputSchema,
  PRODUCTION_LOGIN_URL,
  SANDBOX_LOGIN_URL,
} from "@/lib/salesforce-connections/connection-input";

/**
 * The connection form: the agent picks production, sandbox or a My Domain URL, and may leave
 * the secrets blank to keep the ones already saved. It is checked by turning it into the
 * stored `ConnectionInput` and parsing that with its own schema, so the form and the server
 * give the same messages.
 */

export const loginUrlKinds = ["production", "sandbox", "custom"] as const;

export const connectionFormSchema = z
  .object({
    loginUrlKind: z.enum(loginUrlKinds),
    customLoginUrl: z.string(),
    authFlow: z.enum(["client_credentials", "username_password"]),
    apiVersion: z.string(),
    clientId: z.string(),
    clientSecret: z.string(),
    username: z.string(),
    password: z.string(),
    securityToken: z.string(),
    /** Blank secrets keep the saved ones; only possible when a connection is saved. */
    keepSavedSecrets: z.boolean(),
  })
  .superRefine((form, ctx) => {
    const parsed = connectionInputSchema.safeParse(toConnectionInput(form, PLACEHOLDER_SECRETS));
    if (parsed.success) return;
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "authFlow");
      ctx.addIssue({ code: "custom", path: [formFieldOf(field)], message: issue.message });
    }
  });

export type ConnectionForm = z.infer<typeof connectionFormSchema>;

type SavedSecrets = { clientSecret: string; password?: string; securityToken?: string };

// Stands in for saved secrets while the browser checks the form's shape.
const PLACEHOLDER_SECRETS: SavedSecrets = { clientSecret: "saved", password: "saved" };

function formFieldOf(inputField: string): keyof ConnectionForm {
  return inputField === "loginUrl" ? "customLoginUrl" : (inputField as keyof ConnectionForm);
}

export function loginUrlOf(form: Pick<ConnectionForm, "loginUrlKind" | "customLoginUrl">) {
  if (form.loginUrlKind === "production") return PRODUCTION_LOGIN_URL;
  if (form.loginUrlKind === "sandbox") return SANDBOX_LOGIN_URL;
  return form.customLoginUrl.trim();
}

/** The input to store; blank secrets are taken from `saved` when the form says to keep them. */
export function toConnectionInput(form: ConnectionForm, saved: SavedSecrets | null): unknown {
  const keep = form.keepSavedSecrets && saved !== null;
  const secret = (typed: string, stored: string | undefined) =>
    keep && typed.trim() === "" ? (stored ?? "") : typed;
  const common = {
    loginUrl: loginUrlOf(form),
    apiVersion: form.apiVersion.trim() || undefined,
    clientId: form.clientId,
    clientSecret: secret(form.clientSecret, saved?.clientSecret),
  };
  if (form.authFlow === "client_credentials") return { authFlow: form.authFlow, ...common };
  return {
    authFlow: form.authFlow,
    ...common,
    username: form.username,
    password: secret(form.password, saved?.password),
    securityToken: secret(form.securityToken, saved?.securityToken),
  };
}

/** The form as it opens: blank for a new connection, the saved non-secret values otherwise. */
export function connectionFormDefaults(
  saved:
    | (Pick<ConnectionInput, "loginUrl" | "authFlow" | "apiVersion" | "clientId"> & {
        username: string | null;
      })
    | null,
): ConnectionForm {
  const kind = !saved
    ? "production"
    : saved.loginUrl === PRODUCTION_LOGIN_URL
      ? "production"
      : saved.loginUrl === SANDBOX_LOGIN_URL
        ? "sandbox"
        : "custom";
  return {
    loginUrlKind: kind,
    customLoginUrl: kind === "custom" ? (saved?.loginUrl ?? "") : "",
    authFlow: saved?.authFlow ?? "client_credentials",
    apiVersion: saved?.apiVersion ?? "62.0",
    clientId: saved?.clientId ?? "",
    clientSecret: "",
    username: saved?.username ?? "",
    password: "",
    securityToken: "",
    keepSavedSecrets: saved !== null,
  };
}
