import type { FieldDef } from "./field-def";

export interface ChildRelationship {
  relationshipName: string;
  childObject: string;
  field: string;
}

// Field and relationship names are case-insensitive in SOQL, so every lookup goes through a
// lower-cased key; the FieldDef keeps the canonical spelling for responses.
export class ObjectSchema {
  readonly childRelationships: ChildRelationship[] = [];
  private readonly byLower = new Map<string, FieldDef>();
  private readonly relationshipsByLower = new Map<string, FieldDef>();
  // Seeding looks fields up by the exact spelling it was given, many times over.
  private readonly bySpelling = new Map<string, FieldDef | undefined>();
  private ordered: FieldDef[] = [];
  private blank: Record<string, null> | undefined;

  constructor(
    readonly name: string,
    readonly keyPrefix: string,
    readonly label: string,
    readonly labelPlural: string,
    fields: FieldDef[],
    readonly describeBase?: Record<string, unknown>,
  ) {
    for (const field of fields) this.upsertField(field);
  }

  field(name: string): FieldDef | undefined {
    if (this.bySpelling.has(name)) return this.bySpelling.get(name);
    const field = this.byLower.get(name.toLowerCase());
    this.bySpelling.set(name, field);
    return field;
  }

  /** A record with every stored field set to null, to copy from: one shape for all records. */
  blankRecord(): Readonly<Record<string, null>> {
    if (!this.blank) {
      const shape: Record<string, null> = {};
      for (const field of this.ordered) if (field.type !== "address") shape[field.name] = null;
      // Built key by key the object falls into V8's slow dictionary mode, and so would every
      // copy; a parsed copy has fast properties, and so do the records cloned from it.
      this.blank = JSON.parse(JSON.stringify(shape)) as Record<string, null>;
    }
    return this.blank;
  }

  visibleField(name: string): FieldDef | undefined {
    const field = this.field(name);
    return field && !field.hidden ? field : undefined;
  }

  relationship(name: string): FieldDef | undefined {
    const field = this.relationshipsByLower.get(name.toLowerCase());
    return field && !field.hidden ? field : undefined;
  }

  childRelationship(name: string): ChildRelationship | undefined {
    const lower = name.toLowerCase();
    return this.childRelationships.find((c) => c.relationshipName.toLowerCase() === lower);
  }

  fields(): readonly FieldDef[] {
    return this.ordered;
  }

  visibleFields(): FieldDef[] {
    return this.ordered.filter((field) => !field.hidden);
  }

  upsertField(field: FieldDef): void {
    const key = field.name.toLowerCase();
    const existing = this.byLower.get(key);
    this.byLower.set(key, field);
    this.bySpelling.clear();
    this.blank = undefined;
    this.ordered = existing
      ? this.ordered.map((f) => (f === existing ? field : f))
      : [...this.ordered, field];
    if (field.type === "reference" && field.relationshipName) {
      this.relationshipsByLower.set(field.relationshipName.toLowerCase(), field);
    }
  }
}
