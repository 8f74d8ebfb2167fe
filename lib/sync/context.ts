import type { SyncConfig } from "@/lib/sync/config";
import { type CustomerIndex, indexCustomers, type SyncCustomer } from "@/lib/sync/customers";
import type { FieldTypes } from "@/lib/sync/describe";
import {
  createPositionAssigner,
  indexPositions,
  type KnownPositions,
  type PositionAssigner,
} from "@/lib/sync/positions";

/** Everything map, plan and explain need besides the records: built once per preview or run. */
export type SyncContext = {
  config: SyncConfig;
  fieldTypes: FieldTypes;
  customers: CustomerIndex;
  /** ISO 3166-1 alpha-2, for phone numbers of contacts without a known mailing country. */
  defaultCountry: string;
  knownPositions: KnownPositions;
  /** Positions for a value of the position field (ignored for fixed positions). */
  assignPositions: PositionAssigner;
};

export type SyncContextInput = Pick<SyncContext, "config" | "fieldTypes" | "defaultCountry"> & {
  customers: Iterable<SyncCustomer>;
  /** The organisation's position names, so mapped names keep the organisation's spelling. */
  positionNames?: Iterable<string>;
};

export function createSyncContext(input: SyncContextInput): SyncContext {
  const { config, fieldTypes } = input;
  const knownPositions = indexPositions(input.positionNames ?? []);
  const positionField = config.positions.mode === "field" ? config.positions.field : null;
  const isMultiSelect = positionField !== null && fieldTypes[positionField] === "multipicklist";

  return {
    config,
    fieldTypes,
    customers: indexCustomers(input.customers),
    defaultCountry: input.defaultCountry,
    knownPositions,
    assignPositions: createPositionAssigner(config.positions, isMultiSelect, knownPositions),
  };
}
