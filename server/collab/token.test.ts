import { describe, expect, it } from "vitest";
import { COLLAB_TOKEN_TTL_SECONDS, issueCollabToken, verifyCollabToken } from "./token";

process.env.AUTH_SECRET ??= "test-secret-for-collab-tokens-0123456789";

describe("collab tokens", () => {
  it("carry the user and expire", async () => {
    const now = Date.now();
    const { token, expiresAt } = await issueCollabToken("user-1", now);
    expect(expiresAt.getTime()).toBe(now + COLLAB_TOKEN_TTL_SECONDS * 1000);
    expect(await verifyCollabToken(token, now + 1000)).toBe("user-1");
    expect(await verifyCollabToken(token, now + (COLLAB_TOKEN_TTL_SECONDS + 60) * 1000)).toBeNull();
  });

  it("refuse forged and malformed tokens", async () => {
    const { token } = await issueCollabToken("user-1");
    const [header, payload] = token.split(".");
    const forgedPayload = Buffer.from(
      JSON.stringify({ sub: "admin", aud: "chungtay:collab", exp: 9_999_999_999 }),
    ).toString("base64url");
    expect(await verifyCollabToken(`${header}.${forgedPayload}.${token.split(".")[2]}`)).toBeNull();
    expect(await verifyCollabToken(`${header}.${payload}.`)).toBeNull();
    expect(await verifyCollabToken("not-a-token")).toBeNull();
    expect(await verifyCollabToken("")).toBeNull();
  });
});
