import { describe, expect, it } from "vitest";
import { buildActor, buildCriteriaSet, buildUnitTree, uniqueTag } from "../../tests/factories";
import { getDb } from "../db/client";
import { childPath } from "../policies/tree";
import { applyImport, previewImport } from "./run-import";
import { csvFile, importInput } from "./test-files";

/**
 * A province-sized criteria table: 50,000 units × 3 criteria. The figures are printed, not
 * asserted (a loaded CI machine must not fail the build); the counts are asserted.
 */

const ROWS = 50_000;
const RESULTS = ["Đạt", "Chưa đạt", "Nâng cao", "Kiểu mẫu", ""];

describe("criteria import at scale", () => {
  it(
    `previews and imports ${ROWS.toLocaleString("en")} rows, then re-imports them without writing`,
    { timeout: 600_000 },
    async () => {
      const db = getDb();
      const tree = await buildUnitTree(db);
      const set = await buildCriteriaSet(db);
      const planner = await buildActor(db, "planner", [tree.district]);
      const tag = uniqueTag();
      const codes = Array.from({ length: ROWS }, (_, i) => `${tag}-${String(i).padStart(5, "0")}`);
      for (let i = 0; i < ROWS; i += 5000) {
        await db.orgUnit.createMany({
          data: codes.slice(i, i + 5000).map((code) => ({
            code,
            name: `Xã ${code}`,
            level: "commune" as const,
            parentId: tree.district.id,
            path: childPath(tree.district.path, code),
            depth: tree.district.depth + 1,
          })),
        });
      }
      const file = csvFile(
        [
          ["Mã đơn vị", "Tên đơn vị", "TC1", "TC2", "TC3"],
          ...codes.map((code, i) => [
            code,
            `Xã ${code}`,
            RESULTS[i % 5]!,
            RESULTS[(i + 1) % 5]!,
            RESULTS[(i + 2) % 5]!,
          ]),
        ],
        { delimiter: ";", bom: true },
      );
      const input = importInput("criteria", file, { period: "2025", setCode: set.code });
      const filled = 3 * ROWS - (3 * ROWS) / 5;

      const timed = async <T>(label: string, run: () => Promise<T>) => {
        const start = performance.now();
        const result = await run();
        console.log(
          `${label}: ${((performance.now() - start) / 1000).toFixed(1)} s (${(file.byteLength / 1024 / 1024).toFixed(1)} MB, ${ROWS} rows, ${filled} results)`,
        );
        return result;
      };
      const preview = await timed("preview", () => previewImport(db, planner, input));
      expect(preview.counts).toEqual({ create: filled, update: 0, unchanged: 0, errorRows: 0 });
      const applied = await timed("import", () => applyImport(db, planner, input));
      expect(applied.counts.create).toBe(filled);
      expect(await db.criterionAssessment.count({ where: { period: "2025", criterion: { setId: set.id } } })).toBe(
        filled,
      );
      expect(await db.auditEvent.count({ where: { actorId: planner.userId } })).toBe(filled + 1);

      const again = await timed("re-import", () => applyImport(db, planner, input));
      expect(again.counts).toEqual({ create: 0, update: 0, unchanged: filled, errorRows: 0 });
      expect(await db.auditEvent.count({ where: { actorId: planner.userId } })).toBe(filled + 1);
    },
  );
});
