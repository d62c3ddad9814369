import { useTranslations } from "next-intl";
import type { MoneyUnit } from "@/lib/format";

/**
 * "Đơn vị tính: triệu đồng" above a table's money columns, as officials state a table's unit:
 * every money cell below it is in that unit (see moneyUnit in lib/format.ts).
 */
export function MoneyUnitNote({ unit }: { unit: MoneyUnit }) {
  const t = useTranslations();
  return (
    <span className="italic normal-case text-slate-500" data-testid="money-unit">
      {t("budget.unitNote", { unit: unit.label })}
    </span>
  );
}
