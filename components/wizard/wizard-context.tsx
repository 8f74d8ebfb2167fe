"use client";

import { createContext, useContext } from "react";
import type { OrgDescribes } from "@/lib/sync/describe";

export type WizardContextValue = {
  organisationId: string;
  /** The org's live describe; null when Salesforce could not be reached. */
  describes: OrgDescribes | null;
  /** The organisation's position names, plus any the agent added in this wizard. */
  positions: string[];
  addPosition: (name: string) => void;
};

export const WizardContext = createContext<WizardContextValue | null>(null);

export function useWizard(): WizardContextValue {
  const value = useContext(WizardContext);
  if (!value) throw new Error("useWizard is used outside the wizard.");
  return value;
}
