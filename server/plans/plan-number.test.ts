import { beforeAll, describe, expect, it } from "vitest";
import { buildActor, buildProgram, buildUnitTree } from "../../tests/factories";
import { refusal } from "../../tests/refusal";
import { createCaller } from "../api/root";
import { getDb } from "../db/client";
import { readDocx } from "../exports/read-docx";
import { exportPlan } from "../exports/plan-document";
import type { Actor } from "../policies/actor";

/** A plan is drafted before it is numbered; the number is required when it goes up for approval. */
describe("a draft without its number", () => {
  const db = getDb();
  let tree: Awaited<ReturnType<typeof buildUnitTree>>;
  let program: Awaited<ReturnType<typeof buildProgram>>;
  let planner: Actor;
  const as = (actor: Actor) => createCaller({ db, actor });
  const details = (reference?: string) => ({
    ...(reference === undefined ? {} : { reference }),
    title: "Kế hoạch xây dựng trường học đạt chuẩn năm 2025",
    issuedOn: "",
    issuingUnitId: tree.commune.id,
    programId: program.id,
    year: "2025",
    parentId: "",
  });

  beforeAll(async () => {
    tree = await buildUnitTree(db);
    program = await buildProgram(db);
    planner = await buildActor(db, "planner", [tree.commune]);
    await buildActor(db, "leader", [tree.district]);
  });

  it("is saved with no number, or its symbol alone, as often as the unit drafts", async () => {
    const blank = await as(planner).plans.create(details(""));
    const omitted = await as(planner).plans.create(details());
    const symbolOnly = await as(planner).plans.create(details("/kh-ubnd"));
    const stored = await db.plan.findMany({
      where: { id: { in: [blank.id, omitted.id, symbolOnly.id] } },
      select: { id: true, number: true, symbol: true },
    });
    expect(stored.find((p) => p.id === blank.id)).toMatchObject({ number: null, symbol: "" });
    expect(stored.find((p) => p.id === omitted.id)).toMatchObject({ number: null, symbol: "" });
    expect(stored.find((p) => p.id === symbolOnly.id)).toMatchObject({ number: null, symbol: "KH-UBND" });
    expect(await refusal(as(planner).plans.create(details("2543")))).toEqual({
      code: "BAD_REQUEST",
      fieldErrors: { reference: ["validation.reference"] },
    });
  });

  it("cannot be submitted until it has its number: the refusal names the field and changes nothing", async () => {
    const { id } = await as(planner).plans.create(details("KH-UBND"));
    await expect(as(planner).workflow.submit({ id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "errors.referenceRequiredToSubmit",
      cause: { fieldErrors: { reference: ["validation.referenceRequiredToSubmit"] } },
    });
    expect(await db.plan.findUniqueOrThrow({ where: { id }, select: { status: true } })).toEqual({ status: "draft" });
    expect(await db.planTransition.count({ where: { planId: id } })).toBe(0);

    const number = String(Math.floor(Math.random() * 900_000) + 1000);
    await as(planner).plans.update({ id, details: details(`${number}/KH-UBND`) });
    await expect(as(planner).workflow.submit({ id })).resolves.toMatchObject({ toStatus: "submitted" });
  });

  it("is exported with a blank for the number, as officials print their drafts", async () => {
    const { id } = await as(planner).plans.create({ ...details(""), outline: false });
    const { paragraphs } = await readDocx((await exportPlan(db, planner, id, "docx")).data);
    expect(paragraphs[6]).toBe(`Số: ${"\u00a0".repeat(8)}/KH-UBND`);
    const { id: withSymbol } = await as(planner).plans.create({ ...details("KH-PGDĐT"), outline: false });
    const file = await exportPlan(db, planner, withSymbol, "docx");
    expect((await readDocx(file.data)).paragraphs[6]).toBe(`Số: ${"\u00a0".repeat(8)}/KH-PGDĐT`);
    expect(file.filename).toMatch(/^Du-thao-ke-hoach\.docx$/);
  });

  it("is listed as not numbered yet", async () => {
    const { id } = await as(planner).plans.create(details(""));
    const listed = (await as(planner).plans.list({ pageSize: 100 })).items.find((p) => p.id === id);
    expect(listed).toMatchObject({ number: null, symbol: "" });
  });
});
