import { performance } from "node:perf_hooks";
import { appRoutes, timePage } from "../e2e/support/app-routes";
import { type BenchRow, percentiles } from "./stats";

/**
 * Every page of the app as a signed-in browser asks for it, one request at a time: the time to
 * the first byte (the response's headers; Next may stream the rest) and to the whole page.
 */
export async function measurePages(
  baseURL: string,
  cookie: string,
  ids: { planId: string; unitId: string },
  requests = 20,
): Promise<BenchRow> {
  const routes = appRoutes(ids);
  const byRoute: Record<string, { ttfbP95: number; wholeP95: number; status: number }> = {};
  for (const route of routes) {
    const firstByte: number[] = [];
    const whole: number[] = [];
    let status = 0;
    for (let i = 0; i < requests + 2; i++) {
      const timing = await timePage(`${baseURL}${route}`, cookie);
      status = timing.status;
      if (i < 2) continue; // warm-up
      firstByte.push(timing.firstByte);
      whole.push(timing.whole);
    }
    if (status !== 200) throw new Error(`${route} answered ${status}`);
    byRoute[route] = { ttfbP95: percentiles(firstByte).p95, wholeP95: percentiles(whole).p95, status };
  }
  const worst = Object.entries(byRoute).sort((a, b) => b[1].ttfbP95 - a[1].ttfbP95)[0]!;
  const worstWhole = Object.entries(byRoute).sort((a, b) => b[1].wholeP95 - a[1].wholeP95)[0]!;
  return {
    what: "every page: time to first byte",
    load: `${routes.length} routes, ${requests} requests each, one client, signed in`,
    goal: "p95 ≤ 100 ms on every route",
    result: `slowest ${worst[0]}: p95 ${worst[1].ttfbP95} ms to the first byte; slowest whole page ${worstWhole[0]}: p95 ${worstWhole[1].wholeP95} ms`,
    met: Object.values(byRoute).every((r) => r.ttfbP95 <= 100),
    figures: byRoute,
  };
}

/**
 * Open loop: requests leave at `rate` per second whatever the answers do, as independent users'
 * requests arrive; latency then includes any queue the server builds up. A request that fails
 * (a server swamped past its backlog times out the connection) is counted, not thrown.
 */
export async function openLoop(rate: number, seconds: number, request: (i: number) => Promise<unknown>) {
  const timings: number[] = [];
  const pending: Promise<void>[] = [];
  let failed = 0;
  const started = performance.now();
  for (let i = 0; i < rate * seconds; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(
      request(i).then(
        () => void timings.push(performance.now() - due),
        () => void failed++,
      ),
    );
  }
  await Promise.all(pending);
  return {
    ...percentiles(timings),
    failed,
    perSecond: Math.round(timings.length / ((performance.now() - started) / 1000)),
  };
}
