import { beforeAll, describe, expect, it } from "vitest";
import { buildUnitTree, uniqueTag } from "../../tests/factories";
import { getDb } from "../db/client";
import { actorSelect, loadActor, toActor } from "./actor";

type Tree = Awaited<ReturnType<typeof buildUnitTree>>;

/** `loadActor`'s one query must give what Prisma's select of the user with its memberships gives. */
describe("loadActor", () => {
  let tree: Tree;
  const createUser = (
    memberships: { role: "planner" | "leader" | "stakeholder" | "admin"; unitId: string }[],
    disabledAt: Date | null = null,
  ) =>
    getDb().user.create({
      data: {
        email: `${uniqueTag().toLowerCase()}@test.chungtay.vn`,
        name: `Người dùng ${uniqueTag()}`,
        passwordHash: "unused",
        disabledAt,
        memberships: { create: memberships },
      },
    });

  beforeAll(async () => {
    tree = await buildUnitTree(getDb());
  });

  it("loads who the user is and every role at every unit, from the top of the tree down", async () => {
    const user = await createUser([
      { role: "stakeholder", unitId: tree.school.id },
      { role: "planner", unitId: tree.commune.id },
      { role: "leader", unitId: tree.province.id },
      { role: "planner", unitId: tree.province.id },
    ]);
    const actor = await loadActor(getDb(), user.id);
    const expected = toActor(await getDb().user.findUniqueOrThrow({ where: { id: user.id }, select: actorSelect }));
    expect(actor).toMatchObject({ userId: user.id, name: user.name, email: user.email });
    expect(actor!.memberships.map((m) => m.unitPath)).toEqual([
      tree.province.path,
      tree.province.path,
      tree.commune.path,
      tree.school.path,
    ]);
    const key = (m: { role: string; unitPath: string }) => `${m.unitPath} ${m.role}`;
    expect(actor!.memberships.map(key).sort()).toEqual(expected.memberships.map(key).sort());
    expect(actor!.memberships.find((m) => m.role === "stakeholder")).toEqual({
      role: "stakeholder",
      unitId: tree.school.id,
      unitCode: tree.school.code,
      unitName: tree.school.name,
      unitLevel: "school",
      unitPath: tree.school.path,
    });
  });

  it("loads a user without roles with no memberships, and nobody for a disabled or unknown user", async () => {
    const plain = await createUser([]);
    expect(await loadActor(getDb(), plain.id)).toEqual({
      userId: plain.id,
      name: plain.name,
      email: plain.email,
      memberships: [],
    });
    const disabled = await createUser([{ role: "admin", unitId: tree.province.id }], new Date());
    expect(await loadActor(getDb(), disabled.id)).toBeNull();
    expect(await loadActor(getDb(), "no-such-user")).toBeNull();
  });
});
