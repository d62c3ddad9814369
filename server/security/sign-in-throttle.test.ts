import { describe, expect, it } from "vitest";
import { uniqueTag } from "../../tests/factories";
import { getDb } from "../db/client";
import {
  ADDRESS_WINDOW_MINUTES,
  clientAddress,
  isAddressThrottled,
  MAX_FAILED_SIGN_INS_PER_ADDRESS,
  recordFailedSignIn,
} from "./sign-in-throttle";

const address = () => `198.51.100.${uniqueTag()}`;

describe("sign-in throttling per client address", () => {
  it("refuses an address after its failures across many accounts, and no other address", async () => {
    const db = getDb();
    const [guesser, neighbour] = [address(), address()];
    for (let i = 0; i < MAX_FAILED_SIGN_INS_PER_ADDRESS - 1; i++)
      await recordFailedSignIn(db, guesser, `nguoi${i}@chungtay.vn`, "invalid");
    await recordFailedSignIn(db, neighbour, "canbo.xa@chungtay.vn", "invalid");
    expect(await isAddressThrottled(db, guesser)).toBe(false);
    await recordFailedSignIn(db, guesser, "lanhdao.tinh@chungtay.vn", "locked");
    expect(await isAddressThrottled(db, guesser)).toBe(true);
    expect(await isAddressThrottled(db, neighbour)).toBe(false);
    // The failures are audit events: who tried which account, from where.
    const events = await db.auditEvent.findMany({
      where: { entityType: "ClientAddress", entityId: guesser },
      select: { action: true, actorId: true, after: true },
    });
    expect(events).toHaveLength(MAX_FAILED_SIGN_INS_PER_ADDRESS);
    expect(events[0]).toMatchObject({ action: "auth.signInFailed", actorId: null });
  });

  it("lets the address in again once the window has passed", async () => {
    const db = getDb();
    const guesser = address();
    for (let i = 0; i < MAX_FAILED_SIGN_INS_PER_ADDRESS; i++)
      await recordFailedSignIn(db, guesser, `nguoi${i}@chungtay.vn`, "invalid");
    const later = new Date(Date.now() + ADDRESS_WINDOW_MINUTES * 60_000 + 1000);
    expect(await isAddressThrottled(db, guesser)).toBe(true);
    expect(await isAddressThrottled(db, guesser, later)).toBe(false);
  });

  it("takes the address the nearest proxy (or Next, from the socket) reports", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.9" }))).toBe("203.0.113.9");
    // A client can write anything at the front; the proxy appends what it saw.
    expect(clientAddress(new Headers({ "x-forwarded-for": "1.2.3.4, 203.0.113.9" }))).toBe("203.0.113.9");
    expect(clientAddress(new Headers())).toBe("unknown");
  });
});
