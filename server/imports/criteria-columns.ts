import type { Db } from "../db/client";
import { criteriaSetWhere, setCoversPeriod } from "../criteria/assessments";
import { type ColumnSpec, headingKey, type Vocabulary } from "./columns";
import type { ImportIssue } from "./types";

/**
 * The columns of a criteria table for a set: the unit's code or name, and one column per
 * criterion, which officials head "TC1", "Tiêu chí 1", "1. Quy hoạch", "Quy hoạch" (the name
 * alone, or its first words when no other criterion starts so), or "1", "2"… under a group
 * heading "Các tiêu chí".
 */

export type CriteriaKey = "code" | "name" | `tc${number}`;
export const CRITERIA_COLUMNS: ColumnSpec<"code" | "name">[] = [
  {
    key: "code",
    heading: "Mã đơn vị",
    aliases: [
      "Mã",
      "code",
      "unit code",
      "Mã xã",
      "Mã ĐVHC",
      "Mã đơn vị hành chính",
      "Mã số",
      "Mã xã, phường, thị trấn",
      "Mã huyện",
    ],
    required: false,
  },
  {
    key: "name",
    heading: "Tên đơn vị",
    aliases: [
      "Tên",
      "name",
      "Tên xã",
      "Tên đơn vị hành chính",
      "Đơn vị",
      "Đơn vị hành chính",
      "Xã",
      "Tên xã, phường, thị trấn",
      "Tên huyện",
      "Địa phương",
    ],
    required: false,
  },
];
const CRITERION_HEADING = /^(?:tc|tieu chi)(?: so)? ?0*(\d{1,3})\b/;
export const criterionHeading = (number: number, name?: string) => (name ? `TC${number}. ${name}` : `TC${number}`);

export type ImportSet = Awaited<ReturnType<typeof loadSets>>[number];

const loadSets = (db: Db, period: string, setCode: string | undefined) =>
  db.criteriaSet.findMany({
    where: criteriaSetWhere(period, setCode),
    take: 2,
    select: {
      id: true,
      code: true,
      name: true,
      unitLevel: true,
      hasLevels: true,
      periodStart: true,
      periodEnd: true,
      criteria: { select: { id: true, number: true, name: true }, orderBy: { number: "asc" } },
    },
  });

const fileIssue = (message: string, params?: ImportIssue["params"]): ImportIssue => ({
  row: null,
  column: null,
  message,
  params,
});

/** The set the period is assessed on, or why there is none to use. */
export async function resolveSet(
  db: Db,
  period: string,
  setCode: string | undefined,
): Promise<{ set: ImportSet; issue?: undefined } | { set?: undefined; issue: ImportIssue }> {
  const sets = await loadSets(db, period, setCode);
  if (!sets.length)
    return {
      issue: setCode
        ? fileIssue("imports.errors.setUnknown", { set: setCode })
        : fileIssue("imports.errors.noSetForYear", { year: period.slice(0, 4) }),
    };
  // Without a code, a second commune set for the same years would make the choice arbitrary.
  if (sets.length > 1) return { issue: fileIssue("imports.errors.setAmbiguous", { year: period.slice(0, 4) }) };
  const set = sets[0]!;
  if (!setCoversPeriod(set, period)) return { issue: fileIssue("validation.periodOutsideSet") };
  return { set };
}

export function criteriaVocabulary(set: ImportSet): Vocabulary<CriteriaKey> {
  const names = set.criteria.map((c) => [headingKey(c.name), c.number] as const);
  const byName = new Map(names);
  return {
    specs: CRITERIA_COLUMNS,
    oneOf: [["code", "name"]],
    dynamic: (label, group) => {
      const numbered = CRITERION_HEADING.exec(label);
      if (numbered) return `tc${Number(numbered[1])}`;
      const named = byName.get(label);
      if (named) return `tc${named}`;
      if (/^\d{1,2}$/.test(label) && /\btieu chi\b/.test(group)) return `tc${Number(label)}`;
      const starting = label.length >= 4 ? names.filter(([name]) => name.startsWith(`${label} `)) : [];
      return starting.length === 1 ? `tc${starting[0]![1]}` : null;
    },
    targets: [
      ...CRITERIA_COLUMNS.map((s) => ({ key: s.key as CriteriaKey, label: s.heading })),
      ...set.criteria.map((c) => ({ key: `tc${c.number}` as CriteriaKey, label: criterionHeading(c.number, c.name) })),
    ],
  };
}
