import type { PhoneNumber } from "@/lib/db/schema";
import type { SyncCustomer } from "@/lib/sync/customers";
import type { DesiredPerson } from "@/lib/sync/map";
import { type ExistingPerson, storedPhone } from "@/lib/sync/person-diff";

/**
 * How the planner keeps a placed person between pages and until the plan is read: one flat
 * string a person, with what repeats across People (customers, accounts, positions, phone
 * fields) written as numbers into tables held once. A large org's plan is mostly these rows, and
 * a row takes about a quarter of the memory of the objects, arrays and strings it stands for
 * (measured on the benchmark's org: about 1.5 KB a person before, about 0.4 KB now with the key).
 */

export type PlacedPerson = {
  person: DesiredPerson;
  customer: SyncCustomer;
  /** Usually one; several when children of one group lead to the same person. */
  matched: SyncCustomer[];
  /** The best-ranked placement's account, whose custom fields the person shows. */
  accountId: string;
  accountName: string | null;
  isDirect: boolean;
};

type PackedPhone = [type: number, raw: string, e164: string | null, sourceField: number];

// Positions first: a plan's counting pass reads only them, from the row's first few characters.
type PackedPerson = [
  positions: number[],
  salesforceContactId: string,
  firstName: string | null,
  lastName: string | null,
  email: string | null,
  phones: PackedPhone[],
  customFields: DesiredPerson["customFields"] | 0,
  accountId: number,
  accountName: number,
  isDirect: 0 | 1,
  customer: number,
  matched: number[],
];

type PackedExisting = [
  id: string,
  customerId: number,
  salesforceContactId: string,
  firstName: string | null,
  lastName: string | null,
  email: string | null,
  phones: PackedPhone[],
  positions: number[],
  customFields: ExistingPerson["customFields"] | 0,
  archivedAt: number | null,
];

/** Values written once and referred to by number; -1 stands for null. */
class Table<T> {
  private readonly numbered = new Map<T, number>();
  private readonly written: T[] = [];

  number(value: T | null): number {
    if (value === null) return -1;
    let n = this.numbered.get(value);
    if (n === undefined) {
      n = this.written.push(value) - 1;
      this.numbered.set(value, n);
    }
    return n;
  }

  value(n: number): T | null {
    return n < 0 ? null : this.written[n]!;
  }

  numbers(values: readonly T[]): number[] {
    const numbers: number[] = [];
    for (const value of values) numbers.push(this.number(value));
    return numbers;
  }

  /** The values of numbers that never stand for null. */
  values(numbers: readonly number[]): T[] {
    const values: T[] = [];
    for (const n of numbers) values.push(this.written[n]!);
    return values;
  }
}

export class PersonRows {
  private readonly texts = new Table<string>();
  private readonly customers = new Table<SyncCustomer>();
  private readonly customerIds = new Table<string>();
  // The account Id and name last packed for each matched customer, by its number: the People of
  // one account repeat them, and comparing two strings is cheaper than hashing a fresh one.
  private readonly accountOf: { id: string; name: string | null; numbers: [number, number] }[] = [];

  // pack and unpack run once a record and once an entry: plain loops and no closures made per
  // call (tsx names every closure it makes, which costs more than the lookups themselves).
  pack(placed: PlacedPerson): string {
    const { person, customer, matched } = placed;
    const customerNumber = this.customers.number(customer);
    const matchedNumbers =
      matched.length === 1 && matched[0] === customer
        ? [customerNumber]
        : this.customers.numbers(matched);
    const [accountId, accountName] = this.accountNumbers(matchedNumbers[0]!, placed);
    const packed: PackedPerson = [
      this.texts.numbers(person.positions),
      person.salesforceContactId,
      person.firstName,
      person.lastName,
      person.email,
      this.packPhones(person.phones),
      packFields(person.customFields),
      accountId,
      accountName,
      placed.isDirect ? 1 : 0,
      customerNumber,
      matchedNumbers,
    ];
    return oneByteJson(JSON.stringify(packed));
  }

  private accountNumbers(matched: number, { accountId, accountName }: PlacedPerson) {
    const known = this.accountOf[matched];
    if (known && known.id === accountId && known.name === accountName) return known.numbers;
    const numbers: [number, number] = [
      this.texts.number(accountId),
      this.texts.number(accountName),
    ];
    this.accountOf[matched] = { id: accountId, name: accountName, numbers };
    return numbers;
  }

  /**
   * A synced person as read from the database, packed the same way: a re-run of a large org
   * holds every existing person as well as every placed one until the plan is read.
   */
  packExisting(person: ExistingPerson): string {
    const packed: PackedExisting = [
      person.id,
      this.customerIds.number(person.customerId),
      person.salesforceContactId ?? "",
      person.firstName,
      person.lastName,
      person.email,
      this.packPhones((person.phones ?? []).map(storedPhone)),
      this.texts.numbers(person.positions ?? []),
      packFields(person.customFields ?? {}),
      person.archivedAt ? person.archivedAt.getTime() : null,
    ];
    return oneByteJson(JSON.stringify(packed));
  }

  /** The id of a packed existing person, read without unpacking the row (it comes first). */
  existingId(row: string): string {
    return row.slice(2, row.indexOf('"', 2));
  }

  unpackExisting(row: string): ExistingPerson {
    const [id, customer, contactId, firstName, lastName, email, phones, positions, ...rest] =
      JSON.parse(row) as PackedExisting;
    const [fields, archivedAt] = rest;
    return {
      id,
      customerId: this.customerIds.value(customer)!,
      source: "salesforce",
      salesforceContactId: contactId,
      firstName,
      lastName,
      email,
      phones: this.unpackPhones(phones),
      positions: this.texts.values(positions),
      customFields: fields === 0 ? {} : fields,
      archivedAt: archivedAt === null ? null : new Date(archivedAt),
    };
  }

  /** A placed person's positions, read from the front of the row without parsing the rest. */
  positionsOf(row: string): string[] {
    // The row starts `[[1,2],`: numbers only up to the first `]`.
    return this.texts.values(JSON.parse(row.slice(1, row.indexOf("]") + 1)) as number[]);
  }

  unpack(row: string): PlacedPerson {
    const [positions, contactId, firstName, lastName, email, phones, fields, ...placement] =
      JSON.parse(row) as PackedPerson;
    const [accountId, accountName, isDirect, customer, matched] = placement;
    const found = this.customers.value(customer)!;
    const person: DesiredPerson = {
      customerId: found.id,
      salesforceContactId: contactId,
      firstName,
      lastName,
      email,
      phones: this.unpackPhones(phones),
      positions: this.texts.values(positions),
      customFields: fields === 0 ? {} : fields,
    };
    return {
      person,
      customer: found,
      matched: this.customers.values(matched),
      accountId: this.texts.value(accountId)!,
      accountName: this.texts.value(accountName),
      isDirect: isDirect === 1,
    };
  }

  private packPhones(phones: PhoneNumber[]): PackedPhone[] {
    const packed: PackedPhone[] = [];
    for (const { type, raw, e164, sourceField } of phones) {
      packed.push([this.texts.number(type), raw, e164, this.texts.number(sourceField)]);
    }
    return packed;
  }

  private unpackPhones(phones: PackedPhone[]): PhoneNumber[] {
    const unpacked: PhoneNumber[] = [];
    for (const [type, raw, e164, sourceField] of phones) {
      unpacked.push({
        type: this.texts.value(type)!,
        raw,
        e164,
        sourceField: this.texts.value(sourceField),
      });
    }
    return unpacked;
  }
}

/** Custom fields, or 0 for none: most People have none, and `{}` in every row adds up. */
function packFields<T extends Record<string, unknown>>(fields: T): T | 0 {
  return Object.keys(fields).length === 0 ? 0 : fields;
}

/**
 * The same JSON held one byte a character. Text cut from a page that has any character beyond
 * Latin-1 (one name in Greek, say) stays two bytes a character in V8, and so does everything
 * built from it, ASCII or not. Characters beyond Latin-1 become JSON escapes first, so the copy
 * loses nothing.
 */
function oneByteJson(json: string): string {
  // Tested first: a replace with a function allocates even when nothing matches.
  const latin1 = BEYOND_LATIN1.test(json)
    ? json.replace(BEYOND_LATIN1_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
    : json;
  return Buffer.from(latin1, "latin1").toString("latin1");
}

const BEYOND_LATIN1 = /[^\x00-\xff]/;
const BEYOND_LATIN1_ALL = /[^\x00-\xff]/g;

/** A copy of an ASCII key (Ids and uuids) as one flat one-byte string, sharing nothing. */
export function flatKey(key: string): string {
  return Buffer.from(key, "latin1").toString("latin1");
}
