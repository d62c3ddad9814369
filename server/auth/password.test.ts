import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("verifies the right password and refuses others", async () => {
    const hash = await hashPassword("Mật khẩu đúng 2025");
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword("Mật khẩu đúng 2025", hash)).toBe(true);
    expect(await verifyPassword("Mật khẩu sai 2025", hash)).toBe(false);
    expect(await verifyPassword("", hash)).toBe(false);
  });

  it("salts every hash", async () => {
    expect(await hashPassword("giống nhau")).not.toBe(await hashPassword("giống nhau"));
  });

  it("treats composed and decomposed Vietnamese letters alike", async () => {
    const hash = await hashPassword("Điện Biên");
    expect(await verifyPassword("Điện Biên".normalize("NFD"), hash)).toBe(true);
  });

  it("refuses malformed stored hashes", async () => {
    expect(await verifyPassword("x", "plain-text")).toBe(false);
  });
});
