/**
 * Whether a process's memory stayed flat over a run. The first fifth of the samples is warm-up
 * (documents load, code warms up, the heap finds its size). The median of the last fifth may
 * exceed the median of the second fifth by at most 20 MB or 10 %, whichever is larger; medians,
 * so that the garbage collector's saw-tooth does not decide. A leak proportional to the edits
 * (about 2,000 a minute in the soak) shows as a steady climb well past that.
 */
export function memoryTrend(rssBytes: number[]) {
  const fifth = Math.floor(rssBytes.length / 5);
  if (fifth < 1) return { secondFifthMB: NaN, lastFifthMB: NaN, growthMB: NaN, allowedMB: NaN, flat: false };
  const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
  const secondFifth = median(rssBytes.slice(fifth, 2 * fifth));
  const lastFifth = median(rssBytes.slice(rssBytes.length - fifth));
  const allowed = Math.max(20 * 2 ** 20, 0.1 * secondFifth);
  return { secondFifthMB: mb(secondFifth), lastFifthMB: mb(lastFifth), growthMB: mb(lastFifth - secondFifth), allowedMB: mb(allowed), flat: lastFifth - secondFifth <= allowed };
}

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
