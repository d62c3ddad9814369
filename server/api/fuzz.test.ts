import type { AnyProcedure } from "@trpc/server";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ZodType } from "zod";
import {
  buildActor,
  buildCriteriaSet,
  buildPlan,
  buildPlanningItems,
  buildProgram,
  buildUnitTree,
} from "../../tests/factories";
import { useOwnDatabase } from "../../tests/fuzz/own-database";
import { createRandom, fuzzSeed, type Random } from "../../tests/fuzz/random";
import { digestTables } from "../../tests/fuzz/table-digest";
import { serveTrpc } from "../../tests/fuzz/trpc-http";
import { envelope, randomObject, randomValue } from "../../tests/fuzz/trpc-payloads";
import { getDb } from "../db/client";
import { appRouter } from "./root";

/** Random payloads per procedure and role; queries travel in the URL, so theirs stay short. */
const PER_PROCEDURE = Number(process.env.FUZZ_CASES) || 15;
const PARALLEL = 8;
const MAX_QUERY_INPUT = 6000;
const MESSAGE_KEY = /^[a-z][A-Za-z]*(\.[A-Za-z0-9]+)+$/;
/** What must never reach a client: stack frames, file paths, Prisma's own error text, connection strings. */
const LEAK = /\bat \S+ \(|node_modules|\/work\/|file:\/\/|\.ts:\d+|invocation|postgres(ql)?:\/\/|AUTH_SECRET/;

type Procedure = { path: string; type: "query" | "mutation"; schema: ZodType | undefined };

/** Every query and mutation of the router, with its input schema (subscriptions stream over SSE and have their own tests). */
const procedures: Procedure[] = Object.entries(appRouter._def.procedures as unknown as Record<string, AnyProcedure>)
  .filter(([, p]) => p._def.type !== "subscription")
  .map(([path, p]) => ({
    path,
    type: p._def.type as Procedure["type"],
    schema: (p._def.inputs as unknown as ZodType[])[0],
  }));

/** The field names of a procedure's input object, so random inputs are shaped like real ones. */
function inputKeys(schema: ZodType | undefined): string[] {
  const def = (schema as { def?: { type: string; in?: ZodType; shape?: Record<string, unknown> } } | undefined)?.def;
  if (def?.type === "pipe") return inputKeys(def.in);
  return def?.type === "object" ? Object.keys(def.shape ?? {}) : [];
}

/** Would the procedure accept this body as its input? Decided the way tRPC decides it: superjson, then zod. */
function acceptable(procedure: Procedure, body: string): boolean {
  // A procedure without input reads none of it.
  if (!procedure.schema) return true;
  let input: unknown;
  try {
    input = superjson.deserialize(JSON.parse(body));
  } catch {
    return false;
  }
  return procedure.schema.safeParse(input).success;
}

function randomBody(random: Random, procedure: Procedure, ids: string[]): string {
  for (;;) {
    const keys = inputKeys(procedure.schema);
    const input = keys.length && random.chance(0.75) ? randomObject(random, keys, ids) : randomValue(random, ids);
    const body = envelope(random, input);
    if (procedure.type === "query" && body.length > MAX_QUERY_INPUT) continue;
    // A mutation given an input it accepts would rightly act on it; the fuzz sends only refusable ones.
    if (procedure.type === "mutation" && acceptable(procedure, body)) continue;
    return body;
  }
}

/**
 * Random payloads for every query and mutation of the API over HTTP, signed in as an admin and
 * as a planner, on a database of this file's own: every refused answer is a 4xx with a message
 * key and no internals, nothing answers 500, and no table changes.
 */
describe("tRPC API under random payloads", () => {
  const seed = fuzzSeed();
  const database = useOwnDatabase("chungtay_fuzz_api");
  const ids: string[] = [];
  const servers: { role: string; url: string; close: () => Promise<void> }[] = [];

  beforeAll(async () => {
    const db = getDb();
    const tree = await buildUnitTree(db);
    const program = await buildProgram(db);
    const admin = await buildActor(db, "admin", [tree.province], "Quản Trị Viên");
    const planner = await buildActor(db, "planner", [tree.commune], "Lò Văn Soạn");
    const plan = await buildPlan(db, { unit: tree.commune, program, author: planner });
    const items = await buildPlanningItems(db, plan, tree.commune);
    const set = await buildCriteriaSet(db);
    const comment = await db.comment.create({
      data: { planId: plan.id, body: "Cần bổ sung số liệu", authorId: planner.userId },
    });
    ids.push(
      ...Object.values(tree).map((u) => u.id),
      program.id,
      plan.id,
      set.id,
      comment.id,
      planner.userId,
      admin.userId,
    );
    ids.push(...Object.values(items).map((i) => i.id), ...set.criteria.map((c) => c.id));
    servers.push(
      { role: "admin", ...(await serveTrpc(admin.userId)) },
      { role: "planner", ...(await serveTrpc(planner.userId)) },
    );
  });

  afterAll(async () => {
    for (const server of servers) await server.close();
  });

  it(`refuses ${PER_PROCEDURE} random payloads per procedure and role with a 4xx and a message key`, async () => {
    const internal = vi.spyOn(console, "error").mockImplementation(() => {});
    const before = await digestTables(getDb());
    const random = createRandom(seed);
    const cases = servers.flatMap((server) =>
      procedures.flatMap((procedure) =>
        Array.from({ length: PER_PROCEDURE }, () => ({
          server,
          procedure,
          body: randomBody(random, procedure, ids),
          batch: random.chance(0.1),
        })),
      ),
    );
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let accepted = 0;
    try {
      for (let start = 0; start < cases.length; start += PARALLEL) {
        await Promise.all(
          cases.slice(start, start + PARALLEL).map(async ({ server, procedure, body, batch }, i) => {
            const sent = batch
              ? `{"0":${JSON.stringify(JSON.parse(body.length && isJson(body) ? body : "null"))}}`
              : body;
            const url = `${server.url}/${procedure.path}${batch ? "?batch=1" : ""}`;
            const response =
              procedure.type === "query"
                ? await fetch(`${url}${batch ? "&" : "?"}input=${encodeURIComponent(sent)}`)
                : await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: sent });
            const text = await response.text();
            statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
            const where = `case ${start + i}: ${server.role} ${procedure.type} ${procedure.path} ${sent.slice(0, 160)} → ${response.status} ${text.slice(0, 300)} (FUZZ_SEED=${seed})`;
            if (LEAK.test(text)) failures.push(`internals in the body: ${where}`);
            if (response.ok && procedure.type === "query" && acceptable(procedure, body)) return void accepted++;
            if (response.status < 400 || response.status >= 500) return void failures.push(`status: ${where}`);
            const parsed = isJson(text) ? (JSON.parse(text) as unknown) : null;
            const error = (Array.isArray(parsed) ? parsed[0] : parsed) as {
              error?: { json?: { message?: string } };
            } | null;
            if (!MESSAGE_KEY.test(error?.error?.json?.message ?? "")) failures.push(`no message key: ${where}`);
          }),
        );
      }
    } finally {
      internal.mockRestore();
    }
    console.log(
      `tRPC fuzz (FUZZ_SEED=${seed}): ${cases.length} requests over ${procedures.length} procedures, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}, ${accepted} valid query inputs answered`,
    );
    expect(failures.slice(0, 10)).toEqual([]);
    expect(accepted, "most query payloads are malformed").toBeLessThan(cases.length / 4);
    expect(await digestTables(getDb())).toEqual(before);
    // The comparison was of this file's own database, which no other test writes to.
    expect(process.env.DATABASE_URL).toBe(database.url());
  }, 300_000);
});

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
