import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "../db/client";
import { clientAddress, isAddressThrottled, recordFailedSignIn } from "../security/sign-in-throttle";
import { verifyCredentials } from "./sign-in";

/** The sign-in form's reason for a refusal, read by the page as `code`. */
class SignInRefused extends CredentialsSignin {
  constructor(reason: string) {
    super();
    this.code = reason;
  }
}

const ZCredentials = z.object({ email: z.string().trim().min(1).max(200), password: z.string().min(1).max(200) });

/** Sessions are signed JWT cookies; the user's rights are loaded afresh on each request. */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const db = getDb();
        const address = clientAddress(request.headers);
        // Refused before the password is even checked, so a throttled client learns nothing.
        if (await isAddressThrottled(db, address)) throw new SignInRefused("throttled");
        const parsed = ZCredentials.safeParse(raw);
        if (!parsed.success) throw new SignInRefused("invalid");
        const result = await verifyCredentials(db, parsed.data.email, parsed.data.password);
        if (!result.ok) {
          await recordFailedSignIn(db, address, parsed.data.email, result.reason);
          throw new SignInRefused(result.reason);
        }
        return result.user;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
});
