import { describe, expect, it } from "vitest";
import { uniqueTag } from "../../tests/factories";
import { endSessions } from "../auth/session-version";
import { getDb } from "../db/client";
import { COLLAB_TOKEN_TTL_SECONDS, issueCollabToken, readCollabToken, verifyCollabToken } from "./token";

process.env.AUTH_SECRET ??= "test-secret-for-collab-tokens-0123456789";

describe("collab tokens", () => {
  it("carry the user and expire", async () => {
    const now = Date.now();
    const { token, expiresAt } = await issueCollabToken("user-1", now);
    expect(expiresAt.getTime()).toBe(now + COLLAB_TOKEN_TTL_SECONDS * 1000);
    expect(await readCollabToken(token, now + 1000)).toEqual({ userId: "user-1", sessionVersion: 0 });
    expect(await readCollabToken(token, now + (COLLAB_TOKEN_TTL_SECONDS + 60) * 1000)).toBeNull();
  });

  it("refuse forged and malformed tokens", async () => {
    const { token } = await issueCollabToken("user-1");
    const [header, payload] = token.split(".");
    const forgedPayload = Buffer.from(
      JSON.stringify({ sub: "admin", aud: "chungtay:collab", exp: 9_999_999_999 }),
    ).toString("base64url");
    expect(await readCollabToken(`${header}.${forgedPayload}.${token.split(".")[2]}`)).toBeNull();
    expect(await readCollabToken(`${header}.${payload}.`)).toBeNull();
    expect(await readCollabToken("not-a-token")).toBeNull();
    expect(await readCollabToken("")).toBeNull();
    expect(await verifyCollabToken("")).toBeNull();
  });

  it("end with the session that asked for them", async () => {
    const db = getDb();
    const user = await db.user.create({
      data: { email: `${uniqueTag().toLowerCase()}@test.chungtay.vn`, name: "Lò Thị Phiên", passwordHash: "unused" },
    });
    const { token } = await issueCollabToken(user.id, Date.now(), 0);
    expect(await verifyCollabToken(token)).toBe(user.id);
    await endSessions(db, user.id, 0);
    expect(await verifyCollabToken(token)).toBeNull();
    const { token: fresh } = await issueCollabToken(user.id, Date.now(), 1);
    expect(await verifyCollabToken(fresh)).toBe(user.id);
    expect(await verifyCollabToken((await issueCollabToken("no-such-user")).token)).toBeNull();
  });
});
