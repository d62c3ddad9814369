import { expect, test, type Browser, type Page } from "@playwright/test";
import { accounts, signIn } from "./fixtures";
import { createCommunePlan, signedInRequest } from "./support/collab-client";

async function pageFor(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

const form = (page: Page, name: string) => page.getByRole("form", { name });

test("a commune plan's targets, milestones, budget and shortages go through approval, and a stakeholder's comment appears live", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const request = await signedInRequest(baseURL!, accounts.communePlanner);
  const planId = await createCommunePlan(request, "Kế hoạch bổ sung phòng bán trú và nhà công vụ năm 2025");
  const planner = await pageFor(browser, accounts.communePlanner);

  // A target; a decreasing target above its baseline is refused field by field, and nothing is saved.
  await planner.goto(`/plans/${planId}?tab=targets`);
  await planner.getByRole("button", { name: "Thêm mục tiêu" }).click();
  const target = form(planner, "Thêm mục tiêu");
  await target.getByLabel("Tên mục tiêu").fill("Tỷ lệ hộ nghèo đa chiều");
  await target.getByLabel("Đơn vị tính").fill("%");
  await target.getByLabel("Chiều").selectOption({ label: "Giảm xuống" });
  await target.getByLabel("Giá trị cơ sở").fill("34,9");
  await target.getByLabel("Năm cơ sở").fill("2021");
  await target.getByLabel("Giá trị mục tiêu").fill("37");
  await target.getByLabel("Năm đạt").fill("2025");
  await target.getByRole("button", { name: "Lưu" }).click();
  await expect(
    target.getByText("Mục tiêu tăng phải không thấp hơn giá trị cơ sở; mục tiêu giảm phải không cao hơn."),
  ).toBeVisible();
  await target.getByLabel("Giá trị mục tiêu").fill("17,66");
  await target.getByRole("button", { name: "Lưu" }).click();
  const targetCard = planner.getByTestId("target");
  await expect(targetCard).toContainText("Từ 34,9 % (2021) đến 17,66 % (2025)");
  await expect(targetCard).toContainText("Chưa có số liệu");

  // A shortage at the commune.
  await planner.getByRole("link", { name: "Thiếu hụt" }).click();
  await planner.getByRole("button", { name: "Thêm thiếu hụt" }).click();
  const shortage = form(planner, "Thêm thiếu hụt");
  await shortage.getByLabel("Xã / trường").selectOption({ label: "Xã Quài Nưa" });
  await shortage.getByLabel("Loại").selectOption({ label: "Phòng bán trú, nội trú" });
  await shortage.getByLabel("Số lượng").fill("6");
  await shortage.getByLabel("Đơn vị tính").fill("phòng");
  await shortage.getByLabel("Chi tiết").fill("Điểm trường Huổi Lóng");
  await shortage.getByRole("button", { name: "Lưu" }).click();
  await expect(planner.getByTestId("shortage")).toContainText("Phòng bán trú, nội trú: 6 phòng");

  // A milestone that closes it, then money for that milestone.
  await planner.getByRole("link", { name: "Mốc tiến độ" }).click();
  await planner.getByRole("button", { name: "Thêm mốc" }).click();
  const milestone = form(planner, "Thêm mốc");
  await milestone.getByLabel("Nội dung công việc").fill("Xây 6 phòng bán trú điểm trường Huổi Lóng");
  await milestone.getByLabel("Đơn vị chủ trì").selectOption({ label: "Xã Quài Nưa" });
  await milestone.getByLabel("Bắt đầu").fill("2025-03-01");
  await milestone.getByLabel("Hạn hoàn thành").fill("2025-02-01");
  await milestone.getByLabel(/Phòng bán trú, nội trú · 6 phòng/).check();
  await milestone.getByRole("button", { name: "Lưu" }).click();
  await expect(milestone.getByText("Hạn hoàn thành không được trước ngày bắt đầu.")).toBeVisible();
  await milestone.getByLabel("Hạn hoàn thành").fill("2025-09-30");
  await milestone.getByRole("button", { name: "Lưu" }).click();
  await expect(planner.getByTestId("milestone")).toContainText("Xã Quài Nưa · 01/03/2025 → 30/09/2025");
  await expect(planner.getByTestId("timeline-row")).toHaveCount(1);

  await planner.getByRole("link", { name: "Kinh phí" }).click();
  await planner.getByRole("button", { name: "Thêm dòng vốn" }).click();
  const line = form(planner, "Thêm dòng vốn");
  await line.getByLabel("Nguồn vốn").selectOption({ label: "Ngân sách trung ương" });
  await line.getByLabel("Năm").fill("2025");
  await line.getByLabel("Số vốn (đồng)").fill("20.586.000.000");
  await line.getByLabel("Mốc tiến độ").selectOption({ label: "Xây 6 phòng bán trú điểm trường Huổi Lóng" });
  await line.getByRole("button", { name: "Lưu" }).click();
  await expect(planner.getByTestId("budget-summary")).toHaveText("Đã giải ngân 0 đồng / 20,586 tỷ đồng (0,00%)");

  // Submitted, returned with a reason, fixed and resubmitted, then approved.
  await planner.getByRole("button", { name: "Trình phê duyệt" }).click();
  await expect(planner.getByText("Đã trình", { exact: true })).toBeVisible();
  const leader = await pageFor(browser, "lanhdao.huyen@chungtay.vn");
  await leader.goto(`/plans/${planId}?tab=budget`);
  await expect(leader.getByTestId("budget-line")).toContainText("20,586 tỷ đồng");
  await leader.getByRole("button", { name: "Trả lại" }).click();
  await leader.getByLabel("Lý do trả lại").fill("Bổ sung số liệu hộ nghèo năm 2024 cho mục tiêu.");
  await leader.getByRole("button", { name: "Xác nhận trả lại" }).click();
  await expect(leader.getByText("Bị trả lại", { exact: true })).toBeVisible();

  await planner.goto(`/plans/${planId}?tab=targets`);
  await expect(planner.getByText("Cấp trên trả lại: Bổ sung số liệu hộ nghèo năm 2024 cho mục tiêu.")).toBeVisible();
  await planner.getByText(/Số liệu theo kỳ/).click();
  await planner.getByRole("button", { name: "Ghi số liệu" }).click();
  const measurement = form(planner, "Ghi số liệu");
  await measurement.getByLabel("Kỳ").fill("2024");
  await measurement.getByLabel(/Giá trị/).fill("26,28");
  await measurement.getByLabel("Nguồn số liệu").fill("Kết quả rà soát hộ nghèo cuối năm 2024");
  await measurement.getByRole("button", { name: "Lưu" }).click();
  await expect(targetCard).toContainText("26,28 % (2024)");
  await expect(targetCard.getByRole("progressbar")).toHaveAttribute("aria-valuetext", "50,00%");
  await planner.getByRole("button", { name: "Trình phê duyệt" }).click();
  await expect(planner.getByText("Đã trình", { exact: true })).toBeVisible();

  await leader.reload();
  await leader.getByRole("button", { name: "Phê duyệt" }).click();
  await expect(leader.getByRole("alertdialog")).toContainText("văn bản kế hoạch và 1 mục tiêu");
  await leader.getByRole("button", { name: "Xác nhận phê duyệt" }).click();
  await expect(leader.getByText("Đã phê duyệt", { exact: true })).toBeVisible();

  // Progress on the approved plan reaches other viewers live: the leader watches the milestones
  // while the planner marks the milestone done.
  await leader.goto(`/plans/${planId}?tab=milestones`);
  const watched = leader.getByTestId("milestone");
  await expect(watched).toContainText("Chưa bắt đầu");
  await expect(watched).toContainText("Quá hạn");
  await planner.goto(`/plans/${planId}?tab=milestones`);
  await planner.getByTestId("milestone").getByLabel("Trạng thái").selectOption({ label: "Hoàn thành" });
  await expect(watched).toContainText("Hoàn thành", { timeout: 3000 });
  await expect(watched).not.toContainText("Quá hạn");

  // Approved: the content is frozen on every tab; progress can still be tracked.
  await planner.goto(`/plans/${planId}?tab=shortages`);
  await expect(planner.getByTestId("plan-lock-note")).toHaveText(/đã được phê duyệt/);
  await expect(planner.getByRole("button", { name: "Thêm thiếu hụt" })).toHaveCount(0);
  await expect(planner.getByRole("button", { name: /^Sửa/ })).toHaveCount(0);
  await expect(planner.getByTestId("shortage").getByLabel("Trạng thái")).toBeEnabled();

  // A stakeholder comments on the shortage; the planner sees it without reloading.
  await planner.getByTestId("shortage").getByRole("button", { name: "Thảo luận" }).click();
  const stakeholder = await pageFor(browser, accounts.stakeholder);
  await stakeholder.goto(`/plans/${planId}?tab=shortages`);
  await stakeholder.getByTestId("shortage").getByRole("button", { name: "Thảo luận" }).click();
  await stakeholder
    .getByTestId("shortage")
    .getByLabel("Ý kiến mới")
    .fill("Hội Phụ nữ huyện vận động thêm 200 ngày công cho điểm trường Huổi Lóng.");
  await stakeholder.getByTestId("shortage").getByRole("button", { name: "Gửi ý kiến" }).click();
  await expect(planner.getByTestId("shortage").getByTestId("comment-thread")).toContainText(
    "vận động thêm 200 ngày công",
    { timeout: 3000 },
  );
  await expect(planner.getByTestId("shortage").getByRole("button", { name: "Thảo luận (1)" })).toBeVisible();
});
