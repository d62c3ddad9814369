import { describe, expect, it } from "vitest";
import { buildActor, buildUnitTree, uniqueTag } from "../../tests/factories";
import { getDb } from "../db/client";
import { DomainError } from "../errors";
import { applyImport, ImportRejected, previewImport } from "./run-import";
import { csvFile, importConfirmed, importInput } from "./test-files";

/** The unit tree from a file: admins only, parents first, renames but never moves or deletes. */

const HEADER = ["Mã", "Tên", "Cấp", "Mã cấp trên"];

describe("units import", () => {
  it("creates a new district with its communes and schools in one file, renames, and changes nothing the second time", async () => {
    const db = getDb();
    const tree = await buildUnitTree(db);
    const admin = await buildActor(db, "admin", [tree.province]);
    const tag = uniqueTag();
    const file = csvFile([
      ["code", "name", "level", "parent_code"],
      [`H${tag}`, "Huyện Mới", "Huyện", tree.province.code],
      [`X${tag}`, "Xã Mới", "xa", `H${tag}`],
      [`T${tag}`, "Trường Tiểu học Xã Mới", "Trường học", `X${tag}`],
      [tree.commune.code, "Xã Một (đổi tên)", "xã", tree.district.code],
      [tree.neighbour.code, tree.neighbour.name, "commune", tree.district.code],
    ]);
    const preview = await previewImport(db, admin, importInput("units", file));
    expect(preview.counts).toEqual({ create: 3, update: 1, unchanged: 1, errorRows: 0 });
    expect(await db.orgUnit.count({ where: { code: `H${tag}` } })).toBe(0);

    await applyImport(db, admin, importInput("units", file));
    const school = await db.orgUnit.findUniqueOrThrow({
      where: { code: `T${tag}` },
      include: { parent: { include: { parent: true } } },
    });
    expect(school).toMatchObject({
      level: "school",
      depth: 3,
      path: `${tree.province.path}H${tag}/X${tag}/T${tag}/`,
      parent: { code: `X${tag}`, parent: { code: `H${tag}` } },
    });
    expect(await db.orgUnit.findUniqueOrThrow({ where: { id: tree.commune.id } })).toMatchObject({
      name: "Xã Một (đổi tên)",
      path: tree.commune.path,
    });
    expect(await db.auditEvent.count({ where: { actorId: admin.userId, entityType: "OrgUnit" } })).toBe(4);

    const again = await applyImport(db, admin, importInput("units", file));
    expect(again.counts).toEqual({ create: 0, update: 0, unchanged: 5, errorRows: 0 });
    expect(await db.auditEvent.count({ where: { actorId: admin.userId } })).toBe(5);
  });

  it("refuses rows whose parent is unknown, comes later or failed, and never moves an existing unit", async () => {
    const db = getDb();
    const tree = await buildUnitTree(db);
    const admin = await buildActor(db, "admin", [tree.province]);
    const tag = uniqueTag();
    const file = csvFile([
      HEADER,
      [`A${tag}`, "Xã Con Đi Trước", "xã", `B${tag}`],
      [`B${tag}`, "Huyện Đến Sau", "huyện", tree.province.code],
      [`C${tag}`, "X", "xã", tree.district.code],
      [`D${tag}`, "Trường Con", "trường", `C${tag}`],
      [`E${tag}`, "Xã Mồ Côi", "xã", "KHONG-CO"],
      [`F${tag}`, "Xã Không Cấp", "thôn", tree.district.code],
      [`G ${tag}`, "Mã Có Dấu Cách", "xã", tree.district.code],
      [tree.commune.code, "Xã Một", "xã", tree.province.code],
      [`P${tag}`, "Tỉnh Có Cha", "tỉnh", tree.province.code],
      [`Q${tag}`, "Huyện Không Cha", "huyện", ""],
      ["3180", "Xã Mất Số 0", "xã", tree.district.code],
    ]);
    const preview = await previewImport(db, admin, importInput("units", file));
    expect(preview.issues.map((i) => [i.row, i.column, i.message])).toEqual([
      [2, "Mã cấp trên", "imports.errors.parentUnknown"],
      [4, "Tên", "validation.required"],
      [5, "Mã cấp trên", "imports.errors.parentRowError"],
      [6, "Mã cấp trên", "imports.errors.parentUnknown"],
      [7, "Cấp", "imports.errors.badLevel"],
      [8, "Mã", "imports.errors.badCode"],
      [9, "Mã cấp trên", "imports.errors.unitMoved"],
      [10, "Mã cấp trên", "imports.errors.provinceNoParent"],
      [11, "Mã cấp trên", "imports.errors.parentRequired"],
      [12, "Mã", "imports.errors.codeDigits"],
    ]);
    expect(preview.counts).toEqual({ create: 1, update: 0, unchanged: 0, errorRows: 10 });
    await expect(applyImport(db, admin, importInput("units", file))).rejects.toBeInstanceOf(ImportRejected);
    expect(await db.orgUnit.count({ where: { code: { endsWith: tag } } })).toBe(0);
    expect((await importConfirmed(db, admin, importInput("units", file, { validOnly: true }))).counts.create).toBe(1);
    expect(await db.orgUnit.findMany({ where: { code: { endsWith: tag } }, select: { code: true } })).toEqual([
      { code: `B${tag}` },
    ]);
  });

  it("is for admins only", async () => {
    const db = getDb();
    const tree = await buildUnitTree(db);
    const planner = await buildActor(db, "planner", [tree.province]);
    const file = csvFile([HEADER, [`Z${uniqueTag()}`, "Xã Z", "xã", tree.district.code]]);
    await expect(previewImport(db, planner, importInput("units", file))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(applyImport(db, planner, importInput("units", file))).rejects.toBeInstanceOf(DomainError);
  });
});
