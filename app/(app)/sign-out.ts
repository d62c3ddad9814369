"use server";

import { signOut } from "@/server/auth";

/** The header's sign-out button: ends the session (every session of the user, see README) and goes to sign-in. */
export async function signOutAction() {
  await signOut({ redirectTo: "/sign-in" });
}
