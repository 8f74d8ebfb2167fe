// The benchmark's sandbox org, in a process of its own so the measuring process's memory holds
// only the sync. Prints one JSON line (how to connect, the generated accounts), then answers
// each "stats" line on stdin with the API requests served so far, and each "touch <share>" line
// by changing that share of the contacts (for the incremental run); exits when stdin closes.
import { createInterface } from "node:readline";
import { startSandbox } from "@/sandbox/index";
import { type GeneratedSummary, generateOrgData } from "@/sandbox/seed/generator";
import { touchContacts } from "./touch-contacts";

const contacts = Number(process.argv[2]);
const seed = Number(process.argv[3] ?? 42);
if (!Number.isInteger(contacts) || contacts < 1) throw new Error("Give the number of contacts.");

let summary: GeneratedSummary | undefined;
const sandbox = await startSandbox({
  apiLimit: 1_000_000,
  populate: (org) => {
    summary = generateOrgData(org, { contacts, seed });
  },
});

const accounts = sandbox.org
  .records("Account")
  .filter((account) => !account.IsDeleted)
  .map((account) => ({
    id: String(account.Id),
    name: String(account.Name),
    parentId: (account.ParentId as string | null) ?? null,
  }));

// A contact is on several accounts when it has more than one active relation.
const activeRelations = new Map<string, number>();
for (const relation of sandbox.org.records("AccountContactRelation")) {
  if (relation.IsDeleted || relation.IsActive === false) continue;
  const contactId = String(relation.ContactId);
  activeRelations.set(contactId, (activeRelations.get(contactId) ?? 0) + 1);
}
const liveContacts = sandbox.org.records("Contact").filter((c) => !c.IsDeleted).length;
const onSeveral = [...activeRelations.values()].filter((n) => n > 1).length;

const write = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);
write({
  loginUrl: sandbox.loginUrl,
  clientId: sandbox.clientId,
  clientSecret: sandbox.clientSecret,
  accounts,
  liveContacts,
  contactsOnSeveralAccounts: onSeveral,
  summary,
});

const lines = createInterface({ input: process.stdin });
lines.on("line", (line) => {
  if (line.trim() === "stats") write({ apiCalls: sandbox.stats.apiCalls });
  if (line.startsWith("touch ")) write(touchContacts(sandbox.org, Number(line.slice(6))));
});
lines.on("close", () => {
  void sandbox.close().then(() => process.exit(0));
});
