import { expect, test } from "@playwright/test";
import { appRoutes, timePage } from "./support/app-routes";
import { signedInRequest, trpcQuery } from "./support/collab-client";

/**
 * No page of the app stalls: every route answers 200 with its first byte in well under a second.
 * The plan list and a unit's page once took 3 s, waiting out retries of a prefetch that could not
 * succeed (issue 12). The bound is loose for a loaded CI machine; `npm run bench` measures the
 * real figures (p95 ≤ 100 ms).
 */
const FIRST_BYTE_BOUND_MS = 700;

test("every page answers without stalling", async ({ baseURL }) => {
  test.setTimeout(120_000);
  const admin = await signedInRequest(baseURL!, "admin@chungtay.vn");
  const cookie = (await admin.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const { items } = await trpcQuery<{ items: { id: string; issuingUnit: { id: string } }[] }>(admin, "plans.list", {
    status: "draft", // so that its edit page opens too
  });
  const [plan] = items;
  if (!plan) throw new Error("the seeded province has no draft plan");
  const ids = { planId: plan.id, unitId: plan.issuingUnit.id };

  // The better of two runs, so that one pause of a shared machine is not taken for a stall.
  const firstByteMs: Record<string, number> = {};
  for (const route of appRoutes(ids)) {
    const first = await timePage(`${baseURL}${route}`, cookie); // warm-up
    expect(first.status, route).toBe(200);
    const runs = [await timePage(`${baseURL}${route}`, cookie), await timePage(`${baseURL}${route}`, cookie)];
    firstByteMs[route] = Math.round(Math.min(...runs.map((run) => run.firstByte)));
  }
  const stalled = Object.entries(firstByteMs).filter(([, ms]) => ms > FIRST_BYTE_BOUND_MS);
  expect(stalled, JSON.stringify(firstByteMs)).toEqual([]);
  await admin.dispose();
});
