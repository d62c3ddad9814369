import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "../db/client";
import { clientAddress, isAddressThrottled, recordFailedSignIn } from "../security/sign-in-throttle";
import { sessionVersionOf } from "./session";
import { currentSessionVersion, endSessions } from "./session-version";
import { publicRefusal, type SignedInUser, verifyCredentials } from "./sign-in";

/** The sign-in form's reason for a refusal, read by the page as `code`. */
class SignInRefused extends CredentialsSignin {
  constructor(reason: string) {
    super();
    this.code = reason;
  }
}

const ZCredentials = z.object({ email: z.string().trim().min(1).max(200), password: z.string().min(1).max(200) });

/**
 * Sessions are encrypted JWT cookies carrying the user and their session version; the user's
 * rights and current version are loaded afresh on each request (server/auth/session.ts).
 */
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
          throw new SignInRefused(publicRefusal(result.reason));
        }
        return result.user;
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        token.sv = (user as SignedInUser).sessionVersion;
        return token;
      }
      // A later read of the session (GET /api/auth/session): one that has ended is cleared.
      if (!token.sub || (await currentSessionVersion(getDb(), token.sub)) !== sessionVersionOf(token)) return null;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
  events: {
    // Signing out ends the user's sessions everywhere, copies of this cookie included.
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (token?.sub) await endSessions(getDb(), token.sub, sessionVersionOf(token));
    },
  },
});
