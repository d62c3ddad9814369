/** Percentiles of a sample, nearest-rank, in the sample's unit. */
export function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
  const round = (v: number) => Math.round(v * 100) / 100;
  return { n: sorted.length, p50: round(at(50)), p95: round(at(95)), p99: round(at(99)) };
}

export interface BenchRow {
  what: string;
  load: string;
  goal: string;
  result: string;
  met: boolean | null;
  figures: Record<string, unknown>;
}
