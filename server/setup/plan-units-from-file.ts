import type { Db } from "../db/client";
import { readWorkbook } from "../imports/parse-file";
import { previewImport } from "../imports/run-import";
import type { ImportReport } from "../imports/types";
import { unitsImporter } from "../imports/units";
import type { Actor } from "../policies/actor";
import type { PlannedUnit } from "../reference/province-tree";

/**
 * On an empty database there is no admin yet to import units as: the operator starting the
 * province stands in for the admin they are creating, for the import's checks only.
 */
const operator: Actor = {
  userId: "",
  name: "",
  email: "",
  memberships: [{ role: "admin", unitId: "", unitCode: "", unitName: "", unitLevel: "province", unitPath: "/" }],
};

/**
 * The units of a province's own file in the `import units` format, checked exactly as that
 * import checks them (codes, levels, digits, parents on earlier rows, duplicates). A file with
 * any problem comes back as the import's report, with nothing planned.
 */
export async function planUnitsFromFile(
  db: Db,
  file: { fileName: string; content: Uint8Array },
): Promise<{ units: PlannedUnit[] } | { rejected: ImportReport }> {
  const input = { kind: "units" as const, ...file };
  const report = await previewImport(db, operator, input);
  if (report.fileIssues.length || report.counts.errorRows) return { rejected: report };
  const read = await readWorkbook(file.fileName, file.content);
  if (!read.ok) return { rejected: report };
  const checked = await unitsImporter.check(db, operator, read.sheets, {});
  const units = checked.rows
    .flatMap((row) => row.changes)
    .flatMap((change) =>
      change.op === "create"
        ? [{ code: change.code, name: change.name, level: change.level, parentCode: change.parentCode }]
        : [],
    );
  return { units };
}
