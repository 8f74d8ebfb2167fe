"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useHydrated } from "@/components/ui/use-hydrated";
import {
  SIGN_IN_UNAVAILABLE_MESSAGE,
  signInSchema,
  WRONG_CREDENTIALS,
  type SignInInput,
} from "@/lib/auth/sign-in-schema";

type Props = { credentials: boolean; oidc: boolean; callbackUrl: string };

export function SignInForm({ credentials, oidc, callbackUrl }: Props) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<SignInInput>({
    resolver: zodResolver(signInSchema),
    defaultValues: { email: "", password: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    const result = await signIn("credentials", { ...values, redirect: false });
    if (!result || result.error) {
      setFailure(
        result?.error === "CredentialsSignin" ? WRONG_CREDENTIALS : SIGN_IN_UNAVAILABLE_MESSAGE,
      );
      form.setValue("password", "");
      form.setFocus("password");
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  });

  return (
    <div className="space-y-6">
      {credentials && (
        <form onSubmit={submit} noValidate className="space-y-4" aria-label="Sign in">
          <FormField id="email" label="Email" error={errors.email?.message}>
            <Input type="email" autoComplete="username" autoFocus {...form.register("email")} />
          </FormField>
          <FormField id="password" label="Password" error={errors.password?.message}>
            <Input type="password" autoComplete="current-password" {...form.register("password")} />
          </FormField>
          {failure && (
            <p role="status" data-testid="sign-in-error" className="text-sm text-danger">
              {failure}
            </p>
          )}
          <Button type="submit" className="w-full" disabled={!hydrated || isSubmitting}>
            {isSubmitting ? "Signing in…" : "Sign in"}
          </Button>
        </form>
      )}
      {oidc && (
        <Button
          variant="secondary"
          className="w-full"
          disabled={!hydrated}
          onClick={() => signIn("oidc", { callbackUrl })}
        >
          Sign in with your company account
        </Button>
      )}
    </div>
  );
}
