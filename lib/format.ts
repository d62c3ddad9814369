/**
 * Numbers, dates and money the way Vietnamese officials write them: 1.234,5 · 05/03/2026 ·
 * 20,586 tỷ đồng · 54 triệu đồng · 1.234.567 đồng. The dot groups thousands and the comma is the
 * decimal mark. Money and dates keep these forms in the English interface too: they are the
 * figures officials copy into (and find in) their documents, which are always Vietnamese, and
 * the words tỷ, triệu and đồng say which way the separators read. Plain numbers (counts, rates,
 * measured values) follow the reader's language instead, in tables as in sentences: an English
 * reader sees 1,234.5 and 84.35%, as the messages' `{count, number}` write them.
 */
const TIME_ZONE = "Asia/Ho_Chi_Minh";

const integer = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 0 });

/** The interface languages' number conventions (dates and money are always Vietnamese). */
export type NumberLocale = "vi" | "en";
const intlLocale = { vi: "vi-VN", en: "en-US" } as const;

export function formatNumber(value: number, fractionDigits = 0, locale: NumberLocale = "vi"): string {
  return new Intl.NumberFormat(intlLocale[locale], {
    minimumFractionDigits: 0,
    maximumFractionDigits: fractionDigits,
  }).format(value);
}

/** A rate with two decimals: 84,35% (84.35% in English). */
export function formatPercent(value: number, fractionDigits = 2, locale: NumberLocale = "vi"): string {
  return `${new Intl.NumberFormat(intlLocale[locale], { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(value)}%`;
}

/** dd/MM/yyyy in Vietnam's time zone. */
export function formatDate(value: Date | string | null | undefined): string {
  if (!value) return "";
  const date = typeof value === "string" ? new Date(value) : value;
  return new Intl.DateTimeFormat("vi-VN", {
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    timeZone: TIME_ZONE,
  }).format(date);
}

/** A file's size as a file manager shows it, with the Vietnamese decimal comma: 820 byte, 35 kB, 2,4 MB. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${integer.format(bytes)} byte`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, bytes < 10 * 1024 ? 1 : 0)} kB`;
  return `${formatNumber(bytes / (1024 * 1024), 1)} MB`;
}

export function formatDateTime(value: Date | string): string {
  const date = typeof value === "string" ? new Date(value) : value;
  const time = new Intl.DateTimeFormat("vi-VN", {
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
    timeZone: TIME_ZONE,
  }).format(date);
  return `${time} ${formatDate(date)}`;
}

const THOUSAND = 1_000n;
const MILLION = 1_000_000n;
const BILLION = 1_000_000_000n;

/** "1.234.567": a whole number with dots between groups of three, from a bigint without losing a digit. */
const grouped = (value: bigint) => integer.format(value);

/** `whole` then, when the fraction has digits, a decimal comma and `digits` of them (right-trimmed if `trim`). */
function decimalOf(abs: bigint, divisor: bigint, digits: number, trim: boolean): string {
  const whole = grouped(abs / divisor);
  if (digits === 0) return whole;
  const width = divisor.toString().length - 1;
  let fraction = (abs % divisor).toString().padStart(width, "0").slice(0, digits);
  if (trim) fraction = fraction.replace(/0+$/, "");
  return fraction ? `${whole},${fraction}` : whole;
}

const toBigInt = (amount: bigint | number) => (typeof amount === "bigint" ? amount : BigInt(Math.trunc(amount)));

/**
 * A VND amount (an integer, as stored) in running text and on cards, never rounded: in tỷ with
 * a decimal comma from a billion up when the amount is a whole number of millions
 * (20_586_000_000 → "20,586 tỷ đồng", 1_250_000_000 → "1,25 tỷ đồng"), in triệu when it is a
 * whole number of millions below that ("350 triệu đồng"), and in full otherwise, where a
 * short form would round ("45.500.000 đồng", "1.234.567.891 đồng").
 */
export function formatVnd(amount: bigint | number): string {
  const value = toBigInt(amount);
  const sign = value < 0n ? "-" : "";
  const abs = value < 0n ? -value : value;
  if (abs >= BILLION && abs % MILLION === 0n) return `${sign}${decimalOf(abs, BILLION, 3, true)} tỷ đồng`;
  if (abs > 0n && abs % MILLION === 0n) return `${sign}${grouped(abs / MILLION)} triệu đồng`;
  return `${sign}${grouped(abs)} đồng`;
}

/**
 * The one unit of a table's money, as its header states it ("Đơn vị tính: triệu đồng"):
 * every money cell of the table is written in it, with the same number of decimals.
 */
export interface MoneyUnit {
  /** The words after "Đơn vị tính:". */
  label: "triệu đồng" | "đồng";
  divisor: bigint;
  /** Decimals every cell shows (0–3 in triệu: a cell of 45.500.000 đồng is 45,5). */
  decimals: number;
}

const DONG_UNIT: MoneyUnit = { label: "đồng", divisor: 1n, decimals: 0 };

/**
 * Chooses a table's money unit from all its amounts so that no cell loses money: triệu đồng,
 * as officials' tables use, when every amount is a whole number of thousands (with as many
 * decimals, up to 3, as the most precise amount needs) and the largest reaches a million;
 * đồng otherwise (an amount with đồng below a thousand, or a table of small sums).
 */
export function moneyUnit(amounts: Iterable<bigint | number | null | undefined>): MoneyUnit {
  let decimals = 0;
  let largest = 0n;
  for (const amount of amounts) {
    if (amount === null || amount === undefined) continue;
    const value = toBigInt(amount);
    const abs = value < 0n ? -value : value;
    if (abs % THOUSAND !== 0n) return DONG_UNIT;
    if (abs > largest) largest = abs;
    const rest = abs % MILLION;
    const needed = rest === 0n ? 0 : rest % 100_000n === 0n ? 1 : rest % 10_000n === 0n ? 2 : 3;
    decimals = Math.max(decimals, needed);
  }
  if (largest > 0n && largest < MILLION) return DONG_UNIT;
  return { label: "triệu đồng", divisor: MILLION, decimals };
}

/** A table cell's amount in its table's unit: "20.586" or "45,5" (triệu đồng), "1.234.567" (đồng). */
export function formatInUnit(amount: bigint | number, unit: MoneyUnit): string {
  const value = toBigInt(amount);
  const abs = value < 0n ? -value : value;
  return `${value < 0n ? "-" : ""}${decimalOf(abs, unit.divisor, unit.decimals, false)}`;
}

/** The amount in the unit as a number, for a spreadsheet cell (exact: at most 3 decimals of an integer below 2^53). */
export function amountInUnit(amount: bigint | number, unit: MoneyUnit): number {
  return Number(toBigInt(amount)) / Number(unit.divisor);
}

/** The spreadsheet number format of a unit's cells: thousands grouped, the unit's decimals ("#,##0.0"). */
export function unitNumberFormat(unit: MoneyUnit): string {
  return unit.decimals === 0 ? "#,##0" : `#,##0.${"0".repeat(unit.decimals)}`;
}
