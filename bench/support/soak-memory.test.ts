import { describe, expect, it } from "vitest";
import { memoryTrend } from "./soak-memory";

const MB = 2 ** 20;

describe("memoryTrend", () => {
  it("calls a warm-up climb followed by a steady level with jitter flat", () => {
    const samples = Array.from({ length: 50 }, (_, i) => (i < 18 ? 50 + i * 0.12 : 52 + ((i * 7) % 5) * 0.1) * MB);
    expect(memoryTrend(samples).flat).toBe(true);
  });

  it("calls a steady climb past 3 MB a leak", () => {
    const samples = Array.from({ length: 100 }, (_, i) => (50 + i * 0.1) * MB);
    const trend = memoryTrend(samples);
    expect(trend.growthMB).toBe(6);
    expect(trend.flat).toBe(false);
  });

  it("allows 5 % of a large heap", () => {
    expect(memoryTrend(Array.from({ length: 50 }, (_, i) => (200 + (i >= 40 ? 9 : 0)) * MB)).flat).toBe(true);
    expect(memoryTrend(Array.from({ length: 50 }, (_, i) => (200 + (i >= 40 ? 11 : 0)) * MB)).flat).toBe(false);
  });

  it("refuses to judge fewer than five samples", () => {
    expect(memoryTrend([MB, MB, MB]).flat).toBe(false);
  });
});
