import type { Db } from "../db/client";
import { hashPassword } from "../auth/password";
import { loadReferenceData } from "../reference/reference-data";
import { provinceTree } from "../reference/province-tree";
import { insertUnitTree } from "../setup/insert-unit-tree";
import { seedAssessments } from "./seed-assessments";
import { seedPlanHistory } from "./seed-plan-history";
import { DEMO_PROVINCE_CODE, demoUnits, plans, users, type SeedPlan } from "../../prisma/seed-data/dien-bien";

/** The documented demo password; DEMO_PASSWORD overrides it when the accounts are first created. */
export const DEFAULT_DEMO_PASSWORD = "ChungTay@2025";
export const demoPassword = () => process.env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD;
export const demoAccounts = users;

const date = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Splits records into generations so that each one's parent is created in an earlier one. */
function generations<T>(items: T[], key: (item: T) => string, parentKey: (item: T) => string | null): T[][] {
  const depth = new Map<string, number>();
  for (const item of items) {
    const parent = parentKey(item);
    depth.set(key(item), parent === null ? 0 : depth.get(parent)! + 1);
  }
  const result: T[][] = [];
  for (const item of items) (result[depth.get(key(item))!] ??= []).push(item);
  return result;
}

/**
 * Seeds the demo province: the real Điện Biên from the official lists, before and after the
 * 2025 reform, with departments, schools, accounts, plans and results. Idempotent: it only
 * creates what is missing (createMany … skipDuplicates on natural keys), so running it on
 * every start never overwrites what users changed, such as a password or a plan's title.
 */
export async function seedDemo(db: Db): Promise<{ created: number }> {
  let created = await loadReferenceData(db);
  const { units } = provinceTree(DEMO_PROVINCE_CODE, { beforeReform: true });
  created += await db.$transaction((tx) => insertUnitTree(tx, [...units, ...demoUnits]), { timeout: 5 * 60 * 1000 });
  const unitByCode = new Map(
    (
      await db.orgUnit.findMany({
        where: { code: { in: [...users.map((u) => u.unitCode), ...plans.map((p) => p.issuingUnitCode)] } },
        select: { id: true, code: true },
      })
    ).map((u) => [u.code, u]),
  );

  const existing = await db.user.findMany({
    where: { email: { in: users.map((u) => u.email) } },
    select: { email: true },
  });
  if (existing.length < users.length) {
    const passwordHash = await hashPassword(demoPassword());
    const data = users.map((u) => ({ email: u.email, name: u.name, title: u.title, passwordHash }));
    created += (await db.user.createMany({ data, skipDuplicates: true })).count;
  }
  const userIdByEmail = new Map(
    (
      await db.user.findMany({ where: { email: { in: users.map((u) => u.email) } }, select: { id: true, email: true } })
    ).map((u) => [u.email, u.id]),
  );
  created += (
    await db.membership.createMany({
      data: users.map((u) => ({
        userId: userIdByEmail.get(u.email)!,
        unitId: unitByCode.get(u.unitCode)!.id,
        role: u.role,
      })),
      skipDuplicates: true,
    })
  ).count;

  // A seeded plan is authored by a planner of its unit, else by the admin.
  const admin = users.find((u) => u.role === "admin")!;
  const authorOf = (unitCode: string) =>
    userIdByEmail.get((users.find((u) => u.unitCode === unitCode && u.role === "planner") ?? admin).email)!;
  const programIdByCode = new Map(
    (await db.program.findMany({ select: { id: true, code: true } })).map((p) => [p.code, p.id]),
  );
  const reference = (p: { number: string | null; symbol: string }) => `${p.number}/${p.symbol}`;
  const planIdByReference = new Map<string, string>();
  for (const generation of generations<SeedPlan>(plans, reference, (p) => (p.parent ? reference(p.parent) : null))) {
    const data = generation.map((plan) => ({
      number: plan.number,
      symbol: plan.symbol,
      title: plan.title,
      issuedOn: date(plan.issuedOn),
      issuingUnitId: unitByCode.get(plan.issuingUnitCode)!.id,
      programId: programIdByCode.get(plan.programCode)!,
      periodStart: plan.periodStart,
      periodEnd: plan.periodEnd,
      year: plan.year,
      status: plan.status,
      parentId: plan.parent ? planIdByReference.get(reference(plan.parent))! : null,
      createdById: authorOf(plan.issuingUnitCode),
      updatedById: authorOf(plan.issuingUnitCode),
    }));
    created += (await db.plan.createMany({ data, skipDuplicates: true })).count;
    const rows = await db.plan.findMany({
      where: { OR: data.map((d) => ({ issuingUnitId: d.issuingUnitId, number: d.number, symbol: d.symbol })) },
      select: { id: true, number: true, symbol: true },
    });
    for (const row of rows) planIdByReference.set(reference(row), row.id);
  }
  created += await seedPlanHistory(db, [...planIdByReference.values()]);
  created += await seedAssessments(db, userIdByEmail.get(admin.email)!);
  return { created };
}
