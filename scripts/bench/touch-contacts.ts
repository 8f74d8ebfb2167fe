import type { SandboxOrg } from "@/sandbox/index";

/**
 * Changes a share of the org's live contacts, evenly spread, ten minutes after everything
 * else (the overlap window of the run before is then behind them): what an incremental run of
 * the benchmark reads. Deterministic for a given org.
 */
export function touchContacts(org: SandboxOrg, share: number): { touched: number } {
  org.clock.advance(10 * 60_000);
  const every = Math.max(1, Math.round(1 / share));
  const live = org.records("Contact").filter((contact) => !contact.IsDeleted);
  let touched = 0;
  live.forEach((contact, i) => {
    if (i % every !== 0) return;
    org.update("Contact", String(contact.Id), { FirstName: `Changed ${i}` });
    touched += 1;
  });
  return { touched };
}
