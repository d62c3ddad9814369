import type { CapitalSource } from "../db/generated/client";
import { moneyFigures, periodOrder, sumBigInt, targetProgress, toScaled, type Direction } from "./figures";

/**
 * The totals a plan's tabs and the dashboards show alike, computed once from the records: money
 * by capital source with its rate, and a target's latest measurement with its progress.
 */

type Line = { source: CapitalSource; amount: bigint; disbursements: { amount: bigint }[] };

/** Each line with what it allocates and what has been paid out of it (and the rate). */
export const lineFigures = <L extends Line>(line: L) =>
  ({ ...line, ...moneyFigures(line.amount, sumBigInt(line.disbursements.map((d) => d.amount))) }) as const;

type Figured = { source: CapitalSource; allocated: bigint; disbursed: bigint };

/** Money allocated and disbursed per capital source (in the order sources first appear), and in all. */
export function moneyBySource(lines: Figured[]) {
  const total = (of: Figured[]) =>
    moneyFigures(sumBigInt(of.map((l) => l.allocated)), sumBigInt(of.map((l) => l.disbursed)));
  return {
    bySource: [...new Set(lines.map((l) => l.source))].map((source) => ({
      source,
      ...total(lines.filter((l) => l.source === source)),
    })),
    total: total(lines),
  };
}

type Value = { toString(): string };

/** Measurements in period order (the settled yearly figure after the half-years of its year). */
export const inPeriodOrder = <M extends { period: string }>(measurements: M[]): M[] =>
  [...measurements].sort((a, b) => periodOrder(a.period) - periodOrder(b.period));

/** A target's latest measurement, and the progress it makes. */
export function targetFigures(target: {
  baselineValue: Value;
  targetValue: Value;
  direction: Direction;
  measurements: { period: string; value: Value }[];
}) {
  const latest = inPeriodOrder(target.measurements).at(-1) ?? null;
  return {
    latest: latest && { period: latest.period, value: latest.value.toString() },
    progress: targetProgress({
      baseline: toScaled(target.baselineValue.toString()),
      target: toScaled(target.targetValue.toString()),
      latest: latest && toScaled(latest.value.toString()),
      direction: target.direction,
    }),
  };
}
