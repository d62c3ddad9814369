import type { Random } from "./random";

/**
 * Random inputs for tRPC procedures: values of every JSON type, hostile strings, deep and huge
 * structures, objects shaped like the procedure's own input (its zod object's keys) with the
 * wrong things in them, and superjson envelopes whose `meta` lies about the types.
 */

const hostileStrings = (random: Random, depth: number) => [
  "",
  " ",
  "null",
  "<script>alert(1)</script>",
  '\'; DROP TABLE "Plan"; --',
  "../../../../etc/passwd",
  "%00\u0000\u0000",
  "\uD800",
  "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 và tiếng Việt có dấu",
  "x".repeat(depth === 0 ? 1 + random.int(200_000) : 1 + random.int(300)),
  "9".repeat(400),
  "-1",
  "1e999",
  "2025-02-30",
  "__proto__",
];

export function randomValue(random: Random, ids: string[], depth = 0): unknown {
  const pick = random.int(depth > 3 ? 7 : 10);
  switch (pick) {
    case 0:
      return null;
    case 1:
      return random.chance(0.5);
    case 2:
      return random.pick([0, -1, 1, 2 ** 53, -(2 ** 63), 1e308, 0.1, -0.0, 2024, 99_999]);
    case 3:
    case 4:
      return random.pick(hostileStrings(random, depth));
    case 5:
      return random.pick(ids);
    case 6:
      return random.pick(ids).slice(0, random.int(30)) + String.fromCharCode(32 + random.int(90));
    case 7:
      return random.chance(0.05)
        ? Array.from({ length: 5000 }, (_, i) => i)
        : Array.from({ length: random.int(5) }, () => randomValue(random, ids, depth + 1));
    case 8:
      return JSON.parse(
        `{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"polluted":1}},"k${random.int(9)}":${JSON.stringify(randomValue(random, ids, depth + 1)) ?? "null"}}`,
      );
    default: {
      let nested: unknown = "đáy";
      for (let i = 0; i < 200; i++) nested = [nested];
      return random.chance(0.5) ? nested : { a: randomValue(random, ids, depth + 1) };
    }
  }
}

/** An object with some of `keys` (the procedure's own field names) holding random values, and perhaps a stray key. */
export function randomObject(random: Random, keys: string[], ids: string[]): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  for (const key of keys) if (random.chance(0.7)) value[key] = randomValue(random, ids);
  if (random.chance(0.3))
    value[random.pick(["extra", "role", "actorId", "id", "__proto__"])] = randomValue(random, ids);
  return value;
}

/**
 * The JSON text a client sends for `input`: usually a proper superjson envelope, sometimes one
 * whose meta claims a Date, a BigInt, a Map or a class where there is none, or no envelope.
 */
export function envelope(random: Random, input: unknown): string {
  switch (random.int(8)) {
    case 0:
      return JSON.stringify({
        json: input,
        meta: {
          values: random.pick([
            ["bigint"],
            ["Date"],
            ["map"],
            ["set"],
            [["class", "Plan"]],
            ["regexp"],
            ["number"],
            ["undefined"],
          ]),
        },
      });
    case 1:
      return JSON.stringify({
        json: { v: input },
        meta: {
          values: {
            v: random.pick([["bigint"], ["Date"], ["custom", "x"], ["symbol", "s"]]),
            "__proto__.polluted": ["Date"],
          },
        },
      });
    case 2:
      return JSON.stringify(input) ?? "null";
    case 3:
      return random.pick(["{", "}", '{"json":', "[1,2", "\u0000", '{"json":1}{"json":2}', ""]);
    default:
      return JSON.stringify({ json: input });
  }
}
