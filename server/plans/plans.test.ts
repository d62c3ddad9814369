import { beforeAll, describe, expect, it } from "vitest";
import { buildActor, buildPlan, buildProgram, buildUnitTree, uniqueTag } from "../../tests/factories";
import * as Y from "yjs";
import { createCaller } from "../api/root";
import { FRAGMENT, plainText } from "../documents/content";
import { appendUpdate, compactDocument, currentContent } from "../documents/storage";
import { getDb } from "../db/client";
import type { Actor } from "../policies/actor";

type Tree = Awaited<ReturnType<typeof buildUnitTree>>;

describe("plans", () => {
  let tree: Tree;
  let program: Awaited<ReturnType<typeof buildProgram>>;
  let planner: Actor;
  let caller: ReturnType<typeof createCaller>;
  const reference = () => `${Math.floor(Math.random() * 9000) + 10}/KH-UBND${uniqueTag().replace(/\d/g, "")}`;
  const details = (patch: Record<string, unknown> = {}) => ({
    reference: reference(),
    title: "Kế hoạch xây dựng xã đạt chuẩn nông thôn mới năm 2025",
    issuedOn: "2025-03-05",
    issuingUnitId: tree.commune.id,
    programId: program.id,
    year: "2025",
    parentId: "",
    ...patch,
  });

  beforeAll(async () => {
    tree = await buildUnitTree(getDb());
    program = await buildProgram(getDb());
    planner = await buildActor(getDb(), "planner", [tree.commune], "Quàng Văn Lập");
    caller = createCaller({ db: getDb(), actor: planner });
  });

  it("creates a draft with the programme's period and an audit event", async () => {
    const created = await caller.plans.create(details({ reference: "45/kh-ubnd" }));
    expect(created).toMatchObject({ number: "45", symbol: "KH-UBND", status: "draft", year: 2025 });
    const plan = await caller.plans.get({ id: created.id });
    expect(plan).toMatchObject({
      periodStart: 2021,
      periodEnd: 2025,
      canEdit: true,
      createdBy: { name: "Quàng Văn Lập" },
    });
    expect(plan.issuedOn?.toISOString()).toBe("2025-03-05T00:00:00.000Z");
    const audit = await getDb().auditEvent.findMany({ where: { entityId: created.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "plan.create", actorId: planner.userId });
  });

  it("reports every invalid field by key and writes nothing", async () => {
    const before = await getDb().plan.count();
    const error = await caller.plans
      .create({
        reference: "2543-KH",
        title: "ngắn",
        issuedOn: "05/03/2025",
        issuingUnitId: "",
        programId: program.id,
        year: "1990",
        parentId: "",
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST" });
    const fieldErrors = (error as { cause: { issues: { path: string[]; message: string }[] } }).cause.issues.map(
      (i) => [i.path[0], i.message],
    );
    expect(Object.fromEntries(fieldErrors)).toEqual({
      reference: "validation.reference",
      title: "validation.titleTooShort",
      issuedOn: "validation.date",
      issuingUnitId: "validation.required",
      year: "validation.year",
    });
    expect(await getDb().plan.count()).toBe(before);
  });

  it("checks the rules zod cannot: unit rights, the period, the parent, duplicates", async () => {
    const otherProgram = await buildProgram(getDb(), [2026, 2030]);
    const foreignPlan = await buildPlan(getDb(), { unit: tree.neighbour, program, author: planner });
    const sameReference = reference();
    await caller.plans.create(details({ reference: sameReference }));
    const attempt = (patch: Record<string, unknown>) =>
      caller.plans
        .create(details(patch))
        .catch((e: { shape?: unknown; cause?: { fieldErrors?: unknown } }) => e.cause?.fieldErrors);
    expect(await attempt({ issuingUnitId: tree.neighbour.id })).toEqual({
      issuingUnitId: ["validation.unitNotAllowed"],
    });
    expect(await attempt({ year: "2027" })).toEqual({ year: ["validation.yearOutsidePeriod"] });
    expect(await attempt({ parentId: foreignPlan.id })).toEqual({ parentId: ["validation.parentNotHigher"] });
    expect(await attempt({ reference: sameReference })).toEqual({ reference: ["validation.referenceTaken"] });
    // At a unit the planner may not author for, a number taken there and a free one answer alike.
    const neighbours = `${foreignPlan.number}/${foreignPlan.symbol}`;
    expect(await attempt({ issuingUnitId: tree.neighbour.id, reference: neighbours })).toEqual({
      issuingUnitId: ["validation.unitNotAllowed"],
    });
    const higher = await buildPlan(getDb(), {
      unit: tree.agency,
      program: otherProgram,
      author: planner,
      status: "approved",
    });
    expect(await attempt({ parentId: higher.id })).toEqual({ parentId: ["validation.parentOtherProgram"] });
  });

  it("links a commune plan to a higher plan it implements", async () => {
    const higher = await buildPlan(getDb(), { unit: tree.agency, program, author: planner, status: "approved" });
    const candidates = await caller.plans.parentCandidates({ issuingUnitId: tree.commune.id });
    expect(candidates.map((c) => c.id)).toContain(higher.id);
    const created = await caller.plans.create(details({ parentId: higher.id }));
    const parent = await caller.plans.get({ id: higher.id });
    expect(parent.children.map((c) => c.id)).toContain(created.id);
  });

  it("edits a draft and records before and after", async () => {
    const created = await caller.plans.create(details());
    await caller.plans.update({
      id: created.id,
      details: details({ title: "Kế hoạch đã chỉnh sửa trích yếu năm 2025", reference: "77/KH-UBND" }),
    });
    const plan = await caller.plans.get({ id: created.id });
    expect(plan).toMatchObject({ number: "77", title: "Kế hoạch đã chỉnh sửa trích yếu năm 2025" });
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { entityId: created.id, action: "plan.update" } });
    expect(audit.before).toMatchObject({ number: expect.not.stringMatching(/^77$/) });
    expect(audit.after).toMatchObject({ number: "77" });
  });

  it("refuses to edit a submitted plan and changes nothing", async () => {
    const plan = await buildPlan(getDb(), {
      unit: tree.commune,
      program,
      author: planner,
      status: "submitted",
      title: "Kế hoạch đã trình lên huyện",
    });
    await expect(caller.plans.update({ id: plan.id, details: details() })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await getDb().plan.findUniqueOrThrow({ where: { id: plan.id } })).title).toBe(
      "Kế hoạch đã trình lên huyện",
    );
  });

  it("filters and searches the list by number, symbol and title words", async () => {
    const tag = uniqueTag().replace(/\d/g, "Q");
    const a = await caller.plans.create(
      details({ reference: `2543/KH-${tag}`, title: "Kế hoạch phòng học kiên cố hóa trường lớp", year: "2024" }),
    );
    await caller.plans.create(
      details({ reference: `2835/KH-${tag}`, title: "Kế hoạch nhà công vụ cho giáo viên", year: "2025" }),
    );
    const search = async (filters: Parameters<typeof caller.plans.list>[0]) =>
      (await caller.plans.list({ unitId: tree.commune.id, ...filters })).items.map((p) => p.number);
    expect(await search({ search: `2543/KH-${tag.toLowerCase()}` })).toEqual(["2543"]);
    expect(await search({ search: `KH-${tag}` })).toHaveLength(2);
    expect(await search({ search: "kiên cố TRƯỜNG", year: 2024 })).toContain(a.number);
    expect(await search({ search: `KH-${tag}`, year: 2025 })).toEqual(["2835"]);
    expect(await search({ search: `KH-${tag}`, status: "approved" })).toEqual([]);
    const page = await caller.plans.list({ unitId: tree.commune.id, pageSize: 1, page: 2 });
    expect(page.items).toHaveLength(1);
    expect(page.total).toBeGreaterThan(2);
  });

  it("starts a new plan's text from the officials' outline when asked, and from nothing otherwise", async () => {
    const outlined = await caller.plans.create(details({ outline: true }));
    expect(
      plainText(await currentContent(getDb(), outlined.id))
        .split("\n")
        .filter(Boolean),
    ).toEqual([
      "I. MỤC ĐÍCH, YÊU CẦU",
      "1. Mục đích",
      "2. Yêu cầu",
      "II. CHỈ TIÊU",
      "III. NHIỆM VỤ, GIẢI PHÁP",
      "IV. KINH PHÍ",
      "V. TỔ CHỨC THỰC HIỆN",
    ]);
    const blank = await caller.plans.create(details());
    expect(plainText(await currentContent(getDb(), blank.id))).toBe("");
  });

  it("finds plans by title words with or without accents, as typed in either Unicode form", async () => {
    const tag = uniqueTag();
    // Decomposed letters, as some keyboards and pasted text send them; the title is kept composed.
    const title = `Kế hoạch xây dựng trường bán trú xã Quài Cang ${tag}`.normalize("NFD");
    const created = await caller.plans.create(details({ title }));
    expect((await getDb().plan.findUniqueOrThrow({ where: { id: created.id } })).title).toBe(title.normalize("NFC"));
    const ids = async (search: string) =>
      (await caller.plans.list({ search, unitId: tree.commune.id })).items.map((p) => p.id);
    for (const search of [
      `Quài Cang ${tag}`,
      `quai cang ${tag}`,
      `QUAI CANG BAN TRU ${tag}`,
      `Quài Cang ${tag}`.normalize("NFD"),
    ])
      expect(await ids(search), search).toEqual([created.id]);
    expect(await ids(`quai cang noi tru ${tag}`)).toEqual([]);
  });

  it("finds plans by words of their text, with or without accents", async () => {
    const created = await caller.plans.create(details({ title: "Kế hoạch có nội dung văn bản để tìm" }));
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on("update", (u: Uint8Array) => updates.push(u));
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText("Xóa 12 phòng học tạm ở điểm trường Huổi Lóng")]);
    doc.getXmlFragment(FRAGMENT).push([paragraph]);
    await appendUpdate(getDb(), created.id, Y.mergeUpdates(updates), planner.userId);
    await compactDocument(getDb(), created.id);
    const ids = async (search: string) =>
      (await caller.plans.list({ search, unitId: tree.commune.id })).items.map((p) => p.id);
    expect(await ids("phòng học tạm")).toContain(created.id);
    expect(await ids("phong hoc tam huoi long")).toContain(created.id);
    expect(await ids("phòng học kiên cố mới")).not.toContain(created.id);
  });
});
