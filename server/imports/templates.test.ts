import { describe, expect, it } from "vitest";
import { buildActor, buildCriteriaSet, buildUnitTree } from "../../tests/factories";
import { getDb } from "../db/client";
import { matchColumns } from "./columns";
import { DISBURSEMENT_COLUMNS } from "./disbursements";
import { readTable } from "./parse-file";
import { previewImport } from "./run-import";
import { SHORTAGE_COLUMNS } from "./shortages";
import { templateCsv, templateXlsx } from "./templates";
import { importInput } from "./test-files";
import { UNIT_COLUMNS } from "./units";

/** A file made from a template is always understood: its headings are the importers' own. */

const withRow = (template: Uint8Array, row: string) =>
  new Uint8Array([...template, ...new TextEncoder().encode(`${row}\r\n`)]);

describe("import templates", () => {
  it("start with a byte order mark and carry headings the importers read, in CSV and XLSX", async () => {
    for (const [kind, specs] of [
      ["units", UNIT_COLUMNS],
      ["shortages", SHORTAGE_COLUMNS],
      ["disbursements", DISBURSEMENT_COLUMNS],
    ] as const) {
      const csv = templateCsv(kind);
      expect([...csv.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const read = await readTable(`${kind}.csv`, withRow(csv, "x"));
      if (!read.ok) expect.fail(read.issue.message);
      expect(matchColumns(read.table, specs), kind).toMatchObject({ fileIssues: [], warnings: [] });
      const xlsx = await readTable(`${kind}.xlsx`, await templateXlsx(kind));
      expect(xlsx).toMatchObject({ ok: false, issue: { message: "imports.errors.noRows" } });
    }
  });

  it("for criteria, one column per criterion; the extra empty columns of a longer template are ignored", async () => {
    const db = getDb();
    const tree = await buildUnitTree(db);
    const set = await buildCriteriaSet(db);
    const planner = await buildActor(db, "planner", [tree.district]);
    const content = withRow(
      templateCsv("criteria"),
      `${tree.commune.code},Xã Một,Đạt,Chưa đạt,Nâng cao${",".repeat(16)}`,
    );
    const preview = await previewImport(
      db,
      planner,
      importInput("criteria", content, { period: "2025", setCode: set.code }),
    );
    expect(preview.fileIssues).toEqual([]);
    expect(preview.counts).toEqual({ create: 3, update: 0, unchanged: 0, errorRows: 0 });
    expect(preview.warnings.map((w) => w.column)).toEqual(Array.from({ length: 16 }, (_, i) => `TC${i + 4}`));
  });
});
