import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildActor, buildCriteriaSet, buildPlan, buildProgram, buildUnitTree } from "../../../tests/factories";
import { disconnectDb, getDb } from "../../db/client";
import { csvFile, workbookFile } from "../../imports/test-files";

/**
 * `npm run cli -- import …` as a script runs it, in a process of its own on the test database:
 * the sheet and header row chosen, a column mapped, marks confirmed with --yes (a script
 * without it is refused and nothing is written), and an annex imported for the plan named.
 */

const root = path.resolve(import.meta.dirname, "../../..");
let dir: string;

/** Runs the command line; the embedded database serves one connection, so the test's own is closed meanwhile. */
async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  await disconnectDb();
  return new Promise((resolve) => {
    execFile(
      path.join(root, "node_modules/.bin/tsx"),
      ["server/cli/main.ts", ...args],
      { cwd: root, env: { ...process.env }, timeout: 120_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

async function file(name: string, content: Uint8Array) {
  const at = path.join(dir, name);
  await writeFile(at, content);
  return at;
}

describe("import on the command line", () => {
  let f: Awaited<ReturnType<typeof setup>>;
  async function setup() {
    const db = getDb();
    const tree = await buildUnitTree(db);
    const set = await buildCriteriaSet(db);
    const planner = await buildActor(db, "planner", [tree.district]);
    const email = (await db.user.findUniqueOrThrow({ where: { id: planner.userId } })).email;
    return { tree, set, planner, email };
  }
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "chungtay-cli-import-"));
    f = await setup();
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const results = (unitId: string) =>
    getDb()
      .criterionAssessment.findMany({ where: { unitId, period: "2025" }, select: { result: true } })
      .then((rows) => rows.map((r) => r.result).sort());

  it(
    "reads the sheet and header row it is told, maps a column, and imports marks only with --yes",
    { timeout: 300_000 },
    async () => {
      const { tree, set, email } = f;
      const table = [
        ["Số hiệu", "Địa bàn", "TC1", "TC2"],
        [tree.commune.code, "Xã Một", "x", "NC"],
      ];
      const workbook = await file(
        "bao-cao.xlsx",
        await workbookFile([
          {
            name: "Tổng hợp",
            rows: [
              ["Mã đơn vị", "TC1"],
              [tree.neighbour.code, "Đạt"],
            ],
          },
          { name: "Chi tiết", rows: [["BÁO CÁO"], [], ...table] },
        ]),
      );
      const base = ["import", "criteria", workbook, "--period", "2025", "--set", set.code, "--as", email];
      const choose = ["--sheet", "Chi tiết", "--header-row", "3", "--map", "Số hiệu=code"];

      const dry = await cli([...base, ...choose, "--dry-run"]);
      expect(dry.code, dry.stderr).toBe(0);
      expect(dry.stdout).toContain("Bảng ở trang “Chi tiết”, dòng tiêu đề: 3.");
      expect(dry.stdout).toContain("“Số hiệu” → Mã đơn vị");
      expect(dry.stdout).toContain("x = Đạt (1)");

      // A script that does not confirm the marks imports nothing.
      const unconfirmed = await cli([...base, ...choose]);
      expect(unconfirmed.code).toBe(1);
      expect(unconfirmed.stderr).toContain("--yes");
      expect(await results(tree.commune.id)).toEqual([]);

      const done = await cli([...base, ...choose, "--yes"]);
      expect(done.code, done.stderr).toBe(0);
      expect(done.stdout).toContain("Đã nhập: Tạo mới 2");
      expect(await results(tree.commune.id)).toEqual(["advanced", "met"]);
      // Without --sheet the summary sheet, whose headings the importer knows best here, would be read.
      expect(await results(tree.neighbour.id)).toEqual([]);

      // The mapping is remembered for the planner's unit: the next file needs no --map.
      const again = await cli([...base, "--sheet", "2", "--dry-run"]);
      expect(again.stdout).toContain("“Số hiệu” → Mã đơn vị");
      expect(again.stdout).toContain("Không đổi 2");
    },
  );

  it(
    "imports an annex without plan columns for the plan named with --plan, lowering money only with --yes",
    { timeout: 300_000 },
    async () => {
      const { tree, planner, email } = f;
      const db = getDb();
      const plan = await buildPlan(db, { unit: tree.district, program: await buildProgram(db), author: planner });
      await db.shortage.create({
        data: {
          planId: plan.id,
          unitId: tree.commune.id,
          category: "boarding_rooms",
          quantity: 12,
          unitLabel: "phòng",
          estimatedCost: 900_000_000n,
        },
      });
      const annex = await file(
        "phu-luc.csv",
        csvFile([
          ["Mã xã/trường", "Loại thiếu hụt", "Số lượng", "Đơn vị tính", "Kinh phí (triệu đồng)"],
          [tree.commune.code, "Phòng bán trú", "12", "phòng", "850"],
          [tree.school.code, "Giáo viên", "2", "người", ""],
        ]),
      );
      const base = ["import", "shortages", annex, "--plan", `${plan.number}/${plan.symbol}`, "--as", email];
      const refused = await cli(base);
      expect(refused.code).toBe(1);
      expect(refused.stdout).toContain("Kinh phí (triệu đồng): 900.000.000 đồng → 850.000.000 đồng");
      expect(refused.stderr).toContain("Tệp sẽ giảm hoặc xóa kinh phí của 1 thiếu hụt");
      const done = await cli([...base, "--yes"]);
      expect(done.code, done.stderr).toBe(0);
      const stored = await getDb().shortage.findMany({
        where: { planId: plan.id },
        select: { estimatedCost: true, quantity: true },
        orderBy: { quantity: "asc" },
      });
      expect(stored).toEqual([
        { estimatedCost: null, quantity: 2 },
        { estimatedCost: 850_000_000n, quantity: 12 },
      ]);
    },
  );
});
