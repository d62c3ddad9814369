import type { RowKinds } from "./row-kinds";
import type { ImportIssue } from "./types";

/**
 * A file's own totals, subtotals and rates, checked against its rows: where they disagree the
 * preview warns (hand-typed report figures drift), but imports the rows as they are.
 */

export interface Figure {
  index: number;
  heading: string;
  /** A data row's contribution (1 for a criterion met, its amount for money), or null when it has none. */
  ofRow: (cell: string) => bigint | null;
  /** What a total row states, or null when the cell holds no figure. */
  stated: (cell: string) => bigint | null;
}

const number = new Intl.NumberFormat("vi-VN");
const show = (value: bigint) => number.format(value);

/** "73,91%", "73.9", "100%" → [73.91, 2 decimals], or null. */
function percent(cell: string): [number, number] | null {
  const match = /^(\d{1,3})(?:[.,](\d{1,4}))?\s*%?$/.exec(cell.trim());
  return match ? [Number(`${match[1]}.${match[2] ?? "0"}`), (match[2] ?? "").length] : null;
}

export function checkTotals(kinds: RowKinds, figures: Figure[], rates: Figure[] = []): ImportIssue[] {
  const warnings: ImportIssue[] = [];
  for (const { row, reason, covers } of kinds.totals) {
    if (reason === "rate") {
      // A rate is the share of the rows meeting the figure, as the file writes it (to its own decimals).
      for (const figure of rates) {
        const stated = percent(row.cells[figure.index] ?? "");
        if (!stated || !covers.length) continue;
        const met = covers.reduce((sum, r) => sum + (figure.ofRow(r.cells[figure.index] ?? "") ?? 0n), 0n);
        const rate = (Number(met) * 100) / covers.length;
        const close = (value: number, decimals: number) => Math.abs(rate - value) <= 0.5 * 10 ** -decimals + 1e-9;
        // Excel keeps a "80,00%" cell as 0.8: a share below 1 is read as a fraction too.
        if (!close(stated[0], stated[1]) && !(stated[0] <= 1 && close(stated[0] * 100, Math.max(0, stated[1] - 2))))
          warnings.push({
            row: row.row,
            column: figure.heading,
            message: "imports.errors.rateMismatch",
            params: {
              stated: (row.cells[figure.index] ?? "").trim(),
              counted: `${rate.toFixed(2).replace(".", ",")}%`,
            },
          });
      }
      continue;
    }
    for (const figure of figures) {
      const stated = figure.stated(row.cells[figure.index] ?? "");
      if (stated === null) continue;
      const counted = covers.reduce((sum, r) => sum + (figure.ofRow(r.cells[figure.index] ?? "") ?? 0n), 0n);
      if (counted !== stated)
        warnings.push({
          row: row.row,
          column: figure.heading,
          message: "imports.errors.totalMismatch",
          params: { stated: show(stated), counted: show(counted) },
        });
    }
  }
  return warnings;
}

/** A count a total row states ("15", "15/23": met of all), or null. */
export function statedCount(cell: string): bigint | null {
  const match = /^(\d{1,6})(?:\s*\/\s*\d{1,6})?$/.exec(cell.trim());
  return match ? BigInt(match[1]!) : null;
}
