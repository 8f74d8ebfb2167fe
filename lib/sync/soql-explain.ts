import type { SyncConfig } from "@/lib/sync/config";
import type { FieldTypes } from "@/lib/sync/describe";
import { escapeSoqlLike, quoteSoql } from "@/lib/sync/escape";
import { buildSoql, filterFieldRefs, queryObjectOf } from "@/lib/sync/soql";

/**
 * Queries for "explain a contact": find it, read it whatever the filters say (with the fields
 * the filters look at), and ask Salesforce which of its rows the sync's filters match.
 */

const SALESFORCE_ID = /^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/;

export function looksLikeSalesforceId(text: string): boolean {
  return SALESFORCE_ID.test(text);
}

/** Name, email or Id; an Id condition only for Id-shaped text, which Salesforce insists on. */
export function buildContactSearchQuery(term: string, limit = 20): string {
  const text = term.trim();
  const like = `'%${escapeSoqlLike(text)}%'`;
  const conditions = [`Name LIKE ${like}`, `Email LIKE ${like}`];
  if (looksLikeSalesforceId(text)) conditions.push(`Id = ${quoteSoql(text)}`);
  return `SELECT Id, Name, Email, Account.Name FROM Contact WHERE ${conditions.join(" OR ")} ORDER BY Name LIMIT ${limit}`;
}

function contactCondition(config: SyncConfig, contactId: string): string {
  const field = queryObjectOf(config) === "Contact" ? "Id" : "ContactId";
  return `${field} = ${quoteSoql(contactId)}`;
}

/** Every row of the contact, inactive relations included, with the filter fields selected. */
export function buildExplainQuery(config: SyncConfig, types: FieldTypes, contactId: string) {
  return buildSoql(config, types, {
    withoutFilters: true,
    extraFields: filterFieldRefs(config),
    extraConditions: [contactCondition(config, contactId)],
  });
}

/**
 * The Ids of the contact's rows that the sync itself would fetch: Salesforce's own verdict.
 * Known limit: filters long enough to need splitting make this query too long as well; explain
 * then has only its own evaluation of the rules.
 */
export function buildMatchQuery(config: SyncConfig, types: FieldTypes, contactId: string) {
  return buildSoql(config, types, {
    fields: ["Id"],
    extraConditions: [contactCondition(config, contactId)],
  });
}
