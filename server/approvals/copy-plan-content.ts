import { randomUUID } from "node:crypto";
import type { Tx } from "../commands/run-command";
import { readStoredDocument } from "../documents/storage";
import { searchable } from "@/lib/search-text";

/** Old id → new id, per kind of record: which copy stands for which original. */
export interface CopiedIds {
  targets: Record<string, string>;
  milestones: Record<string, string>;
  budgetLines: Record<string, string>;
  shortages: Record<string, string>;
}

const remap = (ids: Record<string, string>, id: string | null) => (id ? (ids[id] ?? null) : null);
const fresh = <T extends { id: string }>(rows: T[]) => Object.fromEntries(rows.map((row) => [row.id, randomUUID()]));

/**
 * Copies a plan's content into another (an amendment, just created): its text (the Yjs state,
 * so the copy's history starts from it), targets with their measurements and criterion links,
 * milestones with their status, budget lines with their disbursements, contributions in kind,
 * shortages, and the links between them. Progress comes too: the amendment starts from where
 * the plan in force stands. Comments stay with the plan they were written on.
 */
export async function copyPlanContent(tx: Tx, fromId: string, toId: string): Promise<CopiedIds> {
  const where = { planId: fromId };
  // One after the other: the queries of a transaction share its one connection.
  const targets = await tx.target.findMany({ where, include: { measurements: true } });
  const milestones = await tx.milestone.findMany({ where, include: { targets: { select: { id: true } } } });
  const lines = await tx.budgetLine.findMany({ where, include: { disbursements: true } });
  const inKind = await tx.inKindContribution.findMany({ where });
  const shortages = await tx.shortage.findMany({
    where,
    include: { milestones: { select: { id: true } }, budgetLines: { select: { id: true } } },
  });
  const ids: CopiedIds = {
    targets: fresh(targets),
    milestones: fresh(milestones),
    budgetLines: fresh(lines),
    shortages: fresh(shortages),
  };

  await tx.target.createMany({
    data: targets.map(({ id, measurements: _, planId: _p, ...target }) => ({
      ...target,
      id: ids.targets[id]!,
      planId: toId,
    })),
  });
  await tx.targetMeasurement.createMany({
    data: targets.flatMap((target) =>
      target.measurements.map(({ id: _, targetId, ...m }) => ({ ...m, targetId: ids.targets[targetId]! })),
    ),
  });
  for (const { id, targets: linked, planId: _p, ...milestone } of milestones) {
    await tx.milestone.create({
      data: {
        ...milestone,
        id: ids.milestones[id]!,
        planId: toId,
        targets: { connect: linked.map((t) => ({ id: ids.targets[t.id]! })) },
      },
      select: { id: true },
    });
  }
  await tx.budgetLine.createMany({
    data: lines.map(({ id, disbursements: _, planId: _p, milestoneId, ...line }) => ({
      ...line,
      id: ids.budgetLines[id]!,
      planId: toId,
      milestoneId: remap(ids.milestones, milestoneId),
    })),
  });
  await tx.disbursement.createMany({
    data: lines.flatMap((line) =>
      line.disbursements.map(({ id: _, budgetLineId, ...d }) => ({
        ...d,
        budgetLineId: ids.budgetLines[budgetLineId]!,
      })),
    ),
  });
  await tx.inKindContribution.createMany({
    data: inKind.map(({ id: _, planId: _p, milestoneId, ...row }) => ({
      ...row,
      planId: toId,
      milestoneId: remap(ids.milestones, milestoneId),
    })),
  });
  for (const { id, milestones: linked, budgetLines: funded, planId: _p, ...shortage } of shortages) {
    await tx.shortage.create({
      data: {
        ...shortage,
        id: ids.shortages[id]!,
        planId: toId,
        milestones: { connect: linked.map((m) => ({ id: ids.milestones[m.id]! })) },
        budgetLines: { connect: funded.map((l) => ({ id: ids.budgetLines[l.id]! })) },
      },
      select: { id: true },
    });
  }

  const document = await readStoredDocument(tx, fromId);
  if (document.state.length) {
    await tx.planDocument.create({
      data: {
        planId: toId,
        state: Buffer.from(document.state),
        content: document.content as object,
        text: document.text,
        searchText: searchable(document.text),
        sizeBytes: document.state.length,
      },
      select: { planId: true },
    });
  }
  return ids;
}
