import { describe, expect, it } from "vitest";
import { photo, png, pdf, docx, xlsx } from "../../tests/evidence-files";
import { buildActor, buildPlan, buildPlanningItems, buildProgram, buildUnitTree } from "../../tests/factories";
import { getDb } from "../db/client";
import { removeBudgetLine, removeDisbursement } from "../planning/budget";
import { removeMilestone } from "../planning/milestones";
import { removeShortage } from "../planning/shortages";
import type { PlanStatus } from "../db/generated/client";
import { MAX_EVIDENCE_BYTES } from "./file-types";
import { attachEvidence, listEvidence, readEvidence, removeEvidence } from "./evidence";
import { refused } from "../../tests/refusal";

/**
 * Evidence kept in the database (the default): attached by whoever tracks the plan, typed by
 * content, downloaded by whoever sees the plan (404 for anyone else), and gone with its record.
 */

async function setup(status: PlanStatus = "approved") {
  const db = getDb();
  const tree = await buildUnitTree(db);
  const program = await buildProgram(db);
  const planner = await buildActor(db, "planner", [tree.commune], "Lò Văn Kế");
  const plan = await buildPlan(db, { unit: tree.commune, program, author: planner, status });
  const items = await buildPlanningItems(db, plan, tree.commune);
  return { db, tree, planner, plan, items };
}

describe("evidence in the database", () => {
  it("attaches a photo to a milestone with a thumbnail; who sees the plan downloads it, others get NOT_FOUND", async () => {
    const { db, tree, planner, plan, items } = await setup();
    const bytes = await photo();
    const evidence = await attachEvidence(
      db,
      planner,
      { type: "milestone", id: items.milestone.id },
      { name: "C:\\Ảnh\\phòng bán trú.jpeg", bytes },
    );
    expect(evidence).toMatchObject({
      milestoneId: items.milestone.id,
      fileName: "phòng bán trú.jpeg",
      contentType: "image/jpeg",
      sizeBytes: bytes.length,
      hasThumbnail: true,
      uploadedBy: { name: "Lò Văn Kế" },
    });
    expect(await db.evidence.findUnique({ where: { id: evidence.id }, select: { storage: true } })).toEqual({
      storage: "database",
    });
    const audit = await db.auditEvent.findFirst({ where: { entityId: evidence.id, action: "evidence.create" } });
    expect(audit?.actorId).toBe(planner.userId);

    const districtLeader = await buildActor(db, "leader", [tree.district]);
    const file = await readEvidence(db, districtLeader, evidence.id, "file");
    expect(file.data.equals(bytes)).toBe(true);
    expect(file.contentType).toBe("image/jpeg");
    const thumbnail = await readEvidence(db, districtLeader, evidence.id, "thumbnail");
    expect(thumbnail.contentType).toBe("image/webp");
    expect(thumbnail.data.length).toBeLessThan(bytes.length);

    const neighbourPlanner = await buildActor(db, "planner", [tree.neighbour]);
    expect(await refused(readEvidence(db, neighbourPlanner, evidence.id, "file"))).toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await refused(listEvidence(db, neighbourPlanner, plan.id))).code).toBe("NOT_FOUND");
    const listed = await listEvidence(db, districtLeader, plan.id);
    expect(listed.canManage).toBe(false);
    expect(listed.items.map((i) => i.id)).toEqual([evidence.id]);
  });

  it("decides the type by content: PDF, JPEG, PNG, WebP, DOCX and XLSX pass, a text file named .jpg does not", async () => {
    const { db, planner, plan } = await setup("draft");
    const subject = { type: "plan" as const, id: plan.id };
    const webp = await (
      await import("sharp")
    )
      .default(await png())
      .webp()
      .toBuffer();
    const accepted = [
      ["bien-ban.pdf", pdf(), "application/pdf"],
      ["anh.png", await png(), "image/png"],
      ["anh.webp", webp, "image/webp"],
      [
        "bien-ban-nghiem-thu.docx",
        await docx(),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      ],
      ["giai-ngan.xlsx", await xlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
      // A name without the right extension gets the one of its content.
      ["bien ban", pdf(), "application/pdf"],
    ] as const;
    for (const [name, bytes, contentType] of accepted) {
      const evidence = await attachEvidence(db, planner, subject, { name, bytes });
      expect(evidence.contentType, name).toBe(contentType);
    }
    expect((await listEvidence(db, planner, plan.id)).items.map((i) => i.fileName)).toContain("bien ban.pdf");

    const text = Buffer.from("Đây là một tệp văn bản, không phải ảnh.");
    expect(await refused(attachEvidence(db, planner, subject, { name: "anh.jpg", bytes: text }))).toEqual({
      code: "BAD_REQUEST",
      messageKey: "errors.invalidFields",
      fieldErrors: { file: ["evidence.errors.type"] },
    });
    const zip = Buffer.from("504b0304140000000000", "hex");
    expect((await refused(attachEvidence(db, planner, subject, { name: "a.docx", bytes: zip }))).fieldErrors).toEqual({
      file: ["evidence.errors.type"],
    });
    const large = Buffer.alloc(MAX_EVIDENCE_BYTES + 1);
    pdf().copy(large);
    expect(
      (await refused(attachEvidence(db, planner, subject, { name: "lon.pdf", bytes: large }))).fieldErrors,
    ).toEqual({ file: ["evidence.errors.tooLarge"] });
    expect(await db.evidence.count({ where: { planId: plan.id } })).toBe(accepted.length);
  });

  it("is attached by whoever tracks the plan: not a stakeholder, not while it is under review", async () => {
    const { db, tree, plan, items, planner } = await setup();
    const subject = { type: "shortage" as const, id: items.shortage.id };
    const file = { name: "bien-ban.pdf", bytes: pdf() };
    const stakeholder = await buildActor(db, "stakeholder", [tree.district]);
    expect((await refused(attachEvidence(db, stakeholder, subject, file))).code).toBe("FORBIDDEN");
    const neighbour = await buildActor(db, "planner", [tree.neighbour]);
    expect((await refused(attachEvidence(db, neighbour, subject, file))).code).toBe("NOT_FOUND");
    const districtPlanner = await buildActor(db, "planner", [tree.district]);
    await attachEvidence(db, districtPlanner, subject, file);

    await db.plan.update({ where: { id: plan.id }, data: { status: "submitted" } });
    expect((await refused(attachEvidence(db, planner, subject, file))).code).toBe("FORBIDDEN");
    expect((await refused(attachEvidence(db, planner, { type: "milestone", id: "nope" }, file))).code).toBe(
      "NOT_FOUND",
    );
  });

  it("goes with its record: deleting a milestone, shortage, disbursement or budget line deletes its files' bytes", async () => {
    const { db, planner, plan, items } = await setup("draft");
    const attach = (type: "milestone" | "shortage" | "disbursement", id: string) =>
      attachEvidence(db, planner, { type, id }, { name: "bien-ban.pdf", bytes: pdf() });
    const onMilestone = await attach("milestone", items.milestone.id);
    const onShortage = await attach("shortage", items.shortage.id);
    const onDisbursement = await attach("disbursement", items.disbursement.id);
    const blobs = (id: string) => db.evidenceBlob.count({ where: { evidenceId: id } });
    expect(await blobs(onMilestone.id)).toBe(1);

    await removeMilestone(db, planner, items.milestone.id);
    expect(await blobs(onMilestone.id)).toBe(0);
    expect((await refused(readEvidence(db, planner, onMilestone.id, "file"))).code).toBe("NOT_FOUND");
    await removeShortage(db, planner, items.shortage.id);
    expect((await refused(readEvidence(db, planner, onShortage.id, "file"))).code).toBe("NOT_FOUND");
    await removeDisbursement(db, planner, items.disbursement.id);
    expect((await refused(readEvidence(db, planner, onDisbursement.id, "file"))).code).toBe("NOT_FOUND");

    const more = await buildPlanningItems(db, plan, { id: items.shortage.unitId });
    const onLine = await attach("disbursement", more.disbursement.id);
    await removeBudgetLine(db, planner, more.line.id);
    expect(await blobs(onLine.id)).toBe(0);
    expect(await db.evidence.count({ where: { id: onLine.id } })).toBe(0);
  });

  it("is deleted with its bytes by whoever tracks the plan, and audited", async () => {
    const { db, tree, planner, plan } = await setup();
    const evidence = await attachEvidence(db, planner, { type: "plan", id: plan.id }, { name: "a.pdf", bytes: pdf() });
    const leader = await buildActor(db, "leader", [tree.district]);
    expect((await refused(removeEvidence(db, leader, evidence.id))).code).toBe("FORBIDDEN");
    await removeEvidence(db, planner, evidence.id);
    expect(await db.evidenceBlob.count({ where: { evidenceId: evidence.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { entityId: evidence.id, action: "evidence.delete" } })).toBe(1);
    expect((await refused(removeEvidence(db, planner, evidence.id))).code).toBe("NOT_FOUND");
  });
});
