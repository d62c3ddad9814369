import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { appRouter } from "../server/api/root";
import { getDb } from "../server/db/client";
import { buildActor, buildProgram, buildUnit } from "../tests/factories";
import { childPath } from "../server/policies/tree";
import { type BenchRow, percentiles } from "./stats";

/**
 * The plan list with filters, through tRPC's HTTP handler on loopback (the same router and
 * domain code as the app; the session lookup is replaced by a fixed signed-in leader), with
 * 10,000 plans and 50 clients asking at once.
 */
export async function benchPlanList(plans = 10_000, clients = 50, requestsPerClient = 20): Promise<BenchRow> {
  const db = getDb();
  const province = await buildUnit(db, { level: "province", name: "Tỉnh Danh Sách" });
  const communes = Array.from({ length: 100 }, (_, i) => ({ code: `${province.code}-${i}`, name: `Xã ${i}`, level: "commune" as const, parentId: province.id, path: childPath(province.path, `${province.code}-${i}`), depth: 1 }));
  await db.orgUnit.createMany({ data: communes });
  const units = await db.orgUnit.findMany({ where: { parentId: province.id }, select: { id: true } });
  const program = await buildProgram(db);
  const leader = await buildActor(db, "leader", [province]);
  const statuses = ["draft", "submitted", "returned", "approved"] as const;
  const rows = Array.from({ length: plans }, (_, i) => ({
    number: String(i + 1),
    symbol: "KH-UBND",
    title: `Kế hoạch thực hiện tiêu chí số ${(i % 19) + 1} năm ${2021 + (i % 5)} — phòng học, nhà bán trú, giao thông`,
    issuingUnitId: units[i % units.length]!.id,
    programId: program.id,
    periodStart: 2021,
    periodEnd: 2025,
    year: 2021 + (i % 5),
    status: statuses[i % 4]!,
    createdById: leader.userId,
    updatedById: leader.userId,
  }));
  for (let i = 0; i < rows.length; i += 2000) await db.plan.createMany({ data: rows.slice(i, i + 2000) });
  await db.$executeRawUnsafe(`ANALYZE "Plan"`);

  const server = createServer(async (req, res) => {
    const url = `http://${req.headers.host}${req.url}`;
    const response = await fetchRequestHandler({ endpoint: "/api/trpc", req: new Request(url, { method: req.method }), router: appRouter, createContext: () => ({ db, actor: leader }) });
    res.writeHead(response.status, { "content-type": "application/json" });
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/trpc/plans.list?input=`;
  const filters = [{ year: 2023 }, { status: "approved" }, { unitId: units[7]!.id }, { search: "bán trú", year: 2024 }, { page: 3 }];
  const timings: number[] = [];
  try {
    await Promise.all(
      Array.from({ length: clients }, async (_, c) => {
        for (let r = 0; r < requestsPerClient; r++) {
          const input = encodeURIComponent(JSON.stringify(superjson.serialize({ ...filters[(c + r) % filters.length], pageSize: 20 })));
          const start = performance.now();
          const response = await fetch(base + input);
          await response.arrayBuffer();
          if (!response.ok) throw new Error(`plans.list answered ${response.status}`);
          timings.push(performance.now() - start);
        }
      }),
    );
  } finally {
    server.close();
  }
  const figures = percentiles(timings);
  return { what: "plan list with filters via tRPC over HTTP", load: `${plans.toLocaleString("en")} plans, ${clients} concurrent clients`, goal: "p95 ≤ 50 ms", result: `p50 ${figures.p50} · p95 ${figures.p95} · p99 ${figures.p99} ms`, met: figures.p95 <= 50, figures };
}
