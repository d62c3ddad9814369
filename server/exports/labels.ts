import { formatReference, type Numbered } from "@/lib/domain/plan-reference";
import type { MoneyUnit } from "@/lib/format";
import vi from "@/messages/vi.json";
import { translatorFor } from "@/i18n/translator";

/**
 * The interface's Vietnamese labels, reused by every export so that a capital source, a status
 * or a column heading reads the same in a downloaded file as on screen. Official documents are
 * written in Vietnamese (Decree 30/2020/NĐ-CP) whatever language the user reads the app in.
 */
export const labels = vi;

/** The same messages with their placeholders filled ("{met}/{units} đơn vị đạt…"). */
export const translate = translatorFor("vi");

/**
 * A reporting period as a report's title says it: "2025-H1" → "6 tháng đầu năm 2025",
 * "2025-H2" → "6 tháng cuối năm 2025", "2025" → "năm 2025". Periods are validated by the
 * roll-ups (PERIOD_PATTERN) before a document is built.
 */
export function periodPhrase(period: string): string {
  const [year, half] = period.split("-H");
  if (half === "1") return `6 tháng đầu năm ${year}`;
  if (half === "2") return `6 tháng cuối năm ${year}`;
  return `năm ${year}`;
}

/**
 * Open shortages with a milestone or money meant to close them (planningRollup's "covered"):
 * a column of the exported tables that the dashboard writes as a sentence.
 */
export const COVERED = "Đã có mốc hoặc vốn";

/** "Đơn vị tính: triệu đồng": the line above a table that states the unit of its money, as on screen. */
export const moneyNote = (unit: MoneyUnit) => translate("budget.unitNote", { unit: unit.label });

/**
 * A plan's number and symbol in an export's table or title ("2543/KH-SGDĐT"), or the screen's
 * words for a draft without one (plans.noNumber), from the same catalogue.
 */
export const planReference = (plan: Numbered) => formatReference(plan) ?? translate("plans.noNumber");
