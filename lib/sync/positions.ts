import type { PositionsAnswer } from "@/lib/sync/config";
import { readText } from "@/lib/sync/record";

/**
 * Positions for one placement of a contact: the fixed names, or the values of a Salesforce
 * field mapped through the value map. Multi-select values are split on ";" into several
 * positions; a value without a mapping is ignored or becomes a position of its own name.
 */

export type PositionStep = {
  value: string;
  how: "mapped" | "created" | "ignored";
  positions: string[];
};

export type AssignedPositions = { names: string[]; steps: PositionStep[] };

/** Position names are unique without regard to case in an organisation; keep its spelling. */
export type KnownPositions = Map<string, string>;

export function indexPositions(names: Iterable<string>): KnownPositions {
  const known: KnownPositions = new Map();
  for (const name of names) known.set(name.trim().toLowerCase(), name.trim());
  return known;
}

/** Sorted, each name once whatever its case, so the same positions always compare equal. */
export function sortPositions(names: Iterable<string>, known: KnownPositions): string[] {
  const byKey = new Map<string, string>();
  for (const name of names) {
    const key = name.trim().toLowerCase();
    if (key && !byKey.has(key)) byKey.set(key, known.get(key) ?? name.trim());
  }
  return [...byKey.values()].sort(compareText);
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function splitFieldValues(value: unknown, isMultiSelect: boolean): string[] {
  const text = readText(value);
  if (!text) return [];
  if (!isMultiSelect) return [text];
  return text
    .split(";")
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

export type PositionAssigner = (fieldValue: unknown) => AssignedPositions;

/**
 * Prepared once per sync: the value map as a lookup, the fixed names sorted once. The result is
 * shared between people for fixed positions, so callers replace `names` rather than change it.
 */
export function createPositionAssigner(
  answer: PositionsAnswer,
  isMultiSelect: boolean,
  known: KnownPositions,
): PositionAssigner {
  if (answer.mode === "fixed") {
    const fixed = { names: sortPositions(answer.names, known), steps: [] };
    return () => fixed;
  }

  const mapped = new Map<string, string[]>();
  for (const { salesforceValue, positionName } of answer.valueMap) {
    const key = salesforceValue.trim().toLowerCase();
    mapped.set(key, [...(mapped.get(key) ?? []), positionName]);
  }

  return (fieldValue) => {
    const steps = splitFieldValues(fieldValue, isMultiSelect).map((value): PositionStep => {
      const positions = mapped.get(value.toLowerCase());
      if (positions) return { value, how: "mapped", positions };
      if (answer.unmapped === "create") return { value, how: "created", positions: [value] };
      return { value, how: "ignored", positions: [] };
    });
    const names = sortPositions(
      steps.flatMap((step) => step.positions),
      known,
    );
    return { names, steps };
  };
}
