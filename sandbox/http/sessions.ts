import { randomBytes } from "node:crypto";

export interface Session {
  userId: string;
  clientId: string;
  expiresAt: number;
}

interface Grant {
  userId: string;
  clientId: string;
}

const MAX_SESSIONS = 10_000;

/** Access and refresh tokens of the sandbox's connected app. */
export class Sessions {
  private readonly access = new Map<string, Session>();
  private readonly refresh = new Map<string, Grant>();

  constructor(private readonly orgId: string) {}

  issueAccess(userId: string, clientId: string, ttlMs: number): string {
    if (this.access.size >= MAX_SESSIONS) this.dropExpired();
    const token = `${this.orgId.slice(0, 15)}!${randomBytes(42).toString("base64url")}`;
    this.access.set(token, { userId, clientId, expiresAt: Date.now() + ttlMs });
    return token;
  }

  issueRefresh(userId: string, clientId: string): string {
    const token = `5Aep861${randomBytes(48).toString("base64url")}`;
    this.refresh.set(token, { userId, clientId });
    return token;
  }

  check(token: string | undefined): Session | undefined {
    if (!token) return undefined;
    const session = this.access.get(token);
    if (!session) return undefined;
    if (session.expiresAt <= Date.now()) {
      this.access.delete(token);
      return undefined;
    }
    return session;
  }

  redeem(refreshToken: string, clientId: string): Grant | undefined {
    const grant = this.refresh.get(refreshToken);
    return grant && grant.clientId === clientId ? grant : undefined;
  }

  revoke(token: string): void {
    this.access.delete(token);
    this.refresh.delete(token);
  }

  expireAll(): void {
    this.access.clear();
  }

  revokeRefreshTokens(): void {
    this.refresh.clear();
  }

  private dropExpired(): void {
    const now = Date.now();
    for (const [token, session] of this.access)
      if (session.expiresAt <= now) this.access.delete(token);
  }
}
