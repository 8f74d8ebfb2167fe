import type { ConfigIssue } from "@/lib/sync/issues";

/** A preview or a run could not go on; the message says what the agent can do about it. */
export class SyncError extends Error {
  constructor(
    message: string,
    readonly issues: ConfigIssue[] = [],
  ) {
    super(message);
  }
}

export class RunAlreadyGoing extends SyncError {
  constructor(startedAt: Date | null) {
    const when = startedAt ? ` (started ${startedAt.toISOString()})` : "";
    super(`A sync is already running for this organisation${when}; wait for it to finish.`);
  }
}

export function configInvalid(issues: ConfigIssue[]) {
  const first = issues.slice(0, 3).map((issue) => issue.message);
  const more = issues.length > 3 ? ` and ${issues.length - 3} more` : "";
  return new SyncError(`The sync config does not fit the org: ${first.join(" ")}${more}`, issues);
}
