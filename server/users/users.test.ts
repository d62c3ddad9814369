import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildActor, buildUnit, buildUnitTree, uniqueTag } from "../../tests/factories";
import { createIsolatedDatabase } from "../../tests/isolated-database";
import type { TestDatabase } from "../../tests/test-database";
import { verifyCredentials } from "../auth/sign-in";
import { createDb, type Db, getDb } from "../db/client";
import { type Actor, loadActor } from "../policies/actor";
import { createFirstAdmin, createUser, hasActiveAdmin } from "./create-user";
import { disableUser } from "./disable-user";
import { grantRole, revokeRole } from "./memberships";
import { ZPassword, generatePassword } from "./password-rule";
import { resetPassword } from "./reset-password";
import { refused } from "../../tests/refusal";

/**
 * Account management as the CLI (and later an admin page) does it: creating users, resetting
 * passwords, disabling accounts, on a real database, with the rights and the audit checked.
 */

const email = () => `${uniqueTag().toLowerCase()}@test.chungtay.vn`;

/** The audit rows of a user, as stored (JSON text included), to look for secrets in. */
async function auditOf(db: Db, userId: string) {
  return db.auditEvent.findMany({ where: { entityType: "User", entityId: userId }, orderBy: { at: "asc" } });
}

async function setup() {
  const db = getDb();
  const tree = await buildUnitTree(db);
  const admin = await buildActor(db, "admin", [tree.province], "Quản trị tỉnh");
  return { db, tree, admin };
}

describe("password rule", () => {
  it("wants 10 characters with letters and digits, and generated passwords meet it", () => {
    expect(ZPassword.safeParse("ngan1").success).toBe(false);
    expect(ZPassword.safeParse("chikhongcoso").success).toBe(false);
    expect(ZPassword.safeParse("1234567890").success).toBe(false);
    expect(ZPassword.safeParse("Mật khẩu 2025").success).toBe(true);
    const generated = new Set(Array.from({ length: 50 }, () => generatePassword()));
    expect(generated.size).toBe(50);
    for (const password of generated) expect(ZPassword.safeParse(password).success).toBe(true);
  });
});

describe("createUser", () => {
  it("creates an account with its role at a unit, which signs in with the password given", async () => {
    const { db, tree, admin } = await setup();
    const address = email();
    const { user, generatedPassword } = await createUser(db, admin, {
      email: `  ${address.toUpperCase()} `,
      name: "Lò Thị Mai",
      title: "Chuyên viên",
      role: "planner",
      unit: tree.commune.code,
      password: "Xuan2025moi",
    });
    expect(generatedPassword).toBeUndefined();
    expect(user).toMatchObject({ email: address, name: "Lò Thị Mai", title: "Chuyên viên", disabledAt: null });
    expect(user.memberships).toEqual([{ role: "planner", unit: expect.objectContaining({ code: tree.commune.code }) }]);
    expect(await verifyCredentials(db, address, "Xuan2025moi")).toMatchObject({ ok: true });
    const actor = await loadActor(db, user.id);
    expect(actor?.memberships.map((m) => [m.role, m.unitId])).toEqual([["planner", tree.commune.id]]);

    const [event, ...others] = await auditOf(db, user.id);
    expect(others).toEqual([]);
    expect(event).toMatchObject({ actorId: admin.userId, action: "user.create", before: null });
    expect(event!.after).toEqual({
      email: address,
      name: "Lò Thị Mai",
      title: "Chuyên viên",
      roles: [{ role: "planner", unit: tree.commune.code }],
    });
  });

  it("generates a strong password when none is given, returned once and never audited", async () => {
    const { db, tree, admin } = await setup();
    const address = email();
    const { user, generatedPassword } = await createUser(db, admin, {
      email: address,
      name: "Quàng Văn Hùng",
      role: "leader",
      unit: tree.district.code,
    });
    expect(ZPassword.safeParse(generatedPassword).success).toBe(true);
    expect(await verifyCredentials(db, address, generatedPassword!)).toMatchObject({ ok: true });
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    const audit = JSON.stringify(await auditOf(db, user.id));
    expect(audit).not.toContain(generatedPassword!);
    expect(audit).not.toContain(stored.passwordHash);
    expect(audit).not.toContain("scrypt$");
  });

  it("refuses invalid input field by field and writes nothing", async () => {
    const { db, tree, admin } = await setup();
    const taken = email();
    await createUser(db, admin, {
      email: taken,
      name: "Đã có",
      role: "planner",
      unit: tree.commune.code,
      password: "Matkhau2025",
    });
    const base = {
      email: email(),
      name: "Người mới",
      role: "planner",
      unit: tree.commune.code,
      password: "Matkhau2025",
    };
    const cases: [Record<string, unknown>, Record<string, string[]>][] = [
      [{ email: "khong-phai-email" }, { email: ["validation.email"] }],
      [{ email: taken.toUpperCase() }, { email: ["validation.emailTaken"] }],
      [{ name: " " }, { name: ["validation.required"] }],
      [{ role: "superuser" }, { role: ["validation.role"] }],
      [{ unit: "KHONG-CO" }, { unit: ["validation.unitUnknown"] }],
      [{ password: "ngan12" }, { password: ["validation.passwordTooShort"] }],
      [{ password: "khongcochuso" }, { password: ["validation.passwordWeak"] }],
    ];
    for (const [patch, fieldErrors] of cases) {
      const input = { ...base, ...patch } as Parameters<typeof createUser>[2];
      expect(await refused(createUser(db, admin, input))).toEqual({
        code: "BAD_REQUEST",
        messageKey: "errors.invalidFields",
        fieldErrors,
      });
    }
    expect(await db.user.count({ where: { email: base.email } })).toBe(0);
  });

  it("is for admins only, and only at units beneath them", async () => {
    const { db, tree, admin } = await setup();
    const planner = await buildActor(db, "planner", [tree.province]);
    const communeAdmin = await buildActor(db, "admin", [tree.commune]);
    const input = { email: email(), name: "Người mới", role: "planner", unit: tree.district.code } as const;
    expect(await refused(createUser(db, planner, input))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refused(createUser(db, communeAdmin, input))).toMatchObject({ code: "FORBIDDEN" });
    expect(await db.user.count({ where: { email: input.email } })).toBe(0);
    await expect(createUser(db, admin, input)).resolves.toMatchObject({ user: { email: input.email } });
  });
});

describe("resetPassword", () => {
  it("sets the new password, lifts the lock and audits that it changed, not what it is", async () => {
    const { db, tree, admin } = await setup();
    const address = email();
    const { user } = await createUser(db, admin, {
      email: address,
      name: "Lường Văn Sơn",
      role: "planner",
      unit: tree.commune.code,
      password: "Cu2025matkhau",
    });
    const lockedUntil = new Date(Date.now() + 10 * 60_000);
    await db.user.update({ where: { id: user.id }, data: { failedSignIns: 3, lockedUntil } });
    expect(await verifyCredentials(db, address, "Cu2025matkhau")).toMatchObject({ reason: "locked" });

    const result = await resetPassword(db, admin, { email: address, password: "Moi2025matkhau" });
    expect(result.generatedPassword).toBeUndefined();
    expect(result.user).toMatchObject({ failedSignIns: 0, lockedUntil: null });
    expect(await verifyCredentials(db, address, "Cu2025matkhau")).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyCredentials(db, address, "Moi2025matkhau")).toMatchObject({ ok: true });

    const generated = await resetPassword(db, admin, { email: address.toUpperCase() });
    expect(await verifyCredentials(db, address, generated.generatedPassword!)).toMatchObject({ ok: true });

    const events = (await auditOf(db, user.id)).filter((e) => e.action === "user.resetPassword");
    expect(events.map((e) => [e.before, e.after])).toEqual([
      [
        { failedSignIns: 3, lockedUntil: lockedUntil.toISOString() },
        { failedSignIns: 0, lockedUntil: null, passwordChanged: true, generated: false },
      ],
      [
        { failedSignIns: 0, lockedUntil: null },
        { failedSignIns: 0, lockedUntil: null, passwordChanged: true, generated: true },
      ],
    ]);
    const audit = JSON.stringify(events);
    expect(audit).not.toContain("Moi2025matkhau");
    expect(audit).not.toContain(generated.generatedPassword!);
    expect(audit).not.toContain("scrypt$");
  });

  it("refuses a weak password, an unknown email, a non-admin and an admin of another unit", async () => {
    const { db, tree, admin } = await setup();
    const address = email();
    await createUser(db, admin, {
      email: address,
      name: "Cầm Thị Hoa",
      role: "stakeholder",
      unit: tree.commune.code,
      password: "Cu2025matkhau",
    });
    expect(await refused(resetPassword(db, admin, { email: address, password: "yeu" }))).toMatchObject({
      fieldErrors: { password: ["validation.passwordTooShort", "validation.passwordWeak"] },
    });
    expect(await refused(resetPassword(db, admin, { email: email() }))).toMatchObject({ code: "NOT_FOUND" });
    const leader = await buildActor(db, "leader", [tree.province]);
    expect(await refused(resetPassword(db, leader, { email: address }))).toMatchObject({ code: "FORBIDDEN" });
    const neighbourAdmin = await buildActor(db, "admin", [tree.neighbour]);
    expect(await refused(resetPassword(db, neighbourAdmin, { email: address }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await verifyCredentials(db, address, "Cu2025matkhau")).toMatchObject({ ok: true });
  });
});

describe("disableUser", () => {
  it("ends sign-ins and sessions, audits it, and changes nothing the second time", async () => {
    const { db, tree, admin } = await setup();
    const address = email();
    const { user } = await createUser(db, admin, {
      email: address,
      name: "Vì Văn Dũng",
      role: "planner",
      unit: tree.school.code,
      password: "Matkhau2025",
    });
    const now = new Date("2026-01-15T08:00:00.000Z");
    const result = await disableUser(db, admin, { email: address }, now);
    expect(result).toMatchObject({ alreadyDisabled: false, user: { disabledAt: now } });
    expect(await verifyCredentials(db, address, "Matkhau2025")).toEqual({ ok: false, reason: "disabled" });
    expect(await loadActor(db, user.id)).toBeNull();

    expect(await disableUser(db, admin, { email: address })).toMatchObject({
      alreadyDisabled: true,
      user: { disabledAt: now },
    });
    const events = (await auditOf(db, user.id)).filter((e) => e.action === "user.disable");
    expect(events.map((e) => [e.actorId, e.before, e.after])).toEqual([
      [admin.userId, { disabledAt: null }, { disabledAt: now.toISOString() }],
    ]);
  });

  it("is refused to a non-admin", async () => {
    const { db, tree, admin } = await setup();
    const address = email();
    await createUser(db, admin, {
      email: address,
      name: "Lò Văn Pọm",
      role: "planner",
      unit: tree.commune.code,
      password: "Matkhau2025",
    });
    const planner = await buildActor(db, "planner", [tree.province]);
    expect(await refused(disableUser(db, planner, { email: address }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await verifyCredentials(db, address, "Matkhau2025")).toMatchObject({ ok: true });
  });
});

/** The first and the last admin are counted over the whole installation: a database of their own. */
describe("grantRole and revokeRole", () => {
  it("give and take a role at a unit, audited, within the admin's units only", async () => {
    const { db, tree, admin } = await setup();
    const { user } = await createUser(db, admin, {
      email: email(),
      name: "Cầm Thị Hoa",
      role: "planner",
      unit: tree.commune.code,
      password: "Matkhau2025",
    });
    const input = { email: user.email, role: "leader" as const, unit: tree.district.code };
    expect((await grantRole(db, admin, input)).changed).toBe(true);
    expect((await grantRole(db, admin, input)).changed).toBe(false);
    const actor = (await loadActor(db, user.id))!;
    expect(actor.memberships.map((m) => `${m.role}@${m.unitCode}`).sort()).toEqual(
      [`leader@${tree.district.code}`, `planner@${tree.commune.code}`].sort(),
    );
    expect((await revokeRole(db, admin, input)).user.memberships).toHaveLength(1);
    expect((await auditOf(db, user.id)).map((e) => e.action)).toEqual(["user.create", "user.grant", "user.revoke"]);

    const neighbourAdmin = await buildActor(db, "admin", [tree.neighbour]);
    expect(await refused(grantRole(db, neighbourAdmin, input))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refused(grantRole(db, admin, { ...input, unit: "KHONG-CO" }))).toMatchObject({
      fieldErrors: { unit: ["validation.unitUnknown"] },
    });
  });
});

describe("an installation's admins", () => {
  let database: TestDatabase;
  let db: Db;
  let province: Awaited<ReturnType<typeof buildUnit>>;
  let first: Actor;

  beforeAll(async () => {
    database = await createIsolatedDatabase("chungtay_users");
    db = createDb(database.url, database.embedded ? 1 : 4);
    province = await buildUnit(db, { level: "province", name: "Tỉnh Một Quản Trị" });
  });
  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  it("start with a first admin created without an actor, only while there is none", async () => {
    expect(await hasActiveAdmin(db)).toBe(false);
    const input = { email: email(), name: "Quản trị đầu tiên", role: "admin", unit: province.code } as const;
    expect(await refused(createFirstAdmin(db, { ...input, role: "planner" }))).toMatchObject({
      fieldErrors: { role: ["validation.firstUserAdmin"] },
    });
    const { user, generatedPassword } = await createFirstAdmin(db, input);
    expect(await verifyCredentials(db, input.email, generatedPassword!)).toMatchObject({ ok: true });
    first = (await loadActor(db, user.id))!;
    expect(first.memberships).toMatchObject([{ role: "admin", unitId: province.id }]);
    expect(await auditOf(db, user.id)).toMatchObject([
      { actorId: null, action: "user.create", after: { email: input.email, firstAdmin: true } },
    ]);
    expect(JSON.stringify(await auditOf(db, user.id))).not.toContain(generatedPassword!);

    expect(await refused(createFirstAdmin(db, { ...input, email: email() }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await hasActiveAdmin(db)).toBe(true);
  });

  it("keep their last active one: it cannot be disabled, by itself or anyone, until another admin is active", async () => {
    expect(await refused(disableUser(db, first, { email: first.email }))).toEqual({
      code: "CONFLICT",
      messageKey: "errors.lastAdmin",
      fieldErrors: undefined,
    });
    const { user: second } = await createUser(db, first, {
      email: email(),
      name: "Quản trị thứ hai",
      role: "admin",
      unit: province.code,
      password: "Matkhau2025",
    });
    // A disabled admin does not count.
    const third = await createUser(db, first, {
      email: email(),
      name: "Quản trị nghỉ",
      role: "admin",
      unit: province.code,
      password: "Matkhau2025",
    });
    await disableUser(db, first, { email: third.user.email });

    await expect(disableUser(db, first, { email: first.email })).resolves.toMatchObject({ alreadyDisabled: false });
    const secondActor = (await loadActor(db, second.id))!;
    expect(await refused(disableUser(db, secondActor, { email: second.email }))).toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.lastAdmin",
    });
    expect(await db.user.count({ where: { disabledAt: null, memberships: { some: { role: "admin" } } } })).toBe(1);
  });

  it("keep one when two admins disable each other at the same moment", async () => {
    const [remaining] = await db.user.findMany({
      where: { disabledAt: null, memberships: { some: { role: "admin" } } },
      select: { id: true },
    });
    const x = (await loadActor(db, remaining!.id))!;
    const { user } = await createUser(db, x, {
      email: email(),
      name: "Quản trị mới",
      role: "admin",
      unit: province.code,
      password: "Matkhau2025",
    });
    const y = (await loadActor(db, user.id))!;

    const results = await Promise.allSettled([
      disableUser(db, x, { email: y.email }),
      disableUser(db, y, { email: x.email }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    // Refused as the last admin, or, when the other's change committed first, as a disabled account.
    const { reason } = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect([
      ["CONFLICT", "errors.lastAdmin"],
      ["UNAUTHORIZED", "errors.unauthorized"],
    ]).toContainEqual([reason.code, reason.messageKey]);
    expect(await db.user.count({ where: { disabledAt: null, memberships: { some: { role: "admin" } } } })).toBe(1);
  });
});
