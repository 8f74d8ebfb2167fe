import { withAuth } from "next-auth/middleware";

// A convenience redirect for signed-out visitors; every page, action and route still checks the
// session and role on the server (lib/auth/guard.ts), because this layer is not authorisation.
export default withAuth({ pages: { signIn: "/sign-in" } });

export const config = {
  matcher: ["/((?!sign-in|api/auth|_next/static|_next/image|favicon.ico).*)"],
};
