import { searchable } from "../../lib/search-text";

/**
 * Dates as officials' files hold them, to "yyyy-mm-dd": "05/03/2025", "5-3-2025",
 * "2025-03-05", "ngày 20 tháng 11 năm 2025", and the serial numbers Excel keeps when a date
 * cell loses its format (45981 = 20/11/2025). Anything else, or a day that does not exist
 * (31/02), is null for the caller to report.
 */

/** Serials of 1955–2119: a five-digit number in a date column is one of these, not a year or an amount. */
const SERIAL = /^(\d{5})(?:\.0+)?$/;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function iso(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

export function parseDate(text: string): string | null {
  const plain = searchable(text.normalize("NFC")).trim();
  const written = /^(?:ngay\s*)?(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})$/.exec(plain);
  if (written) return iso(Number(written[3]), Number(written[2]), Number(written[1]));
  const vn = /^(?:ngay\s*)?(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(plain);
  if (vn) return iso(Number(vn[3]), Number(vn[2]), Number(vn[1]));
  const standard = /^(\d{4})-(\d{2})-(\d{2})$/.exec(plain);
  if (standard) return iso(Number(standard[1]), Number(standard[2]), Number(standard[3]));
  const serial = SERIAL.exec(plain);
  if (serial && Number(serial[1]) >= 20_000 && Number(serial[1]) <= 80_000)
    return new Date(EXCEL_EPOCH + Number(serial[1]) * 86_400_000).toISOString().slice(0, 10);
  return null;
}

/** "2025-11-20" → "20/11/2025", as every date in the preview is shown. */
export const showDate = (value: string) => value.split("-").reverse().join("/");
