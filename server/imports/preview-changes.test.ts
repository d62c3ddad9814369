import { describe, expect, it } from "vitest";
import { buildActor, buildCriteriaSet, buildPlan, buildProgram, buildUnitTree } from "../../tests/factories";
import { getDb } from "../db/client";
import { applyImport, previewImport } from "./run-import";
import { confirming, csvFile, importInput } from "./test-files";

/**
 * An import never erases silently: an empty cell keeps the stored value, clearing takes the
 * word "xóa", the preview lists every field a row changes (before → after, dates as
 * dd/mm/yyyy, money in đồng), and lowering or clearing money waits for the user's confirmation.
 */

const HEADER = [
  "Số ký hiệu kế hoạch",
  "Mã đơn vị ban hành",
  "Mã xã/trường",
  "Loại thiếu hụt",
  "Số lượng",
  "Đơn vị tính",
  "Kinh phí ước tính (đồng)",
  "Chi tiết",
];

async function withShortage() {
  const db = getDb();
  const tree = await buildUnitTree(db);
  const program = await buildProgram(db);
  const planner = await buildActor(db, "planner", [tree.district]);
  const plan = await buildPlan(db, { unit: tree.district, program, author: planner });
  const shortage = await db.shortage.create({
    data: {
      planId: plan.id,
      unitId: tree.commune.id,
      category: "boarding_rooms",
      quantity: 12,
      unitLabel: "phòng",
      estimatedCost: 900_000_000n,
    },
  });
  const ref = `${plan.number}/${plan.symbol}`;
  const row = (quantity: string, label: string, cost: string) => [
    ref,
    tree.district.code,
    tree.commune.code,
    "Phòng bán trú, nội trú",
    quantity,
    label,
    cost,
    "",
  ];
  return { db, tree, planner, plan, shortage, ref, row };
}

describe("import previews that cannot erase silently", () => {
  it("keeps a stored cost when the cell is empty, and shows what a row changes before → after", async () => {
    const { db, planner, shortage, row } = await withShortage();
    const emptyCost = csvFile([HEADER, row("10", "", "")]);
    const preview = await previewImport(db, planner, importInput("shortages", emptyCost));
    expect(preview.counts).toEqual({ create: 0, update: 1, unchanged: 0, errorRows: 0 });
    expect(preview.rows[0]!.changes).toEqual([
      { column: "Số lượng", before: { type: "text", value: "12" }, after: { type: "text", value: "10" } },
    ]);
    expect(preview.confirmations).toEqual([]);
    await applyImport(db, planner, importInput("shortages", emptyCost));
    expect(await db.shortage.findUniqueOrThrow({ where: { id: shortage.id } })).toMatchObject({
      quantity: 10,
      unitLabel: "phòng",
      estimatedCost: 900_000_000n,
    });
    // Only the changed field is audited.
    expect(
      await db.auditEvent.findFirstOrThrow({ where: { actorId: planner.userId, action: "shortage.update" } }),
    ).toMatchObject({
      before: { quantity: 12 },
      after: { quantity: 10 },
    });
  });

  it("clears a cost only on the word “xóa”, and lowering or clearing money needs confirming", async () => {
    const { db, planner, shortage, row } = await withShortage();
    const lower = importInput("shortages", csvFile([HEADER, row("12", "phòng", "850.000.000")]));
    const preview = await previewImport(db, planner, lower);
    expect(preview.rows[0]!.changes).toEqual([
      {
        column: "Kinh phí ước tính (đồng)",
        before: { type: "money", value: "900000000" },
        after: { type: "money", value: "850000000" },
      },
    ]);
    expect(preview.confirmations).toEqual([
      { key: "money:1", message: "imports.confirm.moneyLowered", params: { count: 1 }, when: "always" },
    ]);
    await expect(applyImport(db, planner, lower)).rejects.toMatchObject({ messageKey: "imports.errors.unconfirmed" });
    expect((await db.shortage.findUniqueOrThrow({ where: { id: shortage.id } })).estimatedCost).toBe(900_000_000n);

    const clear = importInput("shortages", csvFile([HEADER, row("", "", "Xóa")]));
    const clearing = await previewImport(db, planner, clear);
    expect(clearing.rows[0]!.changes).toEqual([
      { column: "Kinh phí ước tính (đồng)", before: { type: "money", value: "900000000" }, after: null },
    ]);
    await applyImport(db, planner, confirming(clear, clearing));
    expect(await db.shortage.findUniqueOrThrow({ where: { id: shortage.id } })).toMatchObject({
      quantity: 12,
      estimatedCost: null,
    });
  });

  it("shows dates as dd/mm/yyyy and results before → after", async () => {
    const { db, tree, planner, plan, ref } = await withShortage();
    await db.budgetLine.create({
      data: { planId: plan.id, source: "local_budget", year: 2025, amount: 1_000_000_000n },
    });
    const payments = csvFile([
      ["Số ký hiệu kế hoạch", "Mã đơn vị ban hành", "Nguồn vốn", "Năm", "Số tiền (đồng)", "Ngày giải ngân"],
      [ref, tree.district.code, "NSĐP", "2025", "100.000.000", "2025-04-01"],
      [ref, tree.district.code, "NSĐP", "2025", "200.000.000", "ngày 2 tháng 5 năm 2025"],
    ]);
    const preview = await previewImport(db, planner, importInput("disbursements", payments));
    expect(preview.rows.map((r) => r.key)).toEqual([`${ref} · 01/04/2025`, `${ref} · 02/05/2025`]);
    expect(preview.rows[0]!.changes).toContainEqual({
      column: "Ngày giải ngân",
      before: null,
      after: { type: "date", value: "2025-04-01" },
    });

    const set = await buildCriteriaSet(db);
    await db.criterionAssessment.create({
      data: {
        unitId: tree.commune.id,
        criterionId: set.criteria[0]!.id,
        period: "2025",
        result: "not_met",
        assessedById: planner.userId,
      },
    });
    const results = csvFile([
      ["Mã đơn vị", "TC1", "TC2"],
      [tree.commune.code, "Đạt", "Chưa đạt"],
    ]);
    const assessed = await previewImport(
      db,
      planner,
      importInput("criteria", results, { period: "2025", setCode: set.code }),
    );
    expect(assessed.rows[0]!.changes).toEqual([
      { column: "TC1", before: { type: "result", value: "not_met" }, after: { type: "result", value: "met" } },
      { column: "TC2", before: null, after: { type: "result", value: "not_met" } },
    ]);
  });
});
