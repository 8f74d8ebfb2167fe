"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { ChoiceGroup } from "@/components/wizard/controls";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useHydrated } from "@/components/ui/use-hydrated";
import { saveConnectionAction } from "@/lib/actions/connection/save-connection";
import {
  type ConnectionForm as Values,
  connectionFormSchema,
} from "@/lib/connections/connection-form";

type Props = {
  organisationId: string;
  defaults: Values;
  /** When the saved secrets were last changed; null when nothing is saved yet. */
  secretsSavedAt: string | null;
  canEdit: boolean;
};

export function ConnectionForm({ organisationId, defaults, secretsSavedAt, canEdit }: Props) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const form = useForm<Values>({
    resolver: zodResolver(connectionFormSchema),
    defaultValues: defaults,
  });
  const { errors, isSubmitting } = form.formState;
  const flow = useWatch({ control: form.control, name: "authFlow" });
  const kind = useWatch({ control: form.control, name: "loginUrlKind" });
  const secretHint = secretsSavedAt
    ? `Saved ${secretsSavedAt}; leave blank to keep it.`
    : undefined;

  const submit = form.handleSubmit(async (values) => {
    setResult(null);
    const outcome = await saveConnectionAction({ organisationId, form: values });
    if (!outcome.ok) {
      for (const [field, message] of Object.entries(outcome.fieldErrors ?? {})) {
        form.setError(field as keyof Values, { type: "server", message });
      }
      setResult({ ok: false, message: outcome.error });
      return;
    }
    setResult({ ok: true, message: outcome.data.message });
    form.reset({
      ...values,
      clientSecret: "",
      password: "",
      securityToken: "",
      keepSavedSecrets: true,
    });
    router.refresh();
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Salesforce connection" className="space-y-5">
      <fieldset disabled={!canEdit} className="space-y-5">
        <ChoiceGroup
          name="loginUrlKind"
          legend="Which Salesforce login?"
          error={errors.loginUrlKind?.message}
          inputProps={form.register("loginUrlKind")}
          options={[
            { value: "production", label: "Production", hint: "https://login.salesforce.com" },
            { value: "sandbox", label: "Sandbox", hint: "https://test.salesforce.com" },
            {
              value: "custom",
              label: "My Domain or another URL",
              hint: "For example https://acme.my.salesforce.com",
            },
          ]}
        />
        {kind === "custom" && (
          <FormField id="customLoginUrl" label="Login URL" error={errors.customLoginUrl?.message}>
            <Input type="url" {...form.register("customLoginUrl")} />
          </FormField>
        )}
        <ChoiceGroup
          name="authFlow"
          legend="How does the console sign in?"
          error={errors.authFlow?.message}
          inputProps={form.register("authFlow")}
          options={[
            {
              value: "client_credentials",
              label: "Client credentials",
              hint: "A connected app that runs as its integration user.",
            },
            {
              value: "username_password",
              label: "Username and password",
              hint: "The integration user's login, with the connected app's key and secret.",
            },
          ]}
        />
        <FormField id="clientId" label="Consumer key" error={errors.clientId?.message}>
          <Input autoComplete="off" {...form.register("clientId")} />
        </FormField>
        <FormField
          id="clientSecret"
          label="Consumer secret"
          hint={secretHint}
          error={errors.clientSecret?.message}
        >
          <Input type="password" autoComplete="new-password" {...form.register("clientSecret")} />
        </FormField>
        {flow === "username_password" && (
          <>
            <FormField
              id="username"
              label="Integration user's username"
              error={errors.username?.message}
            >
              <Input autoComplete="off" {...form.register("username")} />
            </FormField>
            <FormField
              id="password"
              label="Password"
              hint={secretHint}
              error={errors.password?.message}
            >
              <Input type="password" autoComplete="new-password" {...form.register("password")} />
            </FormField>
            <FormField
              id="securityToken"
              label="Security token (if the org asks for one)"
              hint={secretHint}
              error={errors.securityToken?.message}
            >
              <Input
                type="password"
                autoComplete="new-password"
                {...form.register("securityToken")}
              />
            </FormField>
          </>
        )}
        <FormField id="apiVersion" label="API version" error={errors.apiVersion?.message}>
          <Input className="w-32" {...form.register("apiVersion")} />
        </FormField>
      </fieldset>
      {result && (
        <p
          role="status"
          data-testid="connection-result"
          className={result.ok ? "text-sm text-green-800" : "text-sm text-danger"}
        >
          {result.message}
        </p>
      )}
      <Button type="submit" disabled={!hydrated || isSubmitting || !canEdit}>
        {isSubmitting ? "Testing the connection…" : "Test and save"}
      </Button>
      {!canEdit && (
        <p className="text-sm text-muted-foreground">
          Only an admin can change the Salesforce connection.
        </p>
      )}
    </form>
  );
}
