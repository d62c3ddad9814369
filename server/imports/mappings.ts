import type { Db } from "../db/client";
import type { Actor } from "../policies/actor";
import { type ColumnMapping, headingKey, IGNORE } from "./columns";
import type { ImportKind, TableLayout } from "./types";

/**
 * Column mappings remembered per unit: when an official says once that "Số hiệu xã" is the
 * unit's code, the next file from their unit is read so without asking. They live in a table
 * of their own (ImportColumnMapping) rather than in the browser, so that a colleague of the
 * same unit, the command line and another computer find them too. A user's unit is their
 * first membership (the highest); their other units' mappings are read after it.
 */

export async function rememberedMapping(db: Db, actor: Actor, kind: ImportKind): Promise<ColumnMapping> {
  const unitIds = actor.memberships.map((m) => m.unitId);
  if (!unitIds.length) return new Map();
  const rows = await db.importColumnMapping.findMany({
    where: { unitId: { in: unitIds }, kind },
    select: { unitId: true, heading: true, target: true },
  });
  const mapping: ColumnMapping = new Map();
  // The first membership's choice wins over another unit's for the same heading.
  for (const unitId of [...unitIds].reverse())
    for (const row of rows) if (row.unitId === unitId) mapping.set(row.heading, row.target);
  return mapping;
}

/** Remembers the mapping the user chose for this import, for their unit; only columns the kind has, or "ignore". */
export async function rememberMapping(
  db: Pick<Db, "importColumnMapping">,
  actor: Actor,
  kind: ImportKind,
  mapping: Record<string, string> | undefined,
  layout: TableLayout | null,
) {
  const unitId = actor.memberships[0]?.unitId;
  if (!unitId || !mapping || !layout) return;
  const known = new Set([IGNORE, ...layout.targets.map((t) => t.key)]);
  for (const [heading, target] of Object.entries(mapping)) {
    const key = headingKey(heading);
    if (!key || !known.has(target)) continue;
    await db.importColumnMapping.upsert({
      where: { unitId_kind_heading: { unitId, kind, heading: key } },
      create: { unitId, kind, heading: key, target, updatedById: actor.userId },
      update: { target, updatedById: actor.userId },
    });
  }
}
