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

const WRITTEN_MEANWHILE =
  "A person this run was creating was written by something else while the run applied its changes";

/**
 * A create met a person already there: one run at a time writes an organisation's People, so
 * something else wrote it while the run applied. What the run says depends on what it kept: a
 * full run applies all or nothing, an incremental run keeps the pages it committed before.
 */
export class PersonWrittenMeanwhile extends SyncError {
  constructor() {
    super(`${WRITTEN_MEANWHILE}.`);
  }

  messageFor(mode: "full" | "incremental") {
    return mode === "full"
      ? `${WRITTEN_MEANWHILE}; nothing was changed. Run the sync again.`
      : `${WRITTEN_MEANWHILE}; the pages it applied before stay applied, the last one was not. Run the sync again.`;
  }
}

export function configInvalid(issues: ConfigIssue[]) {
  const first = issues.slice(0, 3).map((issue) => issue.message);
  const more = issues.length > 3 ? ` and ${issues.length - 3} more` : "";
  return new SyncError(`The sync config does not fit the org: ${first.join(" ")}${more}`, issues);
}
