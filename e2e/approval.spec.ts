import { expect, test, type Browser, type Page } from "@playwright/test";
import { accounts, signIn } from "./fixtures";
import { createCommunePlan, signedInRequest } from "./support/collab-client";

async function pageFor(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

test("a commune plan is submitted, returned with a reason, resubmitted and approved, then frozen", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const request = await signedInRequest(baseURL!, accounts.communePlanner);
  const planId = await createCommunePlan(request, "Kế hoạch xây dựng phòng học bán trú năm 2025");
  const planner = await pageFor(browser, accounts.communePlanner);
  const leader = await pageFor(browser, "lanhdao.huyen@chungtay.vn");

  await planner.goto(`/plans/${planId}`);
  await planner.getByRole("button", { name: "Trình phê duyệt" }).click();
  await expect(planner.getByText("Đã trình", { exact: true })).toBeVisible();
  await expect(planner.getByTestId("plan-lock-note")).toHaveText(/chờ cấp trên xem xét/);

  // The district leader hears of it live, on whatever page they are.
  await expect(leader.getByTestId("unread-count")).toBeVisible({ timeout: 5000 });
  await leader.getByTestId("notification-bell").click();
  await leader
    .getByRole("link", { name: /Tòng Thị Xuân đã trình kế hoạch .* chờ bạn xem xét/ })
    .first()
    .click();
  await expect(leader).toHaveURL(new RegExp(`/plans/${planId}$`));
  await leader.getByRole("button", { name: "Trả lại" }).click();
  await leader.getByRole("button", { name: "Xác nhận trả lại" }).click();
  await expect(leader.getByText("Vui lòng nêu lý do trả lại.")).toBeVisible();
  await leader.getByLabel("Lý do trả lại").fill("Bổ sung số phòng bán trú còn thiếu của điểm trường Huổi Lóng.");
  await leader.getByRole("button", { name: "Xác nhận trả lại" }).click();
  await expect(leader.getByText("Bị trả lại", { exact: true })).toBeVisible();

  await expect(planner.getByTestId("unread-count")).toBeVisible({ timeout: 5000 });
  await planner.reload();
  await expect(
    planner.getByText("Cấp trên trả lại: Bổ sung số phòng bán trú còn thiếu của điểm trường Huổi Lóng."),
  ).toBeVisible();
  await expect(planner.getByTestId("connection-state")).toHaveAttribute("data-state", "connected");
  await planner.getByTestId("plan-document").click();
  await planner.keyboard.type("Điểm trường Huổi Lóng còn thiếu 6 phòng bán trú.");
  await expect(planner.getByTestId("save-state")).toHaveText("Đã lưu");
  await planner.getByRole("button", { name: "Trình phê duyệt" }).click();
  await expect(planner.getByText("Đã trình", { exact: true })).toBeVisible();

  // The province sees the plan but it waits for the district, the level above the commune.
  const province = await pageFor(browser, "lanhdao.tinh@chungtay.vn");
  await province.goto(`/plans/${planId}`);
  await expect(province.getByText("Đã trình", { exact: true })).toBeVisible();
  await expect(province.getByRole("button", { name: "Phê duyệt" })).toHaveCount(0);

  await leader.reload();
  await leader.getByRole("button", { name: "Phê duyệt" }).click();
  const confirmation = leader.getByRole("alertdialog", { name: "Phê duyệt kế hoạch này?" });
  await expect(confirmation).toContainText("văn bản kế hoạch và 0 mục tiêu");
  await expect(confirmation).toContainText("Người thực hiện vẫn cập nhật được tiến độ");
  await confirmation.getByRole("button", { name: "Xác nhận phê duyệt" }).click();
  await expect(leader.getByText("Đã phê duyệt", { exact: true })).toBeVisible();
  const timeline = leader.getByTestId("plan-timeline");
  await expect(timeline.locator("li")).toHaveCount(4);
  await expect(timeline).toContainText("đã trả lại");
  await expect(timeline).toContainText("Bổ sung số phòng bán trú còn thiếu");

  await planner.reload();
  await expect(planner.getByTestId("plan-lock-note")).toHaveText(/đã được phê duyệt/);
  await expect(planner.getByRole("link", { name: "Sửa thông tin" })).toHaveCount(0);
  await expect(planner.getByTestId("read-only-note")).toBeVisible();
  await expect(planner.getByTestId("plan-document")).toHaveAttribute("contenteditable", "false");
  await expect(planner.getByTestId("plan-document")).toContainText("Điểm trường Huổi Lóng còn thiếu 6 phòng bán trú.");
  await expect(planner.getByRole("button", { name: "Mở bản sửa đổi" })).toBeVisible();
});
