import { expect, test } from "vitest";
import { PersonWrittenMeanwhile } from "@/lib/sync/errors";

test("a person written meanwhile says what the run kept: nothing in a full run, earlier pages in an incremental one", () => {
  const error = new PersonWrittenMeanwhile();

  expect(error.messageFor("full")).toBe(
    "A person this run was creating was written by something else while the run applied its changes; nothing was changed. Run the sync again.",
  );
  expect(error.messageFor("incremental")).toBe(
    "A person this run was creating was written by something else while the run applied its changes; the pages it applied before stay applied, the last one was not. Run the sync again.",
  );
});
