import { describe, expect, test } from "vitest";
import {
  connectionFormDefaults,
  connectionFormSchema,
  toConnectionInput,
} from "@/lib/connections/connection-form";

const saved = { clientSecret: "stored-secret", password: "stored-password", securityToken: "tok" };

describe("the connection form", () => {
  test("keeps the saved secrets when their boxes are left blank", () => {
    const form = {
      ...connectionFormDefaults({
        loginUrl: "https://acme.my.salesforce.com",
        authFlow: "username_password",
        apiVersion: "62.0",
        clientId: "3MVG9.key",
        username: "integration@acme.example",
      }),
    };
    expect(form.loginUrlKind).toBe("custom");
    expect(toConnectionInput(form, saved)).toEqual({
      authFlow: "username_password",
      loginUrl: "https://acme.my.salesforce.com",
      apiVersion: "62.0",
      clientId: "3MVG9.key",
      clientSecret: "stored-secret",
      username: "integration@acme.example",
      password: "stored-password",
      securityToken: "tok",
    });
  });

  test("asks for the secret of a new connection in the stored schema's words", () => {
    const form = { ...connectionFormDefaults(null), clientId: "3MVG9.key" };
    const parsed = connectionFormSchema.safeParse(form);
    expect(parsed.error?.issues).toEqual([
      expect.objectContaining({
        path: ["clientSecret"],
        message: "Enter the connected app's consumer secret.",
      }),
    ]);
  });

  test("refuses plain http outside the local sandbox, on the URL box", () => {
    const form = {
      ...connectionFormDefaults(null),
      loginUrlKind: "custom" as const,
      customLoginUrl: "http://acme.example.com",
      clientId: "3MVG9.key",
      clientSecret: "secret",
    };
    const parsed = connectionFormSchema.safeParse(form);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]).toMatchObject({
      path: ["customLoginUrl"],
      message:
        "The login URL must use https (plain http is allowed only for the local sandbox org).",
    });
  });
});
