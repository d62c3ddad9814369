import { expect, test, type Browser, type Page } from "@playwright/test";
import { accounts, signIn } from "./fixtures";
import { createCommunePlan, signedInRequest } from "./support/collab-client";

async function openPlan(browser: Browser, email: string, planId: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  await page.goto(`/plans/${planId}?tab=discussion`);
  return page;
}

test("a stakeholder's comment appears for the planner without reloading, and the thread is resolved", async ({
  browser,
  baseURL,
}) => {
  const request = await signedInRequest(baseURL!, accounts.communePlanner);
  const planId = await createCommunePlan(request, "Kế hoạch kiểm thử thảo luận trực tiếp");
  const planner = await openPlan(browser, accounts.communePlanner, planId);
  const stakeholder = await openPlan(browser, accounts.stakeholder, planId);
  await expect(planner.getByText("Chưa có ý kiến nào.")).toBeVisible();

  await stakeholder
    .getByLabel("Ý kiến mới")
    .fill("Đề nghị bổ sung 6 phòng bán trú cho điểm trường Huổi Lóng @canbo.xa");
  // The name lookup opened by "@" does not lie over the button: one click sends, and closes it.
  await stakeholder.getByRole("button", { name: "Gửi ý kiến" }).click();
  await expect(stakeholder.getByLabel("Ý kiến mới")).toHaveValue("");

  const thread = planner.getByTestId("comment-thread").first();
  await expect(thread).toContainText("Đề nghị bổ sung 6 phòng bán trú", { timeout: 3000 });
  await expect(thread).toContainText("Nhắc đến: Tòng Thị Xuân");
  await thread.getByLabel("Trả lời").fill("Đã đưa vào kế hoạch năm 2025.");
  await thread.getByRole("button", { name: "Gửi" }).click();
  await expect(stakeholder.getByTestId("comment-thread").first()).toContainText("Đã đưa vào kế hoạch năm 2025.", {
    timeout: 3000,
  });

  await thread.getByRole("button", { name: "Đánh dấu đã giải quyết" }).click();
  await expect(stakeholder.getByTestId("comment-thread").first()).toContainText("Đã giải quyết bởi Tòng Thị Xuân", {
    timeout: 3000,
  });
});
