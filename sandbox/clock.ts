// The org's clock stamps CreatedDate, LastModifiedDate and SystemModstamp. It stands still
// unless a test moves it, so incremental-sync tests decide exactly which records changed when.

export interface Clock {
  now(): number;
  set(at: Date | string | number): void;
  advance(ms: number): void;
}

export const DEFAULT_CLOCK_START = "2025-01-06T09:00:00.000Z";

export function createClock(start: Date | string | number = DEFAULT_CLOCK_START): Clock {
  let current = toMillis(start);
  return {
    now: () => current,
    set: (at) => {
      current = toMillis(at);
    },
    advance: (ms) => {
      current += ms;
    },
  };
}

function toMillis(at: Date | string | number): number {
  const ms = at instanceof Date ? at.getTime() : typeof at === "number" ? at : Date.parse(at);
  if (Number.isNaN(ms)) throw new Error(`Not a valid time for the sandbox clock: ${String(at)}`);
  return ms;
}
