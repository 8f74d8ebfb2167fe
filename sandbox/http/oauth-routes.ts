import { createHmac, timingSafeEqual } from "node:crypto";

import type { LoginUser } from "../org/org";
import type { SandboxContext, SandboxRequest } from "./context";
import { type Reply, json, oauthError, text } from "./reply";

/** `POST /services/oauth2/token` with the password, client_credentials and refresh_token grants. */
export function issueToken(ctx: SandboxContext, req: SandboxRequest): Reply {
  const form = new URLSearchParams(req.body);
  const [clientId, clientSecret] = clientCredentialsOf(req, form);
  const grant = form.get("grant_type");
  if (grant !== "password" && grant !== "client_credentials" && grant !== "refresh_token") {
    return oauthError("unsupported_grant_type", "grant type not supported");
  }
  if (clientId !== ctx.config.clientId)
    return oauthError("invalid_client_id", "client identifier invalid");
  const secretRequired = grant !== "refresh_token" || clientSecret !== undefined;
  if (secretRequired && !same(clientSecret, ctx.config.clientSecret)) {
    return oauthError("invalid_client", "invalid client credentials");
  }

  if (grant === "password") {
    const user = passwordUser(ctx, form.get("username"), form.get("password"));
    if (!user) return oauthError("invalid_grant", "authentication failure");
    const refresh = ctx.config.refreshTokenOnPassword;
    return tokenReply(
      ctx,
      user.id,
      refresh ? ctx.sessions.issueRefresh(user.id, clientId) : undefined,
    );
  }
  if (grant === "client_credentials") {
    const username = ctx.config.clientCredentialsUser;
    const user = username === null ? undefined : runAsUser(ctx, username);
    if (!user) return oauthError("invalid_grant", "no client credentials user enabled");
    return tokenReply(ctx, user.id, undefined);
  }
  const refreshToken = form.get("refresh_token") ?? "";
  const granted = ctx.sessions.redeem(refreshToken, clientId);
  if (!granted) return oauthError("invalid_grant", "expired access/refresh token");
  if (!ctx.config.rotateRefreshTokens) return tokenReply(ctx, granted.userId, undefined);
  ctx.sessions.revoke(refreshToken);
  return tokenReply(ctx, granted.userId, ctx.sessions.issueRefresh(granted.userId, clientId));
}

export function revokeToken(ctx: SandboxContext, req: SandboxRequest): Reply {
  const token = new URLSearchParams(req.body).get("token") ?? req.query.get("token");
  if (!token) return oauthError("unsupported_token_type", "this token type is not supported");
  ctx.sessions.revoke(token);
  return text(200, "");
}

/** `GET /id/{orgId}/{userId}`: the identity service, authorised by header or `oauth_token`. */
export function identity(
  ctx: SandboxContext,
  req: SandboxRequest,
  orgId: string,
  userId: string,
): Reply {
  const bearer = /^Bearer (.+)$/i.exec(String(req.headers.authorization ?? ""))?.[1];
  const session = ctx.sessions.check(bearer ?? req.query.get("oauth_token") ?? undefined);
  if (!session) return text(403, "Bad_OAuth_Token");
  const user = ctx.org.logins.find((login) => login.id === userId);
  if (orgId !== ctx.org.orgId || !user || session.userId !== userId) return text(403, "Bad_Id");
  const record = ctx.org.get("User", userId)!;
  const rest = `${ctx.urls.instanceUrl}/services/data/v{version}/`;
  return json(200, {
    id: identityUrl(ctx, userId),
    asserted_user: true,
    user_id: userId,
    organization_id: ctx.org.orgId,
    username: user.username,
    nick_name: user.username.split("@")[0],
    display_name: record.Name,
    email: record.Email,
    email_verified: true,
    first_name: record.FirstName,
    last_name: record.LastName,
    timezone: "GMT",
    active: true,
    user_type: "STANDARD",
    language: "en_US",
    locale: "en_US",
    utcOffset: 0,
    last_modified_date: new Date(Number(record.LastModifiedDate))
      .toISOString()
      .replace("Z", "+0000"),
    is_app_installed: true,
    urls: {
      rest,
      sobjects: `${rest}sobjects/`,
      query: `${rest}query/`,
      search: `${rest}search/`,
      recent: `${rest}recent/`,
      profile: `${ctx.urls.instanceUrl}/${userId}`,
      custom_domain: ctx.urls.instanceUrl,
    },
  });
}

export function identityUrl(ctx: SandboxContext, userId: string): string {
  return `${ctx.urls.loginUrl}/id/${ctx.org.orgId}/${userId}`;
}

function tokenReply(ctx: SandboxContext, userId: string, refreshToken: string | undefined): Reply {
  const id = identityUrl(ctx, userId);
  const issuedAt = String(Date.now());
  const signature = createHmac("sha256", ctx.config.clientSecret)
    .update(id + issuedAt)
    .digest("base64");
  return json(200, {
    access_token: ctx.sessions.issueAccess(userId, ctx.config.clientId, ctx.config.tokenTtlMs),
    ...(refreshToken ? { refresh_token: refreshToken } : {}),
    signature,
    scope: refreshToken ? "refresh_token api" : "api",
    instance_url: ctx.urls.instanceUrl,
    id,
    token_type: "Bearer",
    issued_at: issuedAt,
  });
}

// Salesforce expects the password with the user's security token appended; a user without a
// token (a trusted IP range in a real org) logs in with the password alone.
function passwordUser(ctx: SandboxContext, username: string | null, password: string | null) {
  const user = ctx.org.logins.find(
    (login) => login.username.toLowerCase() === username?.toLowerCase(),
  );
  if (!user || password === null) return undefined;
  return same(password, user.password + user.securityToken) ? user : undefined;
}

function runAsUser(ctx: SandboxContext, username: string | undefined): LoginUser | undefined {
  if (username === undefined) return ctx.org.logins[0];
  return ctx.org.logins.find((login) => login.username.toLowerCase() === username.toLowerCase());
}

function clientCredentialsOf(
  req: SandboxRequest,
  form: URLSearchParams,
): [string, string | undefined] {
  const basic = /^Basic (.+)$/i.exec(String(req.headers.authorization ?? ""))?.[1];
  if (basic) {
    const [id, ...secret] = Buffer.from(basic, "base64").toString("utf8").split(":");
    return [decodeURIComponent(id ?? ""), decodeURIComponent(secret.join(":"))];
  }
  return [form.get("client_id") ?? "", form.get("client_secret") ?? undefined];
}

function same(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
