import { z } from "zod";
import { connectionInputSchema } from "@/lib/salesforce-connections/connection-input";

/**
 * The organisation import file (`npm run cli -- org import FILE`): an organisation with its
 * customers, customer groups, positions, manual People and Salesforce connection. Customers
 * refer to their parent by `key`, so groups can be written before or after their children.
 */

const customerSchema = z.object({
  key: z.string().trim().min(1, "Every customer needs a key the file can refer to."),
  name: z.string().trim().min(1, "Every customer needs a name."),
  salesforceAccountId: z
    .string()
    .regex(/^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/, "A Salesforce Account Id has 15 or 18 characters.")
    .nullish(),
  parent: z.string().trim().min(1).nullish(),
});

const manualPersonSchema = z.object({
  customer: z.string().trim().min(1, "A manual person names the key of its customer."),
  firstName: z.string().trim().nullish(),
  lastName: z.string().trim().min(1, "A manual person needs a last name."),
  email: z.email({ error: "A manual person's email must be a valid address." }).nullish(),
  phones: z
    .array(
      z.object({ type: z.string().min(1), raw: z.string().min(1), e164: z.string().nullish() }),
    )
    .default([]),
  positions: z.array(z.string().trim().min(1)).default([]),
});

export const organisationFileSchema = z
  .object({
    format: z.literal("contact-sync-organisation", {
      error: 'This is not an organisation file: "format" must be "contact-sync-organisation".',
    }),
    formatVersion: z.literal(1, { error: "Only formatVersion 1 is understood." }),
    organisation: z.object({
      name: z.string().trim().min(1, "The organisation needs a name."),
      defaultCountry: z
        .string()
        .regex(/^[A-Z]{2}$/, "defaultCountry is a two-letter ISO country code such as US or GB.")
        .default("US"),
      timeZone: z.string().default("UTC"),
    }),
    positions: z.array(z.string().trim().min(1)).default([]),
    customers: z.array(customerSchema).default([]),
    people: z.array(manualPersonSchema).default([]),
    salesforce: connectionInputSchema.optional(),
  })
  .superRefine((file, ctx) => {
    const keys = new Set(file.customers.map((c) => c.key));
    file.customers.forEach((customer, i) => {
      if (customer.parent && !keys.has(customer.parent)) {
        ctx.addIssue({
          code: "custom",
          path: ["customers", i, "parent"],
          message: `Customer ${customer.key} names parent ${customer.parent}, which is not in the file.`,
        });
      }
    });
    file.people.forEach((person, i) => {
      if (!keys.has(person.customer)) {
        ctx.addIssue({
          code: "custom",
          path: ["people", i, "customer"],
          message: `A manual person names customer ${person.customer}, which is not in the file.`,
        });
      }
    });
  });

export type OrganisationFile = z.infer<typeof organisationFileSchema>;
