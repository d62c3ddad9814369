import type { MilestoneStatus, Prisma } from "../db/generated/client";

/**
 * The figures a plan shows, computed from its records with exact integer arithmetic: money is
 * integer VND (bigint), measured values are decimals scaled to integers, and every rate is
 * rounded half up to two decimals only at the end, so "17.082 of 20.586 billion" is 82.98%
 * every time, on every page and in every export.
 */

/** part / whole × 100, rounded half up (away from zero) to 2 decimals; null when whole is 0. */
export function percentOf(part: bigint, whole: bigint): number | null {
  if (whole === 0n) return null;
  const negative = part < 0n !== whole < 0n && part !== 0n;
  const p = part < 0n ? -part : part;
  const w = whole < 0n ? -whole : whole;
  const hundredths = (p * 20_000n + w) / (2n * w);
  return Number(negative ? -hundredths : hundredths) / 100;
}

const SCALE = 4;

/** "34.9" → 349000n (four decimals, as the database stores them). */
export function toScaled(value: string | { toFixed(digits: number): string }): bigint {
  const text = typeof value === "string" ? value : value.toFixed(SCALE);
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) throw new RangeError(`Not a decimal: ${text}`);
  const [, sign, whole, fraction = ""] = match;
  if (fraction.length > SCALE && /[^0]/.test(fraction.slice(SCALE)))
    throw new RangeError(`More than ${SCALE} decimals: ${text}`);
  const scaled = BigInt(whole! + fraction.slice(0, SCALE).padEnd(SCALE, "0"));
  return sign ? -scaled : scaled;
}

export type Direction = "increase" | "decrease";

export interface TargetProgress {
  /** Share of the way from baseline to target covered by the latest value; null without a measurement. */
  percent: number | null;
  /** The latest value has reached the target, in the target's direction. */
  met: boolean;
}

/**
 * Progress of a target. The share is (latest − baseline) / (target − baseline): for a target
 * that goes down (poor households 34.9% → 17.66%) both differences are negative, so going down
 * counts as progress and going up as regress. "Met" compares in the target's direction.
 */
export function targetProgress(input: {
  baseline: bigint;
  target: bigint;
  latest: bigint | null;
  direction: Direction;
}): TargetProgress {
  const { baseline, target, latest, direction } = input;
  if (latest === null) return { percent: null, met: false };
  const met = direction === "increase" ? latest >= target : latest <= target;
  return { percent: percentOf(latest - baseline, target - baseline) ?? (met ? 100 : 0), met };
}

/**
 * Periods sort by when they end, and the whole year after its second half (a yearly figure is
 * the settled one): 2024-H1, 2024-H2, 2024, 2025-H1.
 */
export function periodOrder(period: string): number {
  const [year, half] = period.split("-H");
  return Number(year) * 10 + (half === "1" ? 1 : half === "2" ? 2 : 3);
}

export const PERIOD_PATTERN = /^(20\d{2})(-H[12])?$/;

export interface MoneyFigures {
  allocated: bigint;
  disbursed: bigint;
  /** disbursed / allocated in percent, 2 decimals half up; null when nothing is allocated. */
  rate: number | null;
}

export function moneyFigures(allocated: bigint, disbursed: bigint): MoneyFigures {
  return { allocated, disbursed, rate: percentOf(disbursed, allocated) };
}

export const sumBigInt = (values: Iterable<bigint>) => {
  let total = 0n;
  for (const value of values) total += value;
  return total;
};

/** Statuses of a milestone with work still to do (neither done nor cancelled). */
export const OPEN_MILESTONE_STATUSES: readonly string[] = ["planned", "in_progress"];

/** A milestone is overdue when its due date has passed and work on it is still open. */
export function isOverdue(milestone: { dueOn: Date; status: string }, today: Date): boolean {
  return OPEN_MILESTONE_STATUSES.includes(milestone.status) && milestone.dueOn.getTime() < today.getTime();
}

/** isOverdue as a filter, for lists that select overdue milestones in the database. */
export const overdueMilestoneWhere = (today: Date): Prisma.MilestoneWhereInput => ({
  status: { in: OPEN_MILESTONE_STATUSES as MilestoneStatus[] },
  dueOn: { lt: today },
});

/** Today's date in Vietnam as a UTC midnight, comparable with `@db.Date` values. */
export function todayInVietnam(now = new Date()): Date {
  const local = new Date(now.getTime() + 7 * 3600_000);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()));
}
