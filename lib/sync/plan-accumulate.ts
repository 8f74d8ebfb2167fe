import { accountKey } from "@/lib/sync/customers";
import type { ContactSummary, MappedRow, PhoneWarning, Placement } from "@/lib/sync/map";
import { flatKey, type PlacedPerson, PersonRows } from "@/lib/sync/person-row";
import { type KnownPositions, sortPositions } from "@/lib/sync/positions";

/**
 * What the planner keeps between pages: one desired person per contact and target customer,
 * one skip per contact (or per contact and account), and the phone warnings. Compact on
 * purpose, as it grows with the org: no record is kept, and each person is one packed string
 * (lib/sync/person-row.ts) until the plan is read.
 *
 * A record that arrives twice (split queries overlap) lands on the same key and merges into
 * itself, so it counts once without a set of every record Id seen.
 */

export type SkipRecord = { contact: ContactSummary; reason: string };

/** Salesforce returns 18-character Ids; the first 15 identify the record in either spelling. */
export function contactKey(contactId: string): string {
  return contactId.slice(0, 15);
}

export function personKey(contactId: string, customerId: string): string {
  return `${contactKey(contactId)}|${customerId}`;
}

/** Custom fields come from the direct relation first, then from the lowest account Id. */
function ranksBefore(placement: Placement, known: PlacedPerson): boolean {
  const direct = placement.isDirect === true;
  if (direct !== known.isDirect) return direct;
  return placement.accountId < known.accountId;
}

export class Accumulator {
  /** The People placed so far, by person key, packed (see person-row.ts); `placed` reads one. */
  readonly people = new Map<string, string>();
  private readonly rows = new PersonRows();
  readonly skips = new Map<string, SkipRecord>();
  /** Any skip reason of a contact, to say why its existing person leaves. */
  readonly skippedContacts = new Map<string, string>();
  readonly warnings = new Map<string, PhoneWarning>();

  constructor(private readonly knownPositions: KnownPositions) {}

  take(mapped: MappedRow): void {
    const { placement, skip } = mapped.result;
    const contact = contactKey(mapped.contact.id);

    if (skip) {
      const scoped = skip.scope === "placement" && skip.accountId;
      const key = scoped ? `${contact}|${accountKey(skip.accountId ?? "")}` : contact;
      this.skips.set(key, { contact: mapped.contact, reason: skip.reason });
      this.skippedContacts.set(contact, skip.reason);
      return;
    }

    for (const warning of mapped.warnings) {
      this.warnings.set(`${contact}|${warning.field}`, warning);
    }
    this.place(placement, mapped.contact.accountName);
  }

  private place(placement: Placement, accountName: string | null): void {
    const key = personKey(placement.person.salesforceContactId, placement.customer.id);
    const row = this.people.get(key);
    const isDirect = placement.isDirect === true;
    if (row === undefined) {
      const placed: PlacedPerson = {
        person: placement.person,
        customer: placement.customer,
        matched: [placement.matchedCustomer],
        accountId: placement.accountId,
        accountName,
        isDirect,
      };
      this.people.set(flatKey(key), this.rows.pack(placed));
      return;
    }

    // The same contact reached through another child of the group: one person, merged.
    const known = this.rows.unpack(row);
    if (!known.matched.some((customer) => customer.id === placement.matchedCustomer.id)) {
      known.matched.push(placement.matchedCustomer);
    }
    const positions = [...known.person.positions, ...placement.person.positions];
    known.person.positions = sortPositions(positions, this.knownPositions);
    if (ranksBefore(placement, known)) {
      known.person.customFields = placement.person.customFields;
      known.accountId = placement.accountId;
      known.accountName = accountName;
      known.isDirect = isDirect;
    }
    this.people.set(key, this.rows.pack(known));
  }

  placed(row: string): PlacedPerson {
    return this.rows.unpack(row);
  }

  positionsOf(row: string): string[] {
    return this.rows.positionsOf(row);
  }
}

export function summarisePlaced({ person, accountId, accountName }: PlacedPerson): ContactSummary {
  const { firstName, lastName, email, salesforceContactId } = person;
  const name = firstName && lastName ? `${firstName} ${lastName}` : (firstName ?? lastName);
  return {
    id: salesforceContactId,
    name: name ?? salesforceContactId,
    email,
    accountId,
    accountName,
  };
}
