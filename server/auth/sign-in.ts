import { randomBytes } from "node:crypto";
import type { Db } from "../db/client";
import { LOCK_MINUTES, MAX_FAILED_SIGN_INS } from "@/lib/domain/sign-in";
import { hashPassword, verifyPassword } from "./password";

export interface SignedInUser {
  id: string;
  name: string;
  email: string;
  sessionVersion: number;
}

/** Why a sign-in was refused, for the audit log; the client is told only `publicRefusal`. */
export type SignInRefusal = "unknown" | "invalid" | "locked" | "disabled";

export type SignInResult = { ok: true; user: SignedInUser } | { ok: false; reason: SignInRefusal };

/**
 * What a refused client is told. An unknown email, a wrong password and a locked account give
 * the same answer after the same work, so the answer never tells whether an account exists.
 * During a lock no password is checked, so even the right one gets that answer (the message
 * says so). Only the right password of a disabled account learns that it is disabled.
 */
export const publicRefusal = (reason: SignInRefusal): "invalid" | "disabled" =>
  reason === "disabled" ? "disabled" : "invalid";

type ClaimedUser = SignedInUser & {
  passwordHash: string;
  failedSignIns: number;
  lockedUntil: Date | null;
  disabledAt: Date | null;
};

/**
 * Checks an email and password. Every attempt on an account is counted before its password is
 * checked, in one UPDATE, so attempts sent at once take numbers one by one: past
 * `MAX_FAILED_SIGN_INS` they are refused unchecked and the account locks for `LOCK_MINUTES`.
 * However many arrive together, at most that many passwords are checked per lock. A right
 * password clears the count.
 */
export async function verifyCredentials(
  db: Db,
  email: string,
  password: string,
  now = new Date(),
): Promise<SignInResult> {
  const [user] = await db.$queryRaw<ClaimedUser[]>`
    UPDATE "User"
    SET "failedSignIns" = CASE WHEN "lockedUntil" > ${now} THEN "failedSignIns" ELSE "failedSignIns" + 1 END
    WHERE email = ${email.trim().toLowerCase()}
    RETURNING id, name, email, "sessionVersion", "passwordHash", "failedSignIns", "lockedUntil", "disabledAt"`;
  if (!user) return refuse("unknown", password);
  if ((user.lockedUntil && user.lockedUntil > now) || user.failedSignIns > MAX_FAILED_SIGN_INS) {
    await lock(db, user.id, now);
    return refuse("locked", password);
  }

  if (await verifyPassword(password, user.passwordHash)) {
    await db.user.update({ where: { id: user.id }, data: { failedSignIns: 0, lockedUntil: null } });
    if (user.disabledAt) return { ok: false, reason: "disabled" };
    const { id, name, email: address, sessionVersion } = user;
    return { ok: true, user: { id, name, email: address, sessionVersion } };
  }
  if (user.failedSignIns < MAX_FAILED_SIGN_INS) return { ok: false, reason: "invalid" };
  await lock(db, user.id, now);
  return { ok: false, reason: "locked" };
}

/** Locks the account unless it is locked already (a lock is never extended by more attempts). */
async function lock(db: Db, userId: string, now: Date) {
  await db.user.updateMany({
    where: { id: userId, OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] },
    data: { lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000), failedSignIns: 0 },
  });
}

/** A refusal after as much work as checking a password takes: a hash of the same cost. */
async function refuse(reason: SignInRefusal, password: string): Promise<SignInResult> {
  await verifyPassword(password, await standInHash());
  return { ok: false, reason };
}

let standIn: Promise<string> | null = null;
/** A hash with the current parameters, of a password nobody knows. */
const standInHash = () => (standIn ??= hashPassword(randomBytes(24).toString("base64url")));
