/**
 * A seeded pseudo-random source (mulberry32) for fuzz tests, so that a failing run replays
 * exactly: every fuzz test names its seed in its failure messages, and `FUZZ_SEED=<n>` runs
 * that seed again.
 */
export interface Random {
  seed: number;
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  bytes(n: number): Uint8Array;
}

/** The seed of this run: FUZZ_SEED when given, else a fixed one so CI runs the same cases. */
export const fuzzSeed = (fallback = 20_260_601) => Number(process.env.FUZZ_SEED) || fallback;

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return {
    seed,
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => items[int(items.length)]!,
    bytes: (n) => Uint8Array.from({ length: n }, () => int(256)),
  };
}

/** The same bytes with a few changed: flipped bits, replaced, inserted or removed bytes. */
export function mutateBytes(random: Random, input: Uint8Array): Uint8Array {
  const bytes = [...input];
  const edits = 1 + random.int(4);
  for (let i = 0; i < edits; i++) {
    const at = random.int(Math.max(bytes.length, 1));
    switch (random.int(4)) {
      case 0:
        if (bytes.length) bytes[at] = bytes[at]! ^ (1 << random.int(8));
        break;
      case 1:
        if (bytes.length) bytes[at] = random.int(256);
        break;
      case 2:
        bytes.splice(at, 0, ...random.bytes(1 + random.int(8)));
        break;
      default:
        bytes.splice(at, 1 + random.int(4));
    }
  }
  return Uint8Array.from(bytes);
}

/** The first part of the bytes, never all of them. */
export const truncateBytes = (random: Random, input: Uint8Array) =>
  input.slice(0, random.int(Math.max(input.length, 1)));
