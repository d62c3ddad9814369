import { beforeAll, describe, expect, it } from "vitest";
import vi from "../../messages/vi.json";
import { buildActor, buildCriteriaSet, buildUnitTree } from "../../tests/factories";
import { brokenFile } from "../../tests/fuzz/import-files";
import { useOwnDatabase } from "../../tests/fuzz/own-database";
import { createRandom, fuzzSeed } from "../../tests/fuzz/random";
import { digestTables } from "../../tests/fuzz/table-digest";
import { getDb } from "../db/client";
import type { Actor } from "../policies/actor";
import { applyImport, ImportRejected, previewImport } from "./run-import";
import { DISBURSEMENT_COLUMNS } from "./disbursements";
import { SHORTAGE_COLUMNS } from "./shortages";
import { UNIT_COLUMNS } from "./units";
import { xlsxFile } from "./test-files";
import { IMPORT_KINDS, type ImportIssue, type ImportKind, type ImportReport } from "./types";

const CASES = Number(process.env.FUZZ_CASES) || 300;
const HEADINGS = {
  units: UNIT_COLUMNS.map((c) => c.heading),
  shortages: SHORTAGE_COLUMNS.map((c) => c.heading),
  disbursements: DISBURSEMENT_COLUMNS.map((c) => c.heading),
};

/** The Vietnamese text of an issue, as the import page and the CLI word it; fails on an unknown key or a missing value. */
function vietnamese(issue: ImportIssue): string {
  const text = issue.message
    .split(".")
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], vi);
  if (typeof text !== "string") throw new Error(`no Vietnamese message for ${issue.message}`);
  return text.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (issue.params?.[name] === undefined) throw new Error(`${issue.message} lacks the value {${name}}`);
    return String(issue.params[name]);
  });
}

const allIssues = (report: ImportReport) => [...report.fileIssues, ...report.warnings, ...report.issues];

/**
 * Random and broken CSV/XLSX files through the importers' one entry (run-import.ts, which the
 * import page's tRPC procedures and the CLI both call), on a database of this file's own:
 * each is previewed with Vietnamese messages or refused as a whole, and nothing is stored
 * until a valid file is imported on purpose.
 */
describe("imports under broken files", () => {
  const seed = fuzzSeed();
  useOwnDatabase("chungtay_fuzz_imports");
  let admin: Actor;
  const valid = new Map<
    ImportKind,
    { csv: string; xlsx: Uint8Array; rows: string[][]; options: { period?: string; setCode?: string } }
  >();

  beforeAll(async () => {
    const db = getDb();
    const tree = await buildUnitTree(db);
    const set = await buildCriteriaSet(db);
    admin = await buildActor(db, "admin", [tree.province], "Quản Trị Viên");
    // Tables the importers accept (units, criteria) or check row by row (shortages, disbursements: no such plan).
    const rows: Record<ImportKind, string[][]> = {
      units: [HEADINGS.units, [`${tree.commune.code}-TH`, "Trường Tiểu học Xã Một", "trường", tree.commune.code]],
      criteria: [
        ["Mã đơn vị", "Tên đơn vị", "TC1", "TC2", "TC3"],
        [tree.commune.code, "Xã Một", "Đạt", "Chưa đạt", ""],
        [tree.neighbour.code, "Xã Hai", "Nâng cao", "", "Đạt"],
      ],
      shortages: [HEADINGS.shortages, HEADINGS.shortages.map((_, i) => (i === 0 ? tree.commune.code : "1"))],
      disbursements: [
        HEADINGS.disbursements,
        HEADINGS.disbursements.map((_, i) => (i === 0 ? tree.commune.code : "2025")),
      ],
    };
    for (const kind of IMPORT_KINDS) {
      const table = rows[kind];
      const csv = `${table.map((r) => r.map((c) => (/[",;\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",")).join("\r\n")}\r\n`;
      valid.set(kind, {
        csv,
        xlsx: await xlsxFile(table),
        rows: table,
        options: kind === "criteria" ? { period: "2025", setCode: set.code } : {},
      });
    }
  });

  it(`previews or refuses ${CASES} broken files with Vietnamese messages and stores nothing`, async () => {
    const db = getDb();
    const before = await digestTables(db);
    const random = createRandom(seed);
    const seen = new Map<string, number>();
    for (let n = 0; n < CASES; n++) {
      const kind = random.pick(IMPORT_KINDS);
      const base = valid.get(kind)!;
      const file = await brokenFile(random, kind, base.csv, base.xlsx, base.rows);
      const input = { kind, fileName: file.fileName, content: file.content, ...base.options };
      const where = `case ${n}: ${kind}, ${file.how} (FUZZ_SEED=${seed})`;
      const started = Date.now();
      const preview = await previewImport(db, admin, input);
      expect(Date.now() - started, `${where}: preview time`).toBeLessThan(15_000);
      for (const issue of allIssues(preview)) expect(() => vietnamese(issue), where).not.toThrow();
      const problems = preview.fileIssues.length + preview.counts.errorRows;
      for (const issue of preview.fileIssues) seen.set(issue.message, (seen.get(issue.message) ?? 0) + 1);
      // A file with problems is refused as a whole, with the same report; a mutation that left
      // a valid file is only previewed: importing it would be a choice, not a fuzz.
      if (problems) {
        const refused = await applyImport(db, admin, input).then(
          () => null,
          (error: unknown) => error,
        );
        expect(refused, where).toBeInstanceOf(ImportRejected);
        expect((refused as ImportRejected).report.fileIssues, where).toEqual(preview.fileIssues);
      }
    }
    expect(await digestTables(db), `stored tables (FUZZ_SEED=${seed})`).toEqual(before);
    // The broken files met the file-level checks, not only the row checks.
    expect([...seen.keys()].length, JSON.stringify([...seen])).toBeGreaterThanOrEqual(
      Math.min(6, Math.floor(CASES / 20)),
    );

    // Importing a valid file on purpose does change what is stored: the comparison above could fail.
    const units = valid.get("units")!;
    const applied = await applyImport(db, admin, { kind: "units", fileName: "units.xlsx", content: units.xlsx });
    expect(applied.counts.create).toBe(1);
    expect(await digestTables(db)).not.toEqual(before);
  }, 300_000);
});
