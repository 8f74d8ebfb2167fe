import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { findAgentByEmail } from "@/lib/agents/agents";
import { verifyPassword } from "@/lib/auth/password";
import {
  clearSignInFailures,
  recordSignInFailure,
  signInDelay,
  throttleKeys,
} from "@/lib/auth/throttle";
import { db } from "@/lib/db/client";
import { env, oidcSettings } from "@/lib/env";
import { logger } from "@/lib/logger";

export const SIGN_IN_PAGE = "/sign-in";

type Headers = Record<string, string | string[] | undefined> | undefined;

// Known limit: behind a proxy the address comes from X-Forwarded-For, which a client can set;
// the per-email throttle still holds whatever the address says.
function clientAddress(headers: Headers) {
  const forwarded = headers?.["x-forwarded-for"];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
  return first || undefined;
}

export const SIGN_IN_UNAVAILABLE = "SignInUnavailable";

// next-auth puts a thrown message into the redirect URL, so nothing internal may travel in it.
async function authorizeSafely(email: string, password: string, headers: Headers) {
  try {
    return await authorizeCredentials(email, password, headers);
  } catch (error) {
    logger().error({ err: error, event: "sign_in_error" }, "sign-in could not be checked");
    throw new Error(SIGN_IN_UNAVAILABLE);
  }
}

async function authorizeCredentials(email: string, password: string, headers: Headers) {
  const keys = throttleKeys(email, clientAddress(headers));
  const delay = await signInDelay(db(), keys);
  if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));

  const agent = await findAgentByEmail(db(), email);
  const ok = await verifyPassword(password, agent?.passwordHash);
  if (!agent || !ok || agent.disabledAt) {
    await recordSignInFailure(db(), keys);
    logger().warn({ event: "sign_in_failed", delayMs: delay }, "sign-in refused");
    return null;
  }

  await clearSignInFailures(db(), keys);
  logger().info({ event: "sign_in", agentId: agent.id }, "agent signed in");
  return { id: agent.id, email: agent.email, name: agent.name ?? agent.email };
}

function providers(): NextAuthOptions["providers"] {
  const settings = env();
  const list: NextAuthOptions["providers"] = [];

  if (settings.AUTH_CREDENTIALS === "on") {
    list.push(
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        authorize: async (credentials, req) => {
          if (!credentials?.email || !credentials.password) return null;
          return authorizeSafely(credentials.email, credentials.password, req?.headers);
        },
      }),
    );
  }

  const oidc = oidcSettings(settings);
  if (oidc) {
    list.push({
      id: "oidc",
      name: "Company sign-in",
      type: "oauth",
      wellKnown: `${oidc.issuer.replace(/\/$/, "")}/.well-known/openid-configuration`,
      clientId: oidc.clientId,
      clientSecret: oidc.clientSecret,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state"],
      profile: (p: { sub: string; email: string; name?: string }) => ({
        id: p.sub,
        email: p.email,
        name: p.name ?? p.email,
      }),
    });
  }
  return list;
}

let options: NextAuthOptions | undefined;

export function authOptions(): NextAuthOptions {
  options ??= {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
    pages: { signIn: SIGN_IN_PAGE, error: SIGN_IN_PAGE },
    providers: providers(),
    callbacks: {
      // Only agents the console knows may sign in, whichever provider vouches for them.
      signIn: async ({ user }) => {
        if (!user.email) return false;
        const agent = await findAgentByEmail(db(), user.email);
        return Boolean(agent && !agent.disabledAt);
      },
      jwt: async ({ token, user }) => {
        if (user?.email) {
          const agent = await findAgentByEmail(db(), user.email);
          token.agentId = agent?.id;
        }
        return token;
      },
      session: async ({ session, token }) => {
        return { ...session, agentId: token.agentId as string | undefined };
      },
    },
    logger: {
      error: (code, metadata) => logger().error({ code, metadata }, "next-auth error"),
      warn: (code) => logger().warn({ code }, "next-auth warning"),
      debug: () => {},
    },
  };
  return options;
}
