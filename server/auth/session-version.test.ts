import { describe, expect, it } from "vitest";
import { buildActor, buildUnitTree } from "../../tests/factories";
import { getDb } from "../db/client";
import { loadActor } from "../policies/actor";
import { disableUser } from "../users/disable-user";
import { resetPassword } from "../users/reset-password";
import { currentSessionVersion, endSessions } from "./session-version";

/** Sessions end with sign-out, a password reset and disabling: the actor of an older session is no one. */
describe("session versions", () => {
  it("end the sessions issued before a sign-out, and only a live session can sign out", async () => {
    const db = getDb();
    const tree = await buildUnitTree(db);
    const planner = await buildActor(db, "planner", [tree.commune]);
    expect(await loadActor(db, planner.userId, { sessionVersion: 0 })).toMatchObject({ userId: planner.userId });
    await endSessions(db, planner.userId, 0);
    expect(await currentSessionVersion(db, planner.userId)).toBe(1);
    expect(await loadActor(db, planner.userId, { sessionVersion: 0 })).toBeNull();
    expect(await loadActor(db, planner.userId, { sessionVersion: 1 })).toMatchObject({ userId: planner.userId });
    // A copy of the ended cookie signing out again leaves the newer session alone.
    await endSessions(db, planner.userId, 0);
    expect(await currentSessionVersion(db, planner.userId)).toBe(1);
  });

  it("end with a password reset and with disabling", async () => {
    const db = getDb();
    const tree = await buildUnitTree(db);
    const admin = await buildActor(db, "admin", [tree.province]);
    const [reset, disabled] = [
      await buildActor(db, "planner", [tree.commune]),
      await buildActor(db, "planner", [tree.commune]),
    ];
    await resetPassword(db, admin, { email: reset.email });
    expect(await currentSessionVersion(db, reset.userId)).toBe(1);
    expect(await loadActor(db, reset.userId, { sessionVersion: 0 })).toBeNull();
    await disableUser(db, admin, { email: disabled.email });
    expect(await currentSessionVersion(db, disabled.userId)).toBe(1);
    // The admin's own session is untouched.
    expect(await loadActor(db, admin.userId, { sessionVersion: 0 })).toMatchObject({ userId: admin.userId });
  });
});
