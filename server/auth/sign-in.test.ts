import { describe, expect, it } from "vitest";
import { uniqueTag } from "../../tests/factories";
import { getDb } from "../db/client";
import { LOCK_MINUTES, MAX_FAILED_SIGN_INS } from "@/lib/domain/sign-in";
import { hashPassword } from "./password";
import { publicRefusal, type SignInResult, verifyCredentials } from "./sign-in";

async function buildUser(password: string) {
  const email = `${uniqueTag().toLowerCase()}@test.chungtay.vn`;
  await getDb().user.create({ data: { email, name: "Lò Văn Thử", passwordHash: await hashPassword(password) } });
  return email;
}

const answer = (result: SignInResult) => (result.ok ? "ok" : publicRefusal(result.reason));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe("sign-in", () => {
  it("accepts the right password, case-insensitively on the email", async () => {
    const email = await buildUser("đúng-rồi");
    const result = await verifyCredentials(getDb(), `  ${email.toUpperCase()} `, "đúng-rồi");
    expect(result).toMatchObject({ ok: true, user: { email, sessionVersion: 0 } });
  });

  it("gives the same answer for an unknown email and a wrong password", async () => {
    const email = await buildUser("đúng-rồi");
    expect(await verifyCredentials(getDb(), email, "sai")).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyCredentials(getDb(), "khong-co@test.chungtay.vn", "sai")).toEqual({
      ok: false,
      reason: "unknown",
    });
    expect(publicRefusal("invalid")).toBe("invalid");
    expect(publicRefusal("unknown")).toBe("invalid");
  });

  it(`locks the account for ${LOCK_MINUTES} minutes after ${MAX_FAILED_SIGN_INS} failures, even for the right password`, async () => {
    const email = await buildUser("đúng-rồi");
    const now = new Date("2026-05-01T08:00:00Z");
    for (let i = 1; i < MAX_FAILED_SIGN_INS; i++)
      expect(await verifyCredentials(getDb(), email, "sai", now)).toMatchObject({ reason: "invalid" });
    const locked = await verifyCredentials(getDb(), email, "sai", now);
    expect(locked).toMatchObject({ ok: false, reason: "locked" });
    // During the lock no password is checked: the right one is answered like any other.
    const rightDuringLock = await verifyCredentials(getDb(), email, "đúng-rồi", new Date(now.getTime() + 60_000));
    expect(rightDuringLock).toMatchObject({ reason: "locked" });
    expect(answer(rightDuringLock)).toBe("invalid");
    const later = new Date(now.getTime() + (LOCK_MINUTES + 1) * 60_000);
    expect(await verifyCredentials(getDb(), email, "đúng-rồi", later)).toMatchObject({ ok: true });
  });

  it("resets the failure count after a success", async () => {
    const email = await buildUser("đúng-rồi");
    for (let i = 1; i < MAX_FAILED_SIGN_INS; i++) await verifyCredentials(getDb(), email, "sai");
    expect((await verifyCredentials(getDb(), email, "đúng-rồi")).ok).toBe(true);
    expect(await verifyCredentials(getDb(), email, "sai")).toMatchObject({ reason: "invalid" });
  });

  it("tells a disabled account so only to its right password", async () => {
    const email = await buildUser("đúng-rồi");
    await getDb().user.update({ where: { email }, data: { disabledAt: new Date() } });
    expect(await verifyCredentials(getDb(), email, "sai")).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyCredentials(getDb(), email, "đúng-rồi")).toEqual({ ok: false, reason: "disabled" });
    expect(publicRefusal("disabled")).toBe("disabled");
  });

  it("counts attempts sent at once before checking them: the right password after 29 wrong ones is refused", async () => {
    const db = getDb();
    const email = await buildUser("đúng-rồi");
    const attempts = [
      ...Array.from({ length: 29 }, (_, i) => verifyCredentials(db, email, `sai-${i}`)),
      verifyCredentials(db, email, "đúng-rồi"),
    ];
    const results = await Promise.all(attempts);
    expect(answer(results.at(-1)!)).toBe("invalid");
    // Only the first attempts had their password checked: the 5th wrong one locked the account.
    expect(results.filter((r) => !r.ok && r.reason === "invalid").length).toBe(MAX_FAILED_SIGN_INS - 1);
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + (LOCK_MINUTES - 1) * 60_000);
  });

  it("takes as long for an unknown, locked or disabled account as for a wrong password", async () => {
    const db = getDb();
    const [wrong, locked, disabled] = [await buildUser("đúng"), await buildUser("đúng"), await buildUser("đúng")];
    await db.user.update({ where: { email: locked }, data: { lockedUntil: new Date(Date.now() + 3_600_000) } });
    await db.user.update({ where: { email: disabled }, data: { disabledAt: new Date() } });
    const times: Record<string, number[]> = { wrong: [], unknown: [], locked: [], disabled: [] };
    const emails: Record<string, string> = { wrong, unknown: "chua-co@test.chungtay.vn", locked, disabled };
    for (let round = 0; round < 9; round++) {
      // Counts stay below the lock, so every round asks the same question.
      await db.user.updateMany({ where: { email: { in: [wrong, disabled] } }, data: { failedSignIns: 0 } });
      for (const kind of Object.keys(times)) {
        const started = performance.now();
        const result = await verifyCredentials(db, emails[kind]!, "sai-mat-khau");
        times[kind]!.push(performance.now() - started);
        expect(answer(result), kind).toBe("invalid");
      }
    }
    const reference = median(times.wrong!);
    for (const kind of ["unknown", "locked", "disabled"]) {
      const ratio = median(times[kind]!) / reference;
      expect(
        ratio,
        `${kind}: ${median(times[kind]!).toFixed(1)} ms against ${reference.toFixed(1)} ms`,
      ).toBeGreaterThan(0.6);
      expect(ratio, kind).toBeLessThan(1.6);
    }
  });
});
