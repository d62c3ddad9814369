import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { buildActor, buildUnitTree } from "../../tests/factories";
import { useOwnDatabase } from "../../tests/fuzz/own-database";
import { getDb } from "../db/client";
import { loadReferenceData } from "../reference/reference-data";
import { buildTemplate } from "./templates";

/**
 * With the national sets loaded (and nothing else), a criteria template follows the period's
 * set: 2026 gets the ten criteria of 2026–2030, 2025 the nineteen of 2021–2025. Its own
 * database, since other test files add commune sets of their own for the same years.
 */
describe("criteria templates by period", () => {
  useOwnDatabase("chungtay_template_periods");

  it("heads one column per criterion of the period's set, named", async () => {
    const db = getDb();
    const tree = await buildUnitTree(db);
    const planner = await buildActor(db, "planner", [tree.district]);
    await loadReferenceData(db);
    const headings = async (period: string) => {
      const file = await buildTemplate(db, planner, "criteria", { format: "csv", period });
      const rows = parse(file.data.toString("utf8").replace(/^\uFEFF/, ""), { relax_column_count: true }) as string[][];
      return rows.find((row) => row[0] === "STT")!.filter((h) => /^TC\d/.test(h));
    };
    const of2026 = await headings("2026");
    expect(of2026).toHaveLength(10);
    expect(of2026[0]).toBe("TC1. Quy hoạch");
    expect(of2026[9]).toBe("TC10. Tiếp cận pháp luật, an ninh, quốc phòng");
    expect(await headings("2025")).toHaveLength(19);
    expect(await headings("2027-H1")).toHaveLength(10);
  });
});
