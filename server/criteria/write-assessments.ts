import type { Effects } from "../commands/effects";
import type { Tx } from "../commands/run-command";
import { chunks, insertMany } from "../db/bulk-insert";
import type { AssessmentResult } from "../db/generated/client";
import { notFound } from "../errors";
import { authorize } from "../policies";
import type { Actor } from "../policies/actor";

export interface AssessmentWrite {
  unitId: string;
  criterionId: string;
  period: string;
  result: AssessmentResult;
  /** Left as stored when undefined (an imported table carries results only). */
  note?: string;
  evidenceUrl?: string | null;
}

type Stored = {
  id: string;
  unitId: string;
  criterionId: string;
  result: AssessmentResult;
  note: string;
  evidenceUrl: string | null;
};

/**
 * Records units' results, one from a unit's form or thousands from an imported table, inside a
 * command: each unit's "unit.assess" right is checked again with the actor as read in the
 * transaction; a new result is created, a stored one updated (with who assessed it), and every
 * change audited. Imports pass only the rows that change (their check compares); the rules of
 * the set (level, period, levels of results) are checked by the callers beforehand, with the
 * same functions (server/criteria/assessments.ts). Returns the records' ids, in `rows` order.
 */
export async function writeAssessments(
  tx: Tx,
  actor: Actor,
  effects: Effects,
  rows: AssessmentWrite[],
): Promise<string[]> {
  const unitIds = [...new Set(rows.map((r) => r.unitId))];
  for (const slice of chunks(unitIds, 10_000)) {
    const units = await tx.orgUnit.findMany({
      where: { id: { in: slice } },
      select: { id: true, path: true, level: true },
    });
    if (units.length !== slice.length) throw notFound();
    for (const unit of units) authorize(actor, "unit.assess", unit);
  }

  const stored = new Map<string, Stored>();
  const keyOf = (r: { unitId: string; criterionId: string; period?: string }, period = r.period) =>
    `${r.unitId}|${r.criterionId}|${period}`;
  for (const period of new Set(rows.map((r) => r.period))) {
    const ofPeriod = rows.filter((r) => r.period === period);
    const found = await tx.$queryRaw<Stored[]>`
      SELECT id, "unitId", "criterionId", result::text AS result, note, "evidenceUrl" FROM "CriterionAssessment"
      WHERE period = ${period}
        AND "unitId" = ANY(${[...new Set(ofPeriod.map((r) => r.unitId))]})
        AND "criterionId" = ANY(${[...new Set(ofPeriod.map((r) => r.criterionId))]})`;
    for (const row of found) stored.set(keyOf(row, period), row);
  }

  const creates = rows.filter((r) => !stored.has(keyOf(r)));
  const ids = await insertMany(
    tx,
    "CriterionAssessment",
    {
      unitId: "text",
      criterionId: "text",
      period: "text",
      result: '"AssessmentResult"',
      note: "text",
      evidenceUrl: "text",
      assessedById: "text",
    },
    creates.map((r) => ({ ...r, note: r.note ?? "", evidenceUrl: r.evidenceUrl ?? null, assessedById: actor.userId })),
    ["updatedAt"],
  );
  creates.forEach(({ unitId, criterionId, period, result, note, evidenceUrl }, i) =>
    effects.audit({
      action: "assessment.create",
      entityType: "CriterionAssessment",
      entityId: ids[i]!,
      after: { unitId, criterionId, period, result, note: note ?? "", evidenceUrl: evidenceUrl ?? null },
    }),
  );
  const idOf = new Map(creates.map((r, i) => [keyOf(r), ids[i]!]));

  const updates = rows.flatMap((r) => {
    const before = stored.get(keyOf(r));
    if (!before) return [];
    const after = {
      result: r.result,
      note: r.note ?? before.note,
      evidenceUrl: r.evidenceUrl === undefined ? before.evidenceUrl : r.evidenceUrl,
    };
    return [
      { id: before.id, before: { result: before.result, note: before.note, evidenceUrl: before.evidenceUrl }, after },
    ];
  });
  for (const slice of chunks(updates, 10_000)) {
    await tx.$executeRaw`
      UPDATE "CriterionAssessment" AS a
      SET result = v.result::"AssessmentResult", note = v.note, "evidenceUrl" = v.evidence, "assessedById" = ${actor.userId}, "updatedAt" = now()
      FROM unnest(${slice.map((u) => u.id)}::text[], ${slice.map((u) => u.after.result)}::text[],
                  ${slice.map((u) => u.after.note)}::text[], ${slice.map((u) => u.after.evidenceUrl)}::text[]) AS v(id, result, note, evidence)
      WHERE a.id = v.id`;
    for (const u of slice)
      effects.audit({
        action: "assessment.update",
        entityType: "CriterionAssessment",
        entityId: u.id,
        before: u.before,
        after: u.after,
      });
  }
  return rows.map((r) => stored.get(keyOf(r))?.id ?? idOf.get(keyOf(r))!);
}
