/**
 * Numbers, dates and money the way Vietnamese officials write them, whatever the interface
 * language: 1.234,5 · 05/03/2026 · 20.586 tỷ đồng · 54 triệu đồng · 1.234.567 đ.
 */
const TIME_ZONE = "Asia/Ho_Chi_Minh";

const integer = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 0 });

export function formatNumber(value: number, fractionDigits = 0): string {
  return new Intl.NumberFormat("vi-VN", { minimumFractionDigits: 0, maximumFractionDigits: fractionDigits }).format(
    value,
  );
}

/** A rate with two decimals: 84,35%. */
export function formatPercent(value: number, fractionDigits = 2): string {
  return `${new Intl.NumberFormat("vi-VN", { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(value)}%`;
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

const BILLION = 1_000_000_000n;
const MILLION = 1_000_000n;

/**
 * VND amounts (integers, as stored) as the design shows them, without ever rounding money:
 * whole millions from a billion up in "tỷ đồng" with the millions as a dotted group of
 * always three digits (20_586_000_000 → "20.586 tỷ đồng", i.e. 20 tỷ 586 triệu;
 * 3_600_000_000 → "3.600 tỷ đồng", never "3.6", which would read as an English decimal), other whole millions in
 * "triệu đồng" (54 triệu đồng), and any other amount in full (1.234.567 đ).
 */
export function formatVnd(amount: bigint | number): string {
  const value = typeof amount === "bigint" ? amount : BigInt(Math.trunc(amount));
  const sign = value < 0n ? "-" : "";
  const abs = value < 0n ? -value : value;
  if (abs % MILLION === 0n && abs >= BILLION) {
    const millions = (abs % BILLION) / MILLION === 0n ? "" : ((abs % BILLION) / MILLION).toString().padStart(3, "0");
    return `${sign}${integer.format(abs / BILLION)}${millions ? `.${millions}` : ""} tỷ đồng`;
  }
  if (abs % MILLION === 0n && abs > 0n) return `${sign}${integer.format(abs / MILLION)} triệu đồng`;
  return `${sign}${integer.format(abs)} đ`;
}
