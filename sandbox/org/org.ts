import { type Clock, createClock } from "../clock";
import { makeId } from "../ids";
import type { OrgSchema, OrgSettings } from "../schema/org-schema";
import {
  type MutationOptions,
  deleteRecord,
  insertRecord,
  mergeRecords,
  updateRecord,
} from "./mutations";
import type { InputValue, SfRecord } from "./values";

interface Table {
  records: SfRecord[];
  positions: Map<string, number>;
  sequence: number;
}

export interface SandboxUser {
  username: string;
  password: string;
  securityToken: string;
  firstName?: string;
  lastName?: string;
  email?: string;
}

export interface LoginUser extends SandboxUser {
  id: string;
}

/** The simulated org's data: one table per sObject, in creation order, indexed by Id. */
export class SandboxOrg {
  readonly clock: Clock;
  readonly orgId: string;
  readonly name: string;
  readonly logins: LoginUser[] = [];
  private readonly tables = new Map<string, Table>();
  private readonly children = new Map<string, Map<string, Map<string, SfRecord[]>>>();

  constructor(
    readonly schema: OrgSchema,
    options: { clock?: Clock; orgNumber?: number; name?: string } = {},
  ) {
    this.clock = options.clock ?? createClock();
    this.orgId = makeId("00D", options.orgNumber ?? 1);
    this.name = options.name ?? "Sandbox Org";
  }

  get settings(): OrgSettings {
    return this.schema.settings;
  }

  nextId(object: string): string {
    const table = this.table(object);
    table.sequence += 1;
    return makeId(this.schema.internal(object).keyPrefix, table.sequence);
  }

  get(object: string, id: string): SfRecord | undefined {
    const table = this.tables.get(object);
    const position = table?.positions.get(id);
    return position === undefined ? undefined : table!.records[position];
  }

  /** Finds a record of any object by Id. */
  find(id: string): { object: string; record: SfRecord } | undefined {
    for (const [object, table] of this.tables) {
      const position = table.positions.get(id);
      if (position !== undefined) return { object, record: table.records[position]! };
    }
    return undefined;
  }

  records(object: string): readonly SfRecord[] {
    return this.tables.get(object)?.records ?? [];
  }

  /** Stores a new record or replaces the stored record with the same Id. */
  put(object: string, record: SfRecord): void {
    const table = this.table(object);
    const id = String(record.Id);
    const position = table.positions.get(id);
    const previous = position === undefined ? undefined : table.records[position];
    if (position === undefined) {
      table.positions.set(id, table.records.length);
      table.records.push(record);
    } else {
      table.records[position] = record;
    }
    for (const [field, index] of this.children.get(object) ?? []) {
      reindexChild(index, field, previous, record);
    }
  }

  /** Records of `object` grouped by the value of a reference field, kept up to date. */
  childrenBy(object: string, field: string): ReadonlyMap<string, readonly SfRecord[]> {
    let byField = this.children.get(object);
    if (!byField) {
      byField = new Map();
      this.children.set(object, byField);
    }
    let index = byField.get(field);
    if (!index) {
      index = new Map();
      for (const record of this.records(object)) reindexChild(index, field, undefined, record);
      byField.set(field, index);
    }
    return index;
  }

  defaultUserId(): string {
    const user = this.records("User")[0];
    if (!user) throw new Error("The sandbox org has no user yet");
    return String(user.Id);
  }

  insert(object: string, values: Record<string, InputValue>, options?: MutationOptions) {
    return insertRecord(this, object, values, options);
  }

  update(
    object: string,
    id: string,
    changes: Record<string, InputValue>,
    options?: MutationOptions,
  ) {
    return updateRecord(this, object, id, changes, options);
  }

  delete(object: string, id: string, options?: MutationOptions): void {
    deleteRecord(this, object, id, options);
  }

  merge(object: string, masterId: string, duplicateIds: string[], options?: MutationOptions) {
    mergeRecords(this, object, masterId, duplicateIds, options);
  }

  private table(object: string): Table {
    const canonical = this.schema.internal(object).name;
    let table = this.tables.get(canonical);
    if (!table) {
      table = { records: [], positions: new Map(), sequence: 0 };
      this.tables.set(canonical, table);
    }
    return table;
  }
}

function reindexChild(
  index: Map<string, SfRecord[]>,
  field: string,
  previous: SfRecord | undefined,
  record: SfRecord,
): void {
  const oldParent = previous?.[field];
  const newParent = record[field];
  if (previous && typeof oldParent === "string") {
    const list = index.get(oldParent) ?? [];
    const at = list.indexOf(previous);
    if (oldParent === newParent && at >= 0) {
      list[at] = record;
      return;
    }
    if (at >= 0) list.splice(at, 1);
  }
  if (typeof newParent !== "string") return;
  const list = index.get(newParent);
  if (list) list.push(record);
  else index.set(newParent, [record]);
}
