"use client";

import { signOut } from "next-auth/react";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";

export function SignOutButton() {
  const hydrated = useHydrated();
  return (
    <Button
      variant="ghost"
      size="sm"
      disabled={!hydrated}
      onClick={() => signOut({ callbackUrl: "/sign-in" })}
    >
      Sign out
    </Button>
  );
}
