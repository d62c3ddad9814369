import { useLocale } from "next-intl";
import { formatNumber, formatPercent } from "@/lib/format";
import { resolveLocale } from "@/i18n/locales";

/**
 * lib/format's plain numbers and rates in the reader's language (1.234,5 · 84,35% in
 * Vietnamese, 1,234.5 · 84.35% in English); money and dates stay Vietnamese. A null rate is "—".
 */
export function useNumberFormat() {
  const locale = resolveLocale(useLocale());
  return {
    formatNumber: (value: number, fractionDigits?: number) => formatNumber(value, fractionDigits, locale),
    formatPercent: (value: number | null, fractionDigits?: number) =>
      value === null ? "—" : formatPercent(value, fractionDigits, locale),
  };
}
