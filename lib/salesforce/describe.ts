import "server-only";

import type { SalesforceConnection } from "./connection";
import { SalesforceError } from "./errors";

export interface FieldDescribe {
  name: string;
  type: string;
  label: string;
  filterable: boolean;
  relationshipName: string | null;
  referenceTo: string[];
  picklistValues: { value: string; active: boolean; label?: string | null }[];
  [key: string]: unknown;
}

export interface SObjectDescribe {
  name: string;
  keyPrefix: string | null;
  fields: FieldDescribe[];
  [key: string]: unknown;
}

export interface GlobalDescribe {
  sobjects: { name: string; keyPrefix: string | null; queryable: boolean }[];
}

interface Entry<T> {
  expires: number;
  value: Promise<T>;
}

/** Describes per connection, kept for a while; concurrent callers share one request. */
export class DescribeCache {
  private readonly entries = new Map<string, Entry<unknown>>();

  constructor(
    private readonly connection: SalesforceConnection,
    private readonly ttlMs = 10 * 60_000,
  ) {}

  global(): Promise<GlobalDescribe> {
    return this.cached("*global", () => this.connection.requestJson<GlobalDescribe>("/sobjects"));
  }

  /** The object's describe, or null when the org has no such object (or hides it). */
  object(name: string): Promise<SObjectDescribe | null> {
    return this.cached(name.toLowerCase(), async () => {
      try {
        return await this.connection.requestJson<SObjectDescribe>(
          `/sobjects/${encodeURIComponent(name)}/describe`,
        );
      } catch (error) {
        if (error instanceof SalesforceError && error.salesforceCode === "NOT_FOUND") return null;
        throw error;
      }
    });
  }

  async requireObject(name: string): Promise<SObjectDescribe> {
    const describe = await this.object(name);
    if (!describe) {
      throw new SalesforceError(
        "invalid_object",
        `The org has no ${name} object the integration user can see.`,
        {
          subject: name,
        },
      );
    }
    return describe;
  }

  invalidate(): void {
    this.entries.clear();
  }

  private cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.expires > now) return hit.value as Promise<T>;
    const value = load();
    this.entries.set(key, { expires: now + this.ttlMs, value });
    value.catch(() => this.entries.delete(key));
    return value;
  }
}

export function findField(describe: SObjectDescribe, name: string): FieldDescribe | undefined {
  const wanted = name.toLowerCase();
  return describe.fields.find((field) => field.name.toLowerCase() === wanted);
}
