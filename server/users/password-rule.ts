import { randomInt } from "node:crypto";
import { z } from "zod";

/**
 * What the app accepts as a new password: at least 10 characters with letters and digits.
 * Sign-in locks an account after a few wrong guesses, so length matters more than symbols.
 */
export const PASSWORD_MIN_LENGTH = 10;

export const ZPassword = z
  .string({ error: "validation.required" })
  .min(PASSWORD_MIN_LENGTH, { error: "validation.passwordTooShort" })
  .max(200, { error: "validation.tooLong" })
  .refine((password) => /\p{L}/u.test(password) && /\p{Nd}/u.test(password), { error: "validation.passwordWeak" });

// No 0/O, 1/l/I: a generated password is read off a terminal and typed or dictated.
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

/** A random password of 16 characters (about 93 bits) that meets the rule above. */
export function generatePassword(length = 16): string {
  for (;;) {
    const password = Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
    if (ZPassword.safeParse(password).success) return password;
  }
}
