import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import superjson from "superjson";
import * as Y from "yjs";
import { signedInRequest } from "../e2e/support/collab-client";
import { startServerProcess } from "../e2e/support/server-process";
import { searchable } from "../lib/search-text";
import { type Db, getDb } from "../server/db/client";
import type { PlanFilters } from "../server/plans/list-plans";
import { seedDemo } from "../server/seed/seed-demo";
import { measurePages, openLoop } from "./pages";
import { type BenchRow, percentiles } from "./stats";

const LEADER = "lanhdao.tinh@chungtay.vn";

/**
 * Seeds the demo province and `plans` plans spread over its communes, years and statuses, and
 * returns the province leader and the filters the clients ask for (also used to EXPLAIN them).
 */
export async function seedPlanList(db: Db, plans: number) {
  await seedDemo(db);
  const leader = await db.user.findUniqueOrThrow({
    where: { email: LEADER },
    select: { id: true, memberships: { select: { unit: { select: { path: true } } } } },
  });
  const provincePath = leader.memberships[0]!.unit.path;
  const communes = await db.orgUnit.findMany({
    where: { level: "commune", path: { startsWith: provincePath } },
    select: { id: true },
    orderBy: { code: "asc" },
  });
  const district = await db.orgUnit.findFirstOrThrow({
    where: { level: "district", path: { startsWith: provincePath } },
    select: { id: true },
    orderBy: { code: "asc" },
  });
  const program = await db.program.findFirstOrThrow({ select: { id: true }, orderBy: { code: "asc" } });
  const statuses = ["draft", "submitted", "returned", "approved"] as const;
  const rows = Array.from({ length: plans }, (_, i) => ({
    number: String(50_000 + i),
    symbol: "KH-UBND",
    title: `Kế hoạch thực hiện tiêu chí số ${(i % 19) + 1} năm ${2021 + (i % 5)} — ${i % 3 ? "phòng học, giao thông" : "nhà bán trú, phòng học"}`,
    issuedOn: i % 7 ? new Date(Date.UTC(2021 + (i % 5), i % 12, (i % 28) + 1)) : null,
    issuingUnitId: communes[i % communes.length]!.id,
    programId: program.id,
    periodStart: 2021,
    periodEnd: 2025,
    year: 2021 + (i % 5),
    status: statuses[i % 4]!,
    createdById: leader.id,
    updatedById: leader.id,
  }));
  for (let i = 0; i < rows.length; i += 2000) await db.plan.createMany({ data: rows.slice(i, i + 2000) });
  await seedPlanTexts(
    db,
    rows.map((row) => row.number),
  );
  await settleDatabase(db);

  const filters: PlanFilters[] = [
    { year: 2023 },
    { status: "approved" },
    { unitId: district.id },
    { search: "bán trú", year: 2024 },
    { page: 3 },
  ];
  return { leaderId: leader.id, filters };
}

/**
 * Gives every plan a document of about 3 kB of text, as written plans have, so that a search
 * runs the full-text path over as many documents as there are plans. Only the list reads them:
 * the Yjs state is an empty document.
 */
async function seedPlanTexts(db: Db, numbers: string[]) {
  const plans = await db.plan.findMany({ where: { number: { in: numbers } }, select: { id: true, number: true } });
  const emptyState = Buffer.from(Y.encodeStateAsUpdate(new Y.Doc()));
  const documents = plans.map(({ id, number }) => {
    const i = Number(number);
    const text = Array.from({ length: 12 }, (_, k) =>
      PLAN_SENTENCES[(i + k * 7) % PLAN_SENTENCES.length]!.replace("{n}", String(((i * 31 + k) % 40) + 2)),
    ).join(" ");
    return {
      planId: id,
      state: emptyState,
      content: { type: "doc", content: [] },
      text,
      searchText: searchable(text),
      sizeBytes: emptyState.length,
    };
  });
  for (let i = 0; i < documents.length; i += 500)
    await db.planDocument.createMany({ data: documents.slice(i, i + 500) });
}

const PLAN_SENTENCES = [
  "Xây dựng {n} phòng học kiên cố thay thế phòng học tạm, phòng học mượn tại các điểm trường lẻ của xã, hoàn thành trước năm học mới.",
  "Bố trí {n} phòng ở nội trú và nhà ăn cho học sinh bán trú ở các thôn, bản xa trung tâm, bảo đảm điều kiện học tập và sinh hoạt.",
  "Sửa chữa, nâng cấp {n} căn nhà công vụ cho giáo viên cắm bản, ưu tiên các điểm trường chưa có nước sạch và điện lưới quốc gia.",
  "Cứng hóa {n} km đường giao thông nông thôn liên thôn, liên xã theo tiêu chí số 2 của bộ tiêu chí quốc gia về xã nông thôn mới.",
  "Huy động nhân dân đóng góp ngày công, vật liệu và hiến đất để làm đường, tổng giá trị đóng góp khoảng {n} tỷ đồng.",
  "Tỷ lệ hộ nghèo đa chiều giảm còn dưới {n} phần trăm, thu nhập bình quân đầu người đạt chỉ tiêu của huyện giao.",
  "Ủy ban nhân dân xã phân công cán bộ phụ trách từng tiêu chí, báo cáo tiến độ hằng quý về Ban Chỉ đạo huyện.",
  "Rà soát nhu cầu kinh phí, lồng ghép nguồn vốn Chương trình mục tiêu quốc gia với ngân sách địa phương và vốn xã hội hóa.",
];

/**
 * Leaves the database as autovacuum leaves one that has settled (statistics, and a visibility
 * map that lets PostgreSQL count from an index alone), and waits for autovacuum workers to end:
 * steps before this one write hundreds of thousands of rows, and a worker vacuuming them during
 * the measurement was most of PostgreSQL's CPU per request.
 */
async function settleDatabase(db: Db) {
  await db.$executeRawUnsafe(`VACUUM ANALYZE`);
  for (let waited = 0; waited < 60_000; waited += 500) {
    const [row] = await db.$queryRawUnsafe<{ workers: number }[]>(
      `SELECT count(*)::int AS workers FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'`,
    );
    if (!row?.workers) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * The plan list with filters as a browser asks for it: the real app server in its own process
 * (Next's production build, the `/api/trpc` route, next-auth's session cookie, the actor loaded
 * per request), 10,000 plans of the demo province, and 50 closed-loop clients in this process.
 * `BENCH_SERVER_NODE_OPTIONS` goes to the server's NODE_OPTIONS, e.g. `--cpu-prof --cpu-prof-dir=/tmp/p`
 * for the server's CPU profile (written when it stops).
 */
export async function benchPlanList(
  port = 3300,
  plans = 10_000,
  clients = 50,
  requestsPerClient = 40,
): Promise<BenchRow[]> {
  const { filters } = await seedPlanList(getDb(), plans);
  const plan = await getDb().plan.findFirstOrThrow({
    where: { symbol: "KH-SGDĐT", status: "draft" }, // a draft, so that its edit page opens too
    select: { id: true, issuingUnit: { select: { parentId: true } } },
  });
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "chungtay-bench-data-"));
  const server = await startServerProcess(port, {
    DATABASE_URL: process.env.DATABASE_URL!,
    CHUNGTAY_DATA_DIR: dataDir,
    SEED: "0",
    ...(process.env.BENCH_SERVER_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS } : {}),
  });
  const url = (input: object) =>
    `${server.baseURL}/api/trpc/plans.list?input=${encodeURIComponent(JSON.stringify(superjson.serialize({ ...input, pageSize: 20 })))}`;
  let single, ten, loaded, floor, open, pages;
  try {
    const session = await signedInRequest(server.baseURL, LEADER);
    const cookie = (await session.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    await session.dispose();
    const ask = async (target: string) => {
      const response = await fetch(target, { headers: { cookie } });
      const body = await response.text();
      if (!response.ok) throw new Error(`${target} answered ${response.status}: ${body.slice(0, 200)}`);
      return body;
    };
    // Warm-up, and a check that the answers are the real ones: the year filter finds its fifth.
    for (const input of filters) await ask(url(input));
    const answer = JSON.parse(await ask(url(filters[0]!))) as {
      result: { data: Parameters<typeof superjson.deserialize>[0] };
    };
    const { total } = superjson.deserialize<{ total: number }>(answer.result.data);
    if (total < plans / 5) throw new Error(`plans.list found ${total} plans of 2023, expected at least ${plans / 5}`);

    const list = (c: number, r: number) => ask(url(filters[(c + r) % filters.length]!));
    const pid = server.child.pid!;
    single = await drive(1, 100, list, pid);
    ten = await drive(10, requestsPerClient, list, pid);
    loaded = await drive(clients, requestsPerClient, list, pid);
    // The framework's floor on the same load: a Next route that only runs `SELECT 1`.
    floor = await drive(clients, requestsPerClient, () => ask(`${server.baseURL}/api/health`), pid);
    // Independent users' requests arriving at 200 a second, whatever the answers do.
    open = await openLoop(200, 15, (i) => list(i % clients, i));
    // Every page, signed in as the admin (who may open every page), with the 10,000 plans there.
    const admin = await signedInRequest(server.baseURL, "admin@chungtay.vn");
    const adminCookie = (await admin.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    await admin.dispose();
    pages = await measurePages(server.baseURL, adminCookie, { planId: plan.id, unitId: plan.issuingUnit.parentId! });
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
  const figures = { ...loaded, oneClient: single, tenClients: ten, healthRouteSameLoad: floor };
  const cpu = Math.round((figures.serverCpuMsPerRequest + figures.postgresCpuMsPerRequest) * 100) / 100;
  return [
    {
      what: "plan list: CPU per request (server + PostgreSQL)",
      load: `${plans.toLocaleString("en")} plans, ${clients} concurrent clients, filters and search`,
      goal: "≤ 4 ms",
      result: `${cpu} ms (server ${figures.serverCpuMsPerRequest}, PostgreSQL ${figures.postgresCpuMsPerRequest})`,
      met: cpu <= 4,
      figures: { cpu },
    },
    {
      what: "plan list: open loop",
      load: `${plans.toLocaleString("en")} plans, requests arriving at 200 a second for 15 s`,
      goal: "p95 ≤ 50 ms",
      result: `p50 ${open!.p50} · p95 ${open!.p95} · p99 ${open!.p99} ms at ${open!.perSecond} req/s, ${open!.failed} failed`,
      met: open!.p95 <= 50 && open!.failed === 0,
      figures: open!,
    },
    pages!,
    {
      what: "plan list with filters via tRPC over HTTP",
      load: `${plans.toLocaleString("en")} plans, ${clients} concurrent clients (app server in its own process, signed-in cookie)`,
      goal: "reported (closed loop)",
      result: `p50 ${figures.p50} · p95 ${figures.p95} · p99 ${figures.p99} ms, ${figures.perSecond} req/s, CPU per request: server ${figures.serverCpuMsPerRequest} ms, PostgreSQL ${figures.postgresCpuMsPerRequest} ms, clients ${figures.clientCpuMsPerRequest} ms (1 client: p50 ${single.p50} ms; 10 clients: p95 ${ten.p95} ms; /api/health at the same load: p95 ${floor.p95} ms, ${floor.perSecond} req/s, ${floor.serverCpuMsPerRequest} ms CPU)`,
      met: null,
      figures,
    },
  ];
}

/** Closed loop: each client sends its next request when the previous answer is in. */
async function drive(
  clients: number,
  requestsPerClient: number,
  request: (client: number, round: number) => Promise<unknown>,
  serverPid: number,
) {
  const timings: number[] = [];
  const cpuBefore = await cpuMs(serverPid);
  const postgresBefore = await postgresCpuMs();
  const clientBefore = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let r = 0; r < requestsPerClient; r++) {
        const start = performance.now();
        await request(c, r);
        timings.push(performance.now() - start);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const clientUsage = process.cpuUsage(clientBefore);
  const postgresAfter = await postgresCpuMs();
  const postgresUsed = [...postgresAfter].reduce((sum, [pid, ms]) => sum + ms - (postgresBefore.get(pid) ?? 0), 0);
  const perRequest = (ms: number) => Math.round((ms / timings.length) * 100) / 100;
  return {
    ...percentiles(timings),
    perSecond: Math.round(timings.length / seconds),
    serverCpuMsPerRequest: perRequest((await cpuMs(serverPid)) - cpuBefore),
    postgresCpuMsPerRequest: perRequest(postgresUsed),
    clientCpuMsPerRequest: perRequest((clientUsage.user + clientUsage.system) / 1000),
  };
}

/** CPU time of each PostgreSQL backend serving this database (the server's pool). */
async function postgresCpuMs() {
  const backends = await getDb().$queryRaw<
    { pid: number }[]
  >`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`;
  return new Map(await Promise.all(backends.map(async ({ pid }) => [pid, await cpuMs(pid)] as const)));
}

/** CPU time (user + system) a process has used, from /proc (Linux; NaN elsewhere). */
async function cpuMs(pid: number) {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}
