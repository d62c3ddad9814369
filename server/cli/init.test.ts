import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createIsolatedDatabase } from "../../tests/isolated-database";
import type { TestDatabase } from "../../tests/test-database";
import { createDb } from "../db/client";
import { csvFile } from "../imports/test-files";

/**
 * `npm run cli -- init` as an operator runs it, as a process on a database of its own with no
 * demo data: a province the official lists lack from its own unit file, then its results and
 * roll-up through the same command line; a province from the official lists; and refusals
 * that change nothing.
 */

type Run = { code: number; stdout: string; stderr: string };

function cli(database: TestDatabase, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "server/cli/main.ts", ...args],
      {
        env: {
          ...process.env,
          DATABASE_URL: database.url,
          CHUNGTAY_EMBEDDED_DB: inject("embeddedDatabase") ? "1" : "",
        },
        timeout: 120_000,
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

/** What the database holds, read with a connection of its own (the embedded database serves one at a time). */
async function holdings(database: TestDatabase) {
  const db = createDb(database.url, 1);
  try {
    return {
      units: await db.orgUnit.count(),
      users: await db.user.count(),
      communes: await db.orgUnit.count({ where: { level: "commune" } }),
    };
  } finally {
    await db.$disconnect();
  }
}

const criteria = (met: number) => Array.from({ length: 19 }, (_, i) => (i < met ? "Đạt" : "Chưa đạt"));

// Each command is a process of its own that migrates before it works: about ten seconds here.
describe("init on the command line", () => {
  let dir: string;
  const databases: TestDatabase[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "chungtay-init-"));
  });
  afterAll(async () => {
    for (const database of databases) await database.drop();
    await rm(dir, { recursive: true, force: true });
  });
  const file = async (name: string, rows: string[][]) => {
    const target = path.join(dir, name);
    await writeFile(target, csvFile(rows));
    return target;
  };

  it("starts a province of its own unit file, imports its results and rolls them up, with no demo data", async () => {
    const database = await createIsolatedDatabase("chungtay_cli_init");
    databases.push(database);

    // A file with a mistake is refused with its rows' problems, and the database stays empty.
    const bad = await file("don-vi-loi.csv", [
      ["Mã", "Tên", "Cấp", "Mã cấp trên"],
      ["97", "Tỉnh Thử Nghiệm", "Tỉnh", ""],
      ["97001", "Xã Một", "Xã", "970"],
    ]);
    const refused = await cli(database, ["init", "--units", bad, "--admin-email", "quantri@thunghiem.gov.vn"]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain("Dòng 3, cột “Mã cấp trên”");
    expect(await holdings(database)).toEqual({ units: 0, users: 0, communes: 0 });

    const units = await file("don-vi.csv", [
      ["Mã", "Tên", "Cấp", "Mã cấp trên"],
      ["97", "Tỉnh Thử Nghiệm", "Tỉnh", ""],
      ["970", "Huyện Đồi Núi", "Huyện", "97"],
      ["97001", "Xã Một", "Xã", "970"],
      ["97002", "Xã Hai", "Xã", "970"],
      ["97003", "Phường Ba", "Phường", "97"],
    ]);
    const init = await cli(database, [
      "init",
      "--units",
      units,
      "--admin-email",
      "quantri@thunghiem.gov.vn",
      "--admin-name",
      "Lò Văn Quản",
    ]);
    expect(init.stderr).not.toContain("Error");
    expect(init.code).toBe(0);
    // Vietnamese unless --lang says otherwise.
    expect(init.stdout).toContain("Đã tạo Tỉnh Thử Nghiệm (97): 5 đơn vị từ don-vi.csv (1 huyện, 3 xã).");
    expect(init.stdout).toMatch(/Mật khẩu \(chỉ hiện một lần, hãy chuyển giao an toàn\): \S{16}\n/);
    expect(await holdings(database)).toEqual({ units: 5, users: 1, communes: 3 });

    const results = await file("ket-qua-2025.csv", [
      ["Mã đơn vị", "Tên đơn vị", ...Array.from({ length: 19 }, (_, i) => `TC${i + 1}`)],
      ["97001", "Xã Một", ...criteria(19)],
      ["97002", "Xã Hai", ...criteria(14)],
      ["97003", "Phường Ba", ...criteria(4)],
    ]);
    const imported = await cli(database, ["import", "criteria", results, "--period", "2025", "--json"]);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ outcome: "applied", counts: { create: 57, errorRows: 0 } });

    const rollup = await cli(database, ["rollup", "--unit", "97", "--period", "2025", "--json"]);
    expect(rollup.code).toBe(0);
    const json = JSON.parse(rollup.stdout);
    expect(json).toMatchObject({
      unit: "97",
      period: "2025",
      set: "NTM-XA-2021-2025",
      units: 3,
      allMet: 1,
      averageMet: 12.33,
    });
    expect(json.criteria[4]).toEqual({ number: 5, met: 2, advanced: 0, model: 0, rate: 66.67 });

    // The database has units now: a second init is refused and changes nothing.
    const again = await cli(database, ["init", "--province", "Sơn La", "--admin-email", "khac@sonla.gov.vn"]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("Từ chối: cơ sở dữ liệu này đã có đơn vị");
    expect(await holdings(database)).toEqual({ units: 5, users: 1, communes: 3 });
  }, 300_000);

  it("starts a province from the official lists, by its name without accents", async () => {
    const database = await createIsolatedDatabase("chungtay_cli_sonla");
    databases.push(database);
    const french = await cli(database, ["--lang", "fr", "init", "--province", "14", "--admin-email", "a@sonla.gov.vn"]);
    expect(french.code).toBe(2);
    expect(french.stderr).toContain("Không có ngôn ngữ “fr”: dùng vi hoặc en.");
    const english = ["--lang", "en", "init"];
    const merged = await cli(database, [...english, "--province", "Bac Giang", "--admin-email", "a@bacgiang.gov.vn"]);
    expect(merged.code).toBe(2);
    expect(merged.stderr).toContain("Tỉnh Bắc Giang has been part of Tỉnh Bắc Ninh (24) since 1 July 2025");

    const init = await cli(database, [...english, "--province", "son la", "--admin-email", "quantri@sonla.gov.vn"]);
    expect(init.code).toBe(0);
    expect(init.stdout).toContain("Created Tỉnh Sơn La (14): 75 communes and wards since 1 July 2025.");
    expect(init.stdout).toContain("First admin: Quản trị viên <quantri@sonla.gov.vn>, admin at 14 Tỉnh Sơn La.");
    expect(await holdings(database)).toEqual({ units: 76, users: 1, communes: 75 });
  }, 180_000);
});
