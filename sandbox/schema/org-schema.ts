import { readFileSync } from "node:fs";
import { join } from "node:path";

import { KEY_PREFIXES } from "../ids";
import {
  accountFieldSpecs,
  personAccountFieldSpecs,
  personContactFieldSpecs,
} from "./account-fields";
import { contactFieldSpecs } from "./contact-fields";
import {
  type CustomFieldSpec,
  type FieldDef,
  type FieldSpec,
  defineField,
  fieldFromDescribe,
} from "./field-def";
import { ObjectSchema } from "./object-schema";
import { organizationFieldSpecs, relationFieldSpecs, userFieldSpecs } from "./relation-fields";

export interface OrgSettings {
  /** Contacts to Multiple Accounts: AccountContactRelation exists only when on. */
  multiAccount: boolean;
  personAccounts: boolean;
}

export interface OrgSchemaOptions {
  /** Folder holding `describes/` with real describe responses; without it built-in fields. */
  samplesDir?: string;
  settings: OrgSettings;
  customFields?: CustomFieldSpec[];
}

type Json = Record<string, unknown>;

export class OrgSchema {
  private readonly objects = new Map<string, ObjectSchema>();

  constructor(
    readonly settings: OrgSettings,
    readonly globalBase: Json | undefined,
  ) {}

  add(schema: ObjectSchema): void {
    this.objects.set(schema.name.toLowerCase(), schema);
  }

  /** The object as the integration user sees it, honouring the org's settings. */
  get(name: string): ObjectSchema | undefined {
    const schema = this.objects.get(name.toLowerCase());
    if (schema?.name === "AccountContactRelation" && !this.settings.multiAccount) return undefined;
    return schema;
  }

  /** The object regardless of settings: the org still stores direct relations internally. */
  internal(name: string): ObjectSchema {
    const schema = this.objects.get(name.toLowerCase());
    if (!schema) throw new Error(`The sandbox has no sObject ${name}`);
    return schema;
  }

  visibleObjects(): ObjectSchema[] {
    return [...this.objects.values()].filter((schema) => this.get(schema.name));
  }

  /**
   * Adds a custom field or overrides an existing one. A real describe entry is kept only when
   * the override changes nothing it shows (hiding a field changes field-level security only).
   */
  declareField(spec: CustomFieldSpec): FieldDef {
    const schema = this.internal(spec.object);
    const existing = schema.field(spec.name);
    const onlyHides = Object.keys(spec).every((key) => KEEPS_DESCRIBE.has(key));
    const keepDescribe = existing?.describe && existing.type === spec.type && onlyHides;
    const def = defineField({
      ...existing,
      ...withoutObject(spec),
      name: existing?.name ?? spec.name,
      describe: keepDescribe ? existing.describe : undefined,
    });
    schema.upsertField(def);
    return def;
  }
}

const KEEPS_DESCRIBE = new Set(["object", "name", "type", "hidden"]);

function withoutObject(spec: CustomFieldSpec): FieldSpec {
  const copy: Partial<CustomFieldSpec> = { ...spec };
  delete copy.object;
  return copy as FieldSpec;
}

export function buildOrgSchema(options: OrgSchemaOptions): OrgSchema {
  const { samplesDir, settings } = options;
  const describes = samplesDir ? join(samplesDir, "describes") : undefined;
  const globalBase = describes ? readJson(describes, "Global.describe.json") : undefined;
  const schema = new OrgSchema(settings, globalBase);

  const contact = describes
    ? fromDescribe(readJson(describes, "Contact.describe.json"))
    : fromSpecs("Contact", KEY_PREFIXES.Contact, "Contacts", contactFieldSpecs());
  const account = describes
    ? fromDescribe(readJson(describes, "Account.describe.json"))
    : fromSpecs("Account", KEY_PREFIXES.Account, "Accounts", accountFieldSpecs());
  if (settings.personAccounts) {
    for (const spec of personAccountFieldSpecs()) account.upsertField(defineField(spec));
    for (const spec of personContactFieldSpecs()) contact.upsertField(defineField(spec));
  }
  const relation = fromSpecs(
    "AccountContactRelation",
    KEY_PREFIXES.AccountContactRelation,
    "Account Contact Relationships",
    relationFieldSpecs(),
    "Account Contact Relationship",
  );
  account.childRelationships.push(
    { relationshipName: "Contacts", childObject: "Contact", field: "AccountId" },
    { relationshipName: "ChildAccounts", childObject: "Account", field: "ParentId" },
    { relationshipName: "AccountContactRelations", childObject: relation.name, field: "AccountId" },
  );
  contact.childRelationships.push({
    relationshipName: "AccountContactRelations",
    childObject: relation.name,
    field: "ContactId",
  });

  schema.add(contact);
  schema.add(account);
  schema.add(relation);
  schema.add(fromSpecs("User", KEY_PREFIXES.User, "Users", userFieldSpecs()));
  schema.add(
    fromSpecs("Organization", KEY_PREFIXES.Organization, "Organizations", organizationFieldSpecs()),
  );
  for (const spec of options.customFields ?? []) schema.declareField(spec);
  return schema;
}

function fromSpecs(
  name: string,
  keyPrefix: string,
  labelPlural: string,
  specs: FieldSpec[],
  label = name,
): ObjectSchema {
  return new ObjectSchema(name, keyPrefix, label, labelPlural, specs.map(defineField));
}

function fromDescribe(describe: Json): ObjectSchema {
  const { fields, ...base } = describe;
  const defs = (fields as Json[]).map(fieldFromDescribe);
  return new ObjectSchema(
    String(base.name),
    String(base.keyPrefix),
    String(base.label),
    String(base.labelPlural),
    defs,
    base,
  );
}

function readJson(dir: string, file: string): Json {
  const path = join(dir, file);
  try {
    return JSON.parse(readFileSync(path, "utf8")) as Json;
  } catch (error) {
    throw new Error(`Cannot read the recorded describe ${path}: ${(error as Error).message}`);
  }
}
