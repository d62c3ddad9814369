import type { JSONContent } from "@tiptap/core";
import * as Y from "yjs";
import type { Db } from "../db/client";
import type { PlanAction, PlanStatus } from "../db/generated/client";
import { contentOf, plainText, toYdoc } from "../documents/content";
import { searchable } from "@/lib/search-text";
import { reviewersAt, reviewingUnitOf } from "../approvals/reviewing-unit";

const DAY = 24 * 60 * 60 * 1000;

/** The steps that lead to a seeded plan's status, so its timeline tells how it got there. */
const STEPS: Record<PlanStatus, PlanAction[]> = {
  draft: [],
  submitted: ["submit"],
  returned: ["submit", "return"],
  approved: ["submit", "approve"],
  superseded: ["submit", "approve", "supersede"],
};
const RETURN_REASON =
  "Đề nghị bổ sung số liệu phòng học tạm, phòng bán trú còn thiếu và lộ trình kiên cố hóa từng điểm trường.";

type SeededPlan = {
  id: string;
  status: PlanStatus;
  issuedOn: Date | null;
  title: string;
  issuingUnit: { path: string; name: string };
  createdById: string;
};

/**
 * Gives the seeded plans a workflow history (reviewed where a submission goes, see
 * server/approvals/reviewing-unit.ts) and a
 * first text, only where they have none, so re-seeding changes nothing.
 */
export async function seedPlanHistory(db: Db, planIds: string[]): Promise<number> {
  const plans: SeededPlan[] = await db.plan.findMany({
    where: { id: { in: planIds } },
    select: {
      id: true,
      status: true,
      issuedOn: true,
      title: true,
      createdById: true,
      issuingUnit: { select: { path: true, name: true } },
    },
  });

  const [withSteps, withText, withEdits] = await Promise.all([
    db.planTransition.findMany({ where: { planId: { in: planIds } }, select: { planId: true }, distinct: ["planId"] }),
    db.planDocument.findMany({ where: { planId: { in: planIds } }, select: { planId: true } }),
    db.planDocumentUpdate.findMany({
      where: { planId: { in: planIds } },
      select: { planId: true },
      distinct: ["planId"],
    }),
  ]);
  const hasSteps = new Set(withSteps.map((t) => t.planId));
  const hasText = new Set([...withText, ...withEdits].map((d) => d.planId));
  let created = 0;

  for (const plan of plans) {
    const reviewUnit = hasSteps.has(plan.id) ? null : await reviewingUnitOf(db, plan.issuingUnit);
    const reviewer = reviewUnit && (await reviewersAt(db, reviewUnit.id))[0];
    if (reviewUnit && reviewer) {
      let status: PlanStatus = "draft";
      const start = (plan.issuedOn ?? new Date()).getTime();
      const data = STEPS[plan.status].map((action, i) => {
        const from = status;
        status =
          action === "submit"
            ? "submitted"
            : action === "return"
              ? "returned"
              : action === "supersede"
                ? "superseded"
                : "approved";
        return {
          planId: plan.id,
          action,
          fromStatus: from,
          toStatus: status,
          revision: 1,
          reason: action === "return" ? RETURN_REASON : null,
          actorId: action === "submit" ? plan.createdById : reviewer,
          at: new Date(start + (i + 1) * 5 * DAY),
        };
      });
      created += (await db.planTransition.createMany({ data })).count;
      if (data.length)
        await db.plan.update({
          where: { id: plan.id },
          data: { submittedById: plan.createdById, reviewUnitId: reviewUnit.id },
        });
    }
    if (!hasText.has(plan.id)) {
      const doc = toYdoc(firstText(plan));
      const state = Y.encodeStateAsUpdate(doc);
      const content = contentOf(doc);
      const text = plainText(content);
      await db.planDocument.create({
        data: {
          planId: plan.id,
          state: Buffer.from(state),
          content: content as object,
          text,
          searchText: searchable(text),
          sizeBytes: state.length,
        },
      });
      doc.destroy();
      created++;
    }
  }
  return created;
}

const text = (value: string): JSONContent => ({ type: "text", text: value });
const paragraph = (value: string): JSONContent => ({ type: "paragraph", content: [text(value)] });
const heading = (value: string): JSONContent => ({ type: "heading", attrs: { level: 2 }, content: [text(value)] });
const cell = (value: string, header = false): JSONContent => ({
  type: header ? "tableHeader" : "tableCell",
  content: [paragraph(value)],
});
const row = (values: string[], header = false): JSONContent => ({
  type: "tableRow",
  content: values.map((v) => cell(v, header)),
});

/** A plausible first text in the official layout, for the demo. */
function firstText(plan: SeededPlan): JSONContent {
  const unit = plan.issuingUnit.name;
  return {
    type: "doc",
    content: [
      heading("I. MỤC ĐÍCH, YÊU CẦU"),
      paragraph(
        `Cụ thể hóa các mục tiêu của Chương trình mục tiêu quốc gia xây dựng nông thôn mới trong lĩnh vực giáo dục tại ${unit}; phân công rõ trách nhiệm, tiến độ và nguồn lực để hoàn thành các tiêu chí số 5 (Trường học) và số 14 (Giáo dục và Đào tạo).`,
      ),
      heading("II. CHỈ TIÊU"),
      {
        type: "bulletList",
        content: [
          "Duy trì 100% xã đạt tiêu chí số 14 – Giáo dục và Đào tạo.",
          "Nâng tỷ lệ trường học đạt chuẩn cơ sở vật chất theo quy định.",
          "Huy động trẻ 6 tuổi vào lớp 1 đạt 100%; giảm tỷ lệ học sinh bỏ học.",
        ].map((item) => ({ type: "listItem", content: [paragraph(item)] })),
      },
      heading("III. NHIỆM VỤ VÀ GIẢI PHÁP"),
      {
        type: "table",
        content: [
          row(["Nội dung", "Đơn vị chủ trì", "Thời gian hoàn thành"], true),
          row(["Xây dựng phòng học kiên cố thay thế phòng học tạm", unit, "Quý IV"]),
          row(["Bổ sung phòng bán trú, nhà công vụ cho giáo viên", unit, "Quý III"]),
          row(["Mua sắm thiết bị dạy học tối thiểu", "Các trường học trên địa bàn", "Quý II"]),
        ],
      },
      heading("IV. TỔ CHỨC THỰC HIỆN"),
      paragraph(
        "Các đơn vị căn cứ kế hoạch này xây dựng kế hoạch chi tiết, báo cáo kết quả thực hiện 6 tháng và cả năm về cấp trên theo quy định.",
      ),
    ],
  };
}
