import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildActor, buildPlan, buildPlanningItems, buildProgram, buildUnitTree } from "../../tests/factories";
import { createIsolatedDatabase } from "../../tests/isolated-database";
import type { TestDatabase } from "../../tests/test-database";
import { createDb, type Db } from "../db/client";
import { seedDemo } from "../seed/seed-demo";
import { writeBackup } from "./backup";
import { BackupError } from "./format";
import { restoreBackup } from "./restore";

/**
 * A backup of a seeded database with binary plan documents and money beyond 2^53, restored
 * into a fresh database on the same server: every table must come back row for row.
 */

/** Each app table's row count and a digest of all its rows in PostgreSQL's text form. */
async function fingerprint(url: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      "SELECT relname::text AS name FROM pg_class WHERE relnamespace = current_schema()::regnamespace AND relkind = 'r' AND relname <> '_prisma_migrations' ORDER BY 1",
    );
    const result: Record<string, string> = {};
    for (const { name } of tables) {
      const { rows } = await client.query<{ n: string; digest: string }>(
        `SELECT count(*)::text AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM "${name}" t`,
      );
      result[name] = `${rows[0]!.n} ${rows[0]!.digest}`;
    }
    return result;
  } finally {
    await client.end();
  }
}

const refusal = (call: Promise<unknown>) =>
  call.then(
    () => expect.fail("the restore should have been refused"),
    (error: unknown) => {
      expect(error).toBeInstanceOf(BackupError);
      return (error as Error).message;
    },
  );

describe("backup and restore", () => {
  let source: TestDatabase;
  let target: TestDatabase;
  let sourceDb: Db;
  let targetDb: Db;
  let dir: string;
  let file: string;
  const state = randomBytes(4096);
  const update = Buffer.from([0, 1, 2, 254, 255, 0, 92, 120]);
  const bigAmount = 9_007_199_254_740_993n; // 2^53 + 1: a float would lose the last unit
  // Evidence files kept in the database: two photos of more than a page of rows each.
  const photos = [randomBytes(3 * 1024 * 1024 + 7), randomBytes(1024 * 1024)];
  let planId: string;
  let sourceFingerprint: Record<string, string>;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "chungtay-backup-"));
    file = path.join(dir, "chungtay.backup");
    source = await createIsolatedDatabase("chungtay_backup_src");
    target = await createIsolatedDatabase("chungtay_backup_dst");
    sourceDb = createDb(source.url, 1);
    targetDb = createDb(target.url, 1);

    await seedDemo(sourceDb);
    const tree = await buildUnitTree(sourceDb);
    const planner = await buildActor(sourceDb, "planner", [tree.province], "Cán bộ sao lưu");
    const plan = await buildPlan(sourceDb, {
      unit: tree.province,
      program: await buildProgram(sourceDb),
      author: planner,
      title: "Kế hoạch có tài liệu nhị phân",
    });
    planId = plan.id;
    const items = await buildPlanningItems(sourceDb, plan, tree.commune);
    await sourceDb.budgetLine.update({ where: { id: items.line.id }, data: { amount: bigAmount } });
    await sourceDb.planDocument.create({
      data: {
        planId,
        state,
        content: { type: "doc", content: [{ type: "text", text: 'Chung tay xây dựng nông thôn mới "2025"' }] },
        text: "Chung tay",
      },
    });
    for (let i = 0; i < 3; i++)
      await sourceDb.planDocumentUpdate.create({ data: { planId, data: update, userId: planner.userId } });
    await sourceDb.planDocumentVersion.create({
      data: { planId, kind: "manual", name: "Bản trình", state, content: {}, text: "", createdById: planner.userId },
    });
    for (const [i, data] of photos.entries())
      await sourceDb.evidence.create({
        data: {
          id: `evidence-${i}`,
          planId,
          milestoneId: items.milestone.id,
          fileName: `phong-ban-tru-${i}.jpg`,
          contentType: "image/jpeg",
          sizeBytes: data.length,
          storage: "database",
          uploadedById: planner.userId,
          blobs: { create: { variant: "file", data: new Uint8Array(data) } },
        },
      });
    sourceFingerprint = await fingerprint(source.url);
  }, 180_000);

  afterAll(async () => {
    await sourceDb?.$disconnect();
    await targetDb?.$disconnect();
    await source?.drop();
    await target?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it("restores every row of every table exactly", async () => {
    const backup = await writeBackup(source.url, file);
    expect(backup.migrations.length).toBeGreaterThan(0);
    expect(backup.rows.PlanDocumentUpdate).toBe(3);
    expect(backup.rows.OrgUnit).toBeGreaterThan(100);

    const restored = await restoreBackup(target.url, file);
    expect(restored).toEqual({ migrations: backup.migrations, rows: backup.rows, replaced: [] });
    expect(await fingerprint(target.url)).toEqual(sourceFingerprint);
    for (const [table, rows] of Object.entries(backup.rows))
      expect(sourceFingerprint[table]?.split(" ")[0]).toBe(String(rows));

    // A few values read back through Prisma, as the app sees them.
    const document = await targetDb.planDocument.findUniqueOrThrow({ where: { planId } });
    expect(Buffer.from(document.state).equals(state)).toBe(true);
    expect(document.content).toEqual({
      type: "doc",
      content: [{ type: "text", text: 'Chung tay xây dựng nông thôn mới "2025"' }],
    });
    const updates = await targetDb.planDocumentUpdate.findMany({ where: { planId }, orderBy: { id: "asc" } });
    expect(updates.map((u) => Buffer.from(u.data).equals(update))).toEqual([true, true, true]);
    const version = await targetDb.planDocumentVersion.findFirstOrThrow({ where: { planId } });
    expect(Buffer.from(version.state).equals(state)).toBe(true);
    const line = await targetDb.budgetLine.findFirstOrThrow({
      where: { planId },
      include: { disbursements: true, shortages: true, milestone: true },
    });
    expect(line.amount).toBe(bigAmount);
    expect(line.disbursements.map((d) => [d.amount, d.paidOn.toISOString()])).toEqual([
      [17_082_000_000n, "2025-06-30T00:00:00.000Z"],
    ]);
    expect(line.milestone?.dueOn.toISOString()).toBe("2025-08-31T00:00:00.000Z");
    const target_ = await targetDb.target.findFirstOrThrow({ where: { planId } });
    expect(target_.baselineValue.toString()).toBe("21.84");
    const [sourcePlan, restoredPlan] = await Promise.all([
      sourceDb.plan.findUniqueOrThrow({ where: { id: planId } }),
      targetDb.plan.findUniqueOrThrow({ where: { id: planId } }),
    ]);
    expect(restoredPlan.createdAt.getTime()).toBe(sourcePlan.createdAt.getTime());
    const admin = { where: { email: "admin@chungtay.vn" }, select: { passwordHash: true, createdAt: true } } as const;
    expect(await targetDb.user.findUniqueOrThrow(admin)).toEqual(await sourceDb.user.findUniqueOrThrow(admin));

    // Evidence files come back byte for byte.
    const blobs = await targetDb.evidenceBlob.findMany({ orderBy: { evidenceId: "asc" } });
    expect(blobs.map((b) => Buffer.from(b.data).equals(photos[Number(b.evidenceId.slice(-1))]!))).toEqual([true, true]);
    expect(backup.rows.EvidenceBlob).toBe(2);

    // The sequence of the update log continues after the restored ids.
    const next = await targetDb.planDocumentUpdate.create({ data: { planId, data: update } });
    expect(next.id).toBe(updates.at(-1)!.id + 1n);
    await targetDb.planDocumentUpdate.delete({ where: { id: next.id } });
  });

  it("refuses a database that holds data unless forced, and then replaces it in one go", async () => {
    await targetDb.program.update({
      where: { code: (await targetDb.program.findFirstOrThrow()).code },
      data: { name: "Đổi sau khi khôi phục" },
    });
    const changed = await fingerprint(target.url);
    expect(await refusal(restoreBackup(target.url, file))).toMatch(/not empty.*--force/);
    expect(await fingerprint(target.url)).toEqual(changed);

    const forced = await restoreBackup(target.url, file, { force: true });
    expect(forced.replaced).toEqual(expect.arrayContaining(["OrgUnit", "Plan", "PlanDocumentUpdate", "User"]));
    expect(await fingerprint(target.url)).toEqual(sourceFingerprint);
  });

  it("leaves the database as it was when the file is damaged, truncated or of other migrations", async () => {
    const bytes = await readFile(file);
    const truncated = path.join(dir, "truncated.backup");
    await writeFile(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.8)));
    expect(await refusal(restoreBackup(target.url, truncated, { force: true }))).toMatch(/damaged/);

    const lines = gunzipSync(bytes).toString("utf8").split("\n");
    const missingEnd = path.join(dir, "missing-end.backup");
    await writeFile(missingEnd, gzipSync(lines.slice(0, -2).join("\n")));
    expect(await refusal(restoreBackup(target.url, missingEnd, { force: true }))).toMatch(/incomplete/);

    const header = JSON.parse(lines[0]!) as { migrations: string[] };
    const future = path.join(dir, "future.backup");
    await writeFile(
      future,
      gzipSync(
        [
          JSON.stringify({ ...header, migrations: [...header.migrations, "29991231000000_from_the_future"] }),
          ...lines.slice(1),
        ].join("\n"),
      ),
    );
    expect(await refusal(restoreBackup(target.url, future, { force: true }))).toMatch(/29991231000000_from_the_future/);

    const notBackup = path.join(dir, "not-a-backup.json");
    await writeFile(notBackup, gzipSync('{"hello":"world"}\n'));
    expect(await refusal(restoreBackup(target.url, notBackup, { force: true }))).toMatch(/not a Chung Tay backup/);

    expect(await fingerprint(target.url)).toEqual(sourceFingerprint);
  });
});
