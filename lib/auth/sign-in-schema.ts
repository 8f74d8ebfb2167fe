import { z } from "zod";

// Shared by the sign-in form and nothing else on the server: next-auth's authorize() takes the
// raw credentials and gives the same single answer for every failure.
export const signInSchema = z.object({
  email: z.email({ error: "Enter your email address." }),
  password: z.string().min(1, "Enter your password."),
});

export type SignInInput = z.infer<typeof signInSchema>;

export const WRONG_CREDENTIALS = "Wrong email or password.";

export const SIGN_IN_UNAVAILABLE_MESSAGE =
  "Sign-in is unavailable right now; try again in a minute or ask an admin to check the logs.";
