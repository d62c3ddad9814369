import type { Db } from "../db/client";
import { DEMO_PROVINCE_CODE } from "../../prisma/seed-data/dien-bien";
import { PRE_REFORM_SUFFIX } from "../reference/province-tree";
import { seedDemo } from "./seed-demo";

/** A unit only the demo has (a department), and one only this version of the demo has (a code of the official lists). */
const DEMO_MARKER = `${DEMO_PROVINCE_CODE}-SGDDT`;
const CURRENT_DEMO_MARKER = `03253${PRE_REFORM_SUFFIX}`;

/**
 * Seeds the demo at start unless the database holds something else: never into a real
 * province (it would add accounts with a published password), and never over the demo of an
 * earlier version, whose made-up commune codes the official ones would collide with. Returns
 * whether the database holds a demo (so that its accounts can be listed), with a line on why not.
 */
export async function seedDemoOnStart(db: Db): Promise<{ demo: boolean; created: number; note?: string }> {
  const [anyUnit, marker, current] = await Promise.all([
    db.orgUnit.findFirst({ select: { id: true } }),
    db.orgUnit.findUnique({ where: { code: DEMO_MARKER }, select: { id: true } }),
    db.orgUnit.findUnique({ where: { code: CURRENT_DEMO_MARKER }, select: { id: true } }),
  ]);
  if (anyUnit && !marker)
    return {
      demo: false,
      created: 0,
      note: "The database holds a province that is not the demo: the demo is not seeded (SEED=0 says so).",
    };
  if (marker && !current)
    return {
      demo: true,
      created: 0,
      note:
        "The database holds the demo of an earlier version (made-up commune codes); it is kept as it is. " +
        "For the current demo, the real Điện Biên before and after the 2025 reform, start on a new database.",
    };
  return { demo: true, ...(await seedDemo(db)) };
}
