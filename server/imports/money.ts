import { searchable } from "../../lib/search-text";
import { normalizeDecimal } from "../planning/schemas";

/**
 * Money as officials write it, read exactly (bigint, never a float): in the unit the header
 * states ("Kinh phí (triệu đồng)" → × 1,000,000) or the cell does ("850 triệu", "1,5 tỷ
 * đồng", "3.200.000.000 đồng", "700.000.000đ", "1 tỷ 200 triệu"). The comma is the decimal
 * mark and dots group thousands; a value that would leave a fraction of a đồng is refused.
 */

const UNITS: [RegExp, bigint][] = [
  [/\bty\s*(?:dong|vnd|d\b)|\(\s*ty\s*\)|\bty$/, 1_000_000_000n],
  [/\btrieu\s*(?:dong|vnd|d\b)|\btr\.?\s?(?:d|dong)\b|\btrd\b|\(\s*trieu\s*\)|\btrieu$/, 1_000_000n],
  [/\b(?:nghin|ngan)\s*(?:dong|vnd|d\b)|\b1[.,]?000\s*(?:dong|d|vnd)\b/, 1_000n],
];

/** The unit of money a heading or a title line states ("(triệu đồng)", "tỷ VNĐ"), or null (đồng). */
export function moneyUnitOf(text: string): bigint | null {
  const plain = searchable(text.normalize("NFC"));
  return UNITS.find(([pattern]) => pattern.test(plain))?.[1] ?? null;
}

/** The unit a title block states for the whole table ("Đơn vị tính: triệu đồng"), or null. */
export function tableMoneyUnit(lines: string[]): bigint | null {
  for (const line of lines) {
    const match = /(?:don vi tinh|dvt)\s*:?\s*([^;,]*)/.exec(searchable(line.normalize("NFC")));
    const unit = match ? moneyUnitOf(match[1]!) : null;
    if (unit) return unit;
  }
  return null;
}

const MAX_DONG = 10n ** 15n;
const CELL_UNITS: Record<string, bigint> = {
  ty: 1_000_000_000n,
  trieu: 1_000_000n,
  tr: 1_000_000n,
  nghin: 1_000n,
  ngan: 1_000n,
};

/** A decimal as officials type it ("1,5", "1.250,75", "3.200.000") times `unit`, exactly, or null. */
function times(number: string, unit: bigint): bigint | null {
  const text = normalizeDecimal(number.replace(/\s+/g, " "));
  const match = /^(\d{1,15})(?:\.(\d{1,9}))?$/.exec(text);
  if (!match) return null;
  const fraction = match[2] ?? "";
  const scaled = BigInt(match[1]! + fraction) * unit;
  const divisor = 10n ** BigInt(fraction.length);
  return scaled % divisor === 0n ? scaled / divisor : null;
}

/**
 * A cell's amount in đồng, with the column's unit for a bare number; null when it is not an
 * amount (the caller reports it), including zero and amounts of a quadrillion or more.
 */
export function parseMoney(cell: string, columnUnit: bigint = 1n): bigint | null {
  const plain = searchable(cell.normalize("NFC")).trim();
  const text = plain.replace(/\s*(?:dong|d|vnd)\.?$/, "").trim();
  if (!text) return null;
  const parts = text.split(/\s*\b(ty|trieu|tr|nghin|ngan)\b\.?\s*/);
  let total = 0n;
  // "3.200.000.000 đồng" says its unit, whatever the column's; a bare number takes the column's.
  if (parts.length === 1) total = times(parts[0]!, text === plain ? columnUnit : 1n) ?? -1n;
  else {
    // "1 tỷ 200 triệu": number, unit, number, unit…; a last number without its unit is not money.
    if (parts[parts.length - 1] !== "") return null;
    for (let i = 0; i + 1 < parts.length; i += 2) {
      const value = times(parts[i]!, CELL_UNITS[parts[i + 1]!]!);
      if (value === null) return null;
      total += value;
    }
  }
  return total > 0n && total < MAX_DONG ? total : null;
}
