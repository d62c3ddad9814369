import { describe, expect, it } from "vitest";
import { uniqueTag } from "../../tests/factories";
import { getDb } from "../db/client";
import { LOCK_MINUTES, MAX_FAILED_SIGN_INS } from "./lock-policy";
import { hashPassword } from "./password";
import { verifyCredentials } from "./sign-in";

async function buildUser(password: string) {
  const email = `${uniqueTag().toLowerCase()}@test.chungtay.vn`;
  await getDb().user.create({ data: { email, name: "Lò Văn Thử", passwordHash: await hashPassword(password) } });
  return email;
}

describe("sign-in", () => {
  it("accepts the right password, case-insensitively on the email", async () => {
    const email = await buildUser("đúng-rồi");
    const result = await verifyCredentials(getDb(), `  ${email.toUpperCase()} `, "đúng-rồi");
    expect(result).toMatchObject({ ok: true, user: { email } });
  });

  it("gives the same answer for an unknown email and a wrong password", async () => {
    const email = await buildUser("đúng-rồi");
    expect(await verifyCredentials(getDb(), email, "sai")).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyCredentials(getDb(), "khong-co@test.chungtay.vn", "sai")).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it(`locks the account for ${LOCK_MINUTES} minutes after ${MAX_FAILED_SIGN_INS} failures, even for the right password`, async () => {
    const email = await buildUser("đúng-rồi");
    const now = new Date("2026-05-01T08:00:00Z");
    for (let i = 1; i < MAX_FAILED_SIGN_INS; i++)
      expect((await verifyCredentials(getDb(), email, "sai", now)).ok).toBe(false);
    const locked = await verifyCredentials(getDb(), email, "sai", now);
    expect(locked).toMatchObject({ ok: false, reason: "locked" });
    expect(await verifyCredentials(getDb(), email, "đúng-rồi", new Date(now.getTime() + 60_000))).toMatchObject({
      reason: "locked",
    });
    const later = new Date(now.getTime() + (LOCK_MINUTES + 1) * 60_000);
    expect(await verifyCredentials(getDb(), email, "đúng-rồi", later)).toMatchObject({ ok: true });
  });

  it("resets the failure count after a success", async () => {
    const email = await buildUser("đúng-rồi");
    for (let i = 1; i < MAX_FAILED_SIGN_INS; i++) await verifyCredentials(getDb(), email, "sai");
    expect((await verifyCredentials(getDb(), email, "đúng-rồi")).ok).toBe(true);
    expect(await verifyCredentials(getDb(), email, "sai")).toMatchObject({ reason: "invalid" });
  });

  it("refuses disabled accounts", async () => {
    const email = await buildUser("đúng-rồi");
    await getDb().user.update({ where: { email }, data: { disabledAt: new Date() } });
    expect(await verifyCredentials(getDb(), email, "đúng-rồi")).toEqual({ ok: false, reason: "disabled" });
  });
});
