/**
 * Whether a process's live heap (bytes still reachable after a full collection, sampled every few
 * seconds) stayed flat over a run. The first fifth of the samples is warm-up (documents load,
 * code is compiled and optimised). The median of the last fifth may exceed the median of the
 * second fifth by at most 3 MB or 5 %, whichever is larger; medians, so that one sample taken
 * mid-compaction does not decide. In a 4-minute run the live heap climbs about 2 MB in the first
 * 90 s and then holds within ±0.3 MB; a leak of 1 kB per keystroke (20 editors at 3 a second)
 * adds 3.6 MB a minute.
 */
export function memoryTrend(liveHeapBytes: number[]) {
  const fifth = Math.floor(liveHeapBytes.length / 5);
  const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
  if (fifth < 1) return { secondFifthMB: NaN, lastFifthMB: NaN, growthMB: NaN, allowedMB: NaN, flat: false };
  const secondFifth = median(liveHeapBytes.slice(fifth, 2 * fifth));
  const lastFifth = median(liveHeapBytes.slice(liveHeapBytes.length - fifth));
  const allowed = Math.max(3 * 2 ** 20, 0.05 * secondFifth);
  return {
    secondFifthMB: mb(secondFifth),
    lastFifthMB: mb(lastFifth),
    growthMB: mb(lastFifth - secondFifth),
    allowedMB: mb(allowed),
    flat: lastFifth - secondFifth <= allowed,
  };
}

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
