import { afterEach, describe, expect, it, vi } from "vitest";
import { buildActor, buildPlan, buildProgram, buildUnitTree, uniqueTag } from "../../tests/factories";
import { createCaller } from "../api/root";
import { getDb } from "../db/client";
import { DomainError } from "../errors";
import { MAX_MENTIONS_PER_COMMENT } from "../comments/mentions";
import { MAX_BATCH_SIZE } from "@/lib/domain/limits";
import { refuseLargeBatch } from "./batch-limit";
import { RATE_LIMITS, takeRate } from "./rate-limit";

const refusalOf = (call: Promise<unknown>) =>
  call.then(
    () => null,
    (error: { code?: string; cause?: unknown }) =>
      error.cause instanceof DomainError ? [error.code, error.cause.messageKey] : [error.code],
  );

describe("rate limits", () => {
  // Windows are fixed minutes: a loop of 120 calls on a loaded machine may cross the turn of one
  // and start afresh, so the tests that count through the API hold the clock still.
  const holdClock = () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-06-01T08:00:01Z"));
  };
  afterEach(() => vi.useRealTimers());

  it("let exactly the limit through when requests arrive at once, then refuse until the window turns", async () => {
    const rule = { name: `test-${uniqueTag()}`, limit: 25, windowSeconds: 60, messageKey: "errors.tooManyRequests" };
    const now = new Date("2026-06-01T08:00:10Z");
    const results = await Promise.allSettled(Array.from({ length: 40 }, () => takeRate(getDb(), rule, "u1", 1, now)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(25);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "TOO_MANY_REQUESTS", messageKey: "errors.tooManyRequests" });
    // Another subject has its own allowance; the next window starts afresh.
    await expect(takeRate(getDb(), rule, "u2", 1, now)).resolves.toBeUndefined();
    await expect(takeRate(getDb(), rule, "u1", 1, new Date("2026-06-01T08:01:00Z"))).resolves.toBeUndefined();
  });

  it(`refuse a client's mutations past ${RATE_LIMITS.mutations.limit} a minute, with a message key`, async () => {
    holdClock();
    const db = getDb();
    const tree = await buildUnitTree(db);
    const actor = await buildActor(db, "planner", [tree.commune]);
    const client = createCaller({ db, actor, rateLimited: true });
    for (let i = 0; i < RATE_LIMITS.mutations.limit; i++) await client.notifications.markRead({});
    expect(await refusalOf(client.notifications.markRead({}))).toEqual(["TOO_MANY_REQUESTS", "errors.tooManyRequests"]);
    // Reading goes on; so do in-process calls (server components, the CLI), which no client drives.
    await expect(client.notifications.unreadCount()).resolves.toBe(0);
    await expect(createCaller({ db, actor }).notifications.markRead({})).resolves.toEqual({ count: 0 });
  });

  it(`refuse comments past ${RATE_LIMITS.comments.limit} a minute and mentions past ${RATE_LIMITS.mentions.limit} notified people an hour`, async () => {
    holdClock();
    const db = getDb();
    const tree = await buildUnitTree(db);
    const program = await buildProgram(db);
    const author = await buildActor(db, "planner", [tree.commune]);
    const planId = (await buildPlan(db, { unit: tree.commune, program, author })).id;
    const client = createCaller({ db, actor: author });
    const colleagues = await Promise.all(
      Array.from({ length: MAX_MENTIONS_PER_COMMENT }, () => buildActor(db, "stakeholder", [tree.commune])),
    );
    const everyone = colleagues.map((c) => `@${c.email.split("@")[0]}`).join(" ");
    const rounds = RATE_LIMITS.mentions.limit / MAX_MENTIONS_PER_COMMENT;
    for (let i = 0; i < rounds; i++) await client.comments.add({ planId, body: `Mời mọi người ${everyone}` });
    expect(await db.notification.count({ where: { actorId: author.userId } })).toBe(RATE_LIMITS.mentions.limit);
    expect(await refusalOf(client.comments.add({ planId, body: `Lần nữa ${everyone}` }))).toEqual([
      "TOO_MANY_REQUESTS",
      "errors.tooManyMentions",
    ]);
    expect(await db.notification.count({ where: { actorId: author.userId } })).toBe(RATE_LIMITS.mentions.limit);

    for (let i = rounds + 1; i < RATE_LIMITS.comments.limit; i++)
      await client.comments.add({ planId, body: `Ý kiến ${i}` });
    expect(await refusalOf(client.comments.add({ planId, body: "Một ý kiến quá nhiều" }))).toEqual([
      "TOO_MANY_REQUESTS",
      "errors.tooManyComments",
    ]);
    expect(await db.comment.count({ where: { authorId: author.userId } })).toBe(RATE_LIMITS.comments.limit - 1);
  });
});

describe("batch limit", () => {
  const batch = (calls: number) =>
    new Request(`http://127.0.0.1/api/trpc/${Array.from({ length: calls }, () => "comments.add").join(",")}?batch=1`, {
      method: "POST",
    });

  it(`refuses a request of more than ${MAX_BATCH_SIZE} calls from its URL, before reading it`, async () => {
    expect(refuseLargeBatch(batch(MAX_BATCH_SIZE))).toBeNull();
    expect(refuseLargeBatch(new Request("http://127.0.0.1/api/trpc/comments.add"))).toBeNull();
    const refused = refuseLargeBatch(batch(200))!;
    expect(refused.status).toBe(413);
    expect(await refused.json()).toEqual({
      error: { message: "errors.batchTooLarge", params: { max: MAX_BATCH_SIZE } },
    });
  });
});
