"use server";

import { cookies } from "next/headers";
import { LOCALE_COOKIE, resolveLocale } from "./locales";

/** Remembers the chosen interface language for a year. */
export async function setLocale(locale: string) {
  (await cookies()).set(LOCALE_COOKIE, resolveLocale(locale), { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
}
