import { describe, expect, it } from "vitest";
import { memoryTrend } from "./soak-memory";

const MB = 2 ** 20;

describe("memoryTrend", () => {
  it("calls a saw-tooth around a steady level flat, after a warm-up climb", () => {
    const samples = Array.from({ length: 100 }, (_, i) => (i < 20 ? 100 + i * 5 : 200 + (i % 7) * 4) * MB);
    expect(memoryTrend(samples).flat).toBe(true);
  });

  it("calls a steady climb past 10 % a leak", () => {
    const samples = Array.from({ length: 100 }, (_, i) => (200 + i * 0.5) * MB);
    const trend = memoryTrend(samples);
    expect(trend.growthMB).toBe(30);
    expect(trend.flat).toBe(false);
  });

  it("allows 20 MB on a small process", () => {
    expect(memoryTrend(Array.from({ length: 50 }, (_, i) => (50 + (i >= 40 ? 15 : 0)) * MB)).flat).toBe(true);
    expect(memoryTrend(Array.from({ length: 50 }, (_, i) => (50 + (i >= 40 ? 25 : 0)) * MB)).flat).toBe(false);
  });

  it("refuses to judge fewer than five samples", () => {
    expect(memoryTrend([MB, MB, MB]).flat).toBe(false);
  });
});
