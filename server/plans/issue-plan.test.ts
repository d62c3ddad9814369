import { describe, expect, it } from "vitest";
import { pdf, photo } from "../../tests/evidence-files";
import { buildActor, buildPlan, buildProgram, buildUnitTree } from "../../tests/factories";
import { IN_FORCE_STATUS } from "../approvals/workflow";
import { getDb } from "../db/client";
import { readEvidence, removeEvidence } from "../evidence/evidence";
import { exportPlan } from "../exports/plan-document";
import { readDocx } from "../exports/read-docx";
import { issuePlan } from "./issue-plan";
import { amendPlan } from "../approvals/amend-plan";
import { refused } from "../../tests/refusal";

/** Issuing an approved plan: official number and date, the signed copy as a PDF; it stays in force. */

async function setup(status: "approved" | "draft" = "approved") {
  const db = getDb();
  const tree = await buildUnitTree(db);
  const program = await buildProgram(db);
  const planner = await buildActor(db, "planner", [tree.commune]);
  const plan = await buildPlan(db, { unit: tree.commune, program, author: planner, status });
  return { db, tree, planner, plan };
}
const scan = () => ({ name: "2543-KH-UBND-ban-ky.pdf", bytes: pdf("Da ky") });
const input = { number: "154", symbol: "KH-UBND", issuedOn: new Date("2025-03-12T00:00:00Z") };

describe("issuing an approved plan", () => {
  it("records the number, date and signed copy; the plan stays approved and in force, its exports carry them", async () => {
    const { db, planner, plan } = await setup();
    const issued = await issuePlan(db, planner, plan.id, input, scan());
    expect(issued).toMatchObject({ number: "154", symbol: "KH-UBND", issuedOn: input.issuedOn });
    const stored = await db.plan.findUniqueOrThrow({ where: { id: plan.id } });
    expect(stored.status).toBe("approved");
    expect(stored.issuedAt).toBeInstanceOf(Date);
    expect(stored.issuedById).toBe(planner.userId);
    // Roll-ups and the units beneath count plans in this status: it is still in force.
    expect(stored.status).toBe(IN_FORCE_STATUS);
    const copy = await readEvidence(db, planner, stored.signedCopyId!, "file");
    expect(copy.contentType).toBe("application/pdf");
    expect(copy.data.equals(scan().bytes)).toBe(true);
    expect(await db.auditEvent.count({ where: { entityId: plan.id, action: "plan.issue" } })).toBe(1);

    const { paragraphs } = await readDocx((await exportPlan(db, planner, plan.id, "docx")).data);
    expect(paragraphs.join("\n")).toContain("Số: 154/KH-UBND");
    expect(paragraphs.join("\n")).toContain("ngày 12 tháng 3 năm 2025");

    expect((await refused(issuePlan(db, planner, plan.id, input, scan()))).messageKey).toBe("errors.alreadyIssued");
    expect((await refused(removeEvidence(db, planner, stored.signedCopyId!))).messageKey).toBe("errors.signedCopyKept");

    // An amendment is a plan of its own, issued anew once approved; the plan in force stays issued.
    const amendment = await amendPlan(db, planner, plan.id);
    const opened = await db.plan.findUniqueOrThrow({ where: { id: amendment.id } });
    expect([opened.issuedAt, opened.signedCopyId]).toEqual([null, null]);
    const inForce = await db.plan.findUniqueOrThrow({ where: { id: plan.id } });
    expect(inForce.signedCopyId).toBe(stored.signedCopyId);
  });

  it("is refused on a plan not approved, to those who may not issue it, and for bad fields", async () => {
    const { db, tree, planner, plan } = await setup("draft");
    expect((await refused(issuePlan(db, planner, plan.id, input, scan()))).messageKey).toBe("errors.issueNotApproved");
    await db.plan.update({ where: { id: plan.id }, data: { status: "approved" } });
    for (const actor of [
      await buildActor(db, "stakeholder", [tree.commune]),
      await buildActor(db, "leader", [tree.district]),
    ])
      expect((await refused(issuePlan(db, actor, plan.id, input, scan()))).code).toBe("FORBIDDEN");
    expect(
      (await refused(issuePlan(db, await buildActor(db, "planner", [tree.neighbour]), plan.id, input, scan()))).code,
    ).toBe("NOT_FOUND");
    const other = await buildPlan(db, { unit: tree.commune, program: await buildProgram(db), author: planner });
    const future = new Date(Date.now() + 3 * 86_400_000);
    expect(
      (
        await refused(
          issuePlan(
            db,
            planner,
            plan.id,
            { number: other.number!, symbol: other.symbol, issuedOn: future },
            {
              name: "scan.pdf",
              bytes: await photo(),
            },
          ),
        )
      ).fieldErrors,
    ).toEqual({
      reference: ["validation.referenceTaken"],
      issuedOn: ["validation.issuedInFuture"],
      file: ["evidence.errors.pdfOnly"],
    });
    expect((await db.plan.findUniqueOrThrow({ where: { id: plan.id } })).issuedAt).toBeNull();
    expect(await db.evidence.count({ where: { planId: plan.id } })).toBe(0);

    // A leader of the commune itself signs and issues it.
    const leader = await buildActor(db, "leader", [tree.commune]);
    await issuePlan(db, leader, plan.id, input, scan());
  });
});
