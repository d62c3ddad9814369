import { describe, expect, it } from "vitest";
import { isOverdue, moneyFigures, percentOf, periodOrder, targetProgress, todayInVietnam, toScaled } from "./figures";

describe("percentOf", () => {
  it("gives the reports' figures exactly", () => {
    expect(percentOf(17_082_000_000n, 20_586_000_000n)).toBe(82.98);
    expect(percentOf(97n, 115n)).toBe(84.35);
    expect(percentOf(16n, 19n)).toBe(84.21);
  });
  it("rounds half up at the third decimal, also for negatives", () => {
    expect(percentOf(1n, 8n)).toBe(12.5);
    expect(percentOf(1n, 800n)).toBe(0.13); // 0.125 → 0.13
    expect(percentOf(1n, 1600n)).toBe(0.06); // 0.0625 → 0.06
    expect(percentOf(-1n, 800n)).toBe(-0.13);
    expect(percentOf(1n, -800n)).toBe(-0.13);
    expect(percentOf(-1n, -800n)).toBe(0.13);
    expect(percentOf(2n, 3n)).toBe(66.67);
    expect(percentOf(1n, 3n)).toBe(33.33);
  });
  it("has no rate without a whole", () => {
    expect(percentOf(5n, 0n)).toBeNull();
    expect(percentOf(0n, 7n)).toBe(0);
  });
  it("stays exact far beyond floating-point range", () => {
    expect(percentOf(123_456_789_012_345_678_901n, 123_456_789_012_345_678_902n)).toBe(100);
    expect(percentOf(1n, 3_000_000_000_000_000_000_000n)).toBe(0);
  });
});

describe("toScaled", () => {
  it("reads decimals as integers with four decimals", () => {
    expect(toScaled("34.9")).toBe(349_000n);
    expect(toScaled("-0.0001")).toBe(-1n);
    expect(toScaled("54")).toBe(540_000n);
    expect(toScaled({ toFixed: () => "17.6600" })).toBe(176_600n);
  });
  it("refuses what is not a decimal or is too precise", () => {
    expect(() => toScaled("1e5")).toThrow(RangeError);
    expect(() => toScaled("1.00001")).toThrow(RangeError);
  });
});

describe("targetProgress", () => {
  const poverty = { baseline: toScaled("34.9"), target: toScaled("17.66"), direction: "decrease" as const };
  const income = { baseline: toScaled("21.84"), target: toScaled("54"), direction: "increase" as const };
  it("counts a fall as progress for a target that goes down", () => {
    expect(targetProgress({ ...poverty, latest: toScaled("26.28") })).toEqual({ percent: 50, met: false });
    expect(targetProgress({ ...poverty, latest: toScaled("17.66") })).toEqual({ percent: 100, met: true });
    expect(targetProgress({ ...poverty, latest: toScaled("15") })).toEqual({ percent: 115.43, met: true });
    expect(targetProgress({ ...poverty, latest: toScaled("36.62") })).toEqual({ percent: -9.98, met: false });
  });
  it("counts a rise as progress for a target that goes up", () => {
    expect(targetProgress({ ...income, latest: toScaled("37.92") })).toEqual({ percent: 50, met: false });
    expect(targetProgress({ ...income, latest: toScaled("54") })).toEqual({ percent: 100, met: true });
    expect(targetProgress({ ...income, latest: toScaled("20") })).toEqual({ percent: -5.72, met: false });
  });
  it("has no progress before the first measurement", () => {
    expect(targetProgress({ ...income, latest: null })).toEqual({ percent: null, met: false });
  });
  it("handles a target equal to its baseline (keep the level)", () => {
    expect(targetProgress({ baseline: 100n, target: 100n, latest: 100n, direction: "increase" })).toEqual({
      percent: 100,
      met: true,
    });
    expect(targetProgress({ baseline: 100n, target: 100n, latest: 99n, direction: "increase" })).toEqual({
      percent: 0,
      met: false,
    });
  });
});

describe("money figures", () => {
  it("computes the disbursement rate from integers", () => {
    expect(moneyFigures(20_586_000_000n, 17_082_000_000n)).toEqual({
      allocated: 20_586_000_000n,
      disbursed: 17_082_000_000n,
      rate: 82.98,
    });
    expect(moneyFigures(0n, 0n).rate).toBeNull();
  });
});

describe("periods and dates", () => {
  it("orders half-years before the whole year, without ties", () => {
    const periods = ["2025-H1", "2024", "2024-H2", "2024-H1"].sort((a, b) => periodOrder(a) - periodOrder(b));
    expect(periods).toEqual(["2024-H1", "2024-H2", "2024", "2025-H1"]);
  });
  it("flags open milestones past their due date in Vietnam's calendar", () => {
    const today = todayInVietnam(new Date("2026-03-05T18:30:00Z")); // 01:30 on 06/03 in Hà Nội
    expect(today.toISOString()).toBe("2026-03-06T00:00:00.000Z");
    const due = new Date("2026-03-05T00:00:00Z");
    expect(isOverdue({ dueOn: due, status: "in_progress" }, today)).toBe(true);
    expect(isOverdue({ dueOn: due, status: "done" }, today)).toBe(false);
    expect(isOverdue({ dueOn: due, status: "cancelled" }, today)).toBe(false);
    expect(isOverdue({ dueOn: today, status: "planned" }, today)).toBe(false);
  });
});
