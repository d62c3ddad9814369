import { expect, test, type Browser, type Page } from "@playwright/test";
import { accounts, freshReference, signIn } from "./fixtures";
import { createCommunePlan, signedInRequest, trpcMutation, trpcQuery } from "./support/collab-client";

const SHOTS = process.env.SCREENSHOT_DIR;

async function pageFor(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

/** The district's 2025 roll-up, opened at the lines of one capital source. */
async function districtCreditLines(leader: Page) {
  await leader.goto("/dashboard");
  await leader.getByTestId("dashboard-budget-table").getByRole("button", { name: "Vốn tín dụng" }).click();
  return leader.getByTestId("budget-drill-down");
}

test("an approved plan stays in force while its amendment is drafted, and the amendment replaces it once approved", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const request = await signedInRequest(baseURL!, accounts.communePlanner);
  const planId = await createCommunePlan(request, "Kế hoạch vay vốn tín dụng xây nhà bán trú năm 2025");
  await trpcMutation(request, "budget.createLine", {
    planId,
    milestoneId: "",
    source: "credit",
    year: 2025,
    description: "Vay xây nhà bán trú",
    amount: "1.357.000.000",
  });
  await trpcMutation(request, "workflow.submit", { id: planId });
  const { number, symbol } = await trpcQuery<{ number: string; symbol: string }>(request, "plans.get", { id: planId });
  const original = `${number}/${symbol}`;

  // The district leader approves the commune's plan.
  const leader = await pageFor(browser, "lanhdao.huyen@chungtay.vn");
  await leader.goto(`/plans/${planId}`);
  await leader.getByRole("button", { name: "Phê duyệt" }).click();
  await leader.getByRole("button", { name: "Xác nhận phê duyệt" }).click();
  await expect(leader.getByText("Đã phê duyệt", { exact: true })).toBeVisible();
  const approvedLine = (await districtCreditLines(leader)).getByRole("listitem").filter({ hasText: original });
  await expect(approvedLine).toContainText("1,357 tỷ đồng");

  // The planner opens an amendment: a new draft beside the plan, which stays approved.
  const planner = await pageFor(browser, accounts.communePlanner);
  await planner.goto(`/plans/${planId}`);
  await planner.getByRole("button", { name: "Mở bản sửa đổi" }).click();
  await expect(planner).not.toHaveURL(new RegExp(`/plans/${planId}$`));
  const amendmentId = new URL(planner.url()).pathname.split("/").pop()!;
  const amendmentOf = planner.getByTestId("amendment-of");
  await expect(amendmentOf).toContainText(`Sửa đổi của ${original}`);
  await expect(planner.getByTestId("plan-reference")).toHaveText("Chưa có số");
  await expect(planner.getByText("Dự thảo", { exact: true })).toBeVisible();

  // A second "open the amendment" opens the same one.
  await planner.goto(`/plans/${planId}`);
  const beingAmended = planner.getByTestId("amendment-open");
  await expect(beingAmended).toContainText("Đang sửa đổi");
  await planner.getByRole("button", { name: "Mở bản sửa đổi" }).click();
  await expect(planner).toHaveURL(new RegExp(`/plans/${amendmentId}$`));

  // Meanwhile the district still counts and lists the approved plan.
  await expect((await districtCreditLines(leader)).getByRole("listitem").filter({ hasText: original })).toContainText(
    "1,357 tỷ đồng",
  );
  await leader.goto(`/plans?q=${encodeURIComponent(original)}`);
  await expect(leader.getByRole("link", { name: original }).first()).toBeVisible();
  await leader.goto(`/plans/${planId}`);
  await expect(leader.getByText("Đã phê duyệt", { exact: true })).toBeVisible();
  await expect(leader.getByTestId("amendment-open")).toContainText("Đang sửa đổi");
  if (SHOTS) await leader.screenshot({ path: `${SHOTS}/being-amended-laptop.png` });

  // The planner changes the figure in the amendment and gives it its own number.
  await planner.goto(`/plans/${amendmentId}?tab=budget`);
  await planner.getByRole("button", { name: "Sửa: Vốn tín dụng 2025" }).click();
  const lineForm = planner.getByRole("form", { name: "Sửa" });
  await lineForm.getByLabel("Số vốn (đồng)").fill("2.468.000.000");
  await lineForm.getByRole("button", { name: "Lưu" }).click();
  await expect(planner.getByTestId("budget-line")).toContainText("2,468 tỷ đồng");
  await planner.getByRole("button", { name: "So sánh với bản đang có hiệu lực" }).click();
  const comparison = planner.getByTestId("amendment-comparison");
  await expect(comparison.getByRole("row", { name: /Vốn bố trí/ })).toContainText("1,357 tỷ đồng");
  await expect(comparison.getByRole("row", { name: /Vốn bố trí/ })).toContainText("2,468 tỷ đồng");
  if (SHOTS) {
    await planner.screenshot({ path: `${SHOTS}/amendment-laptop.png`, fullPage: true });
    await planner.setViewportSize({ width: 390, height: 844 });
    await planner.screenshot({ path: `${SHOTS}/amendment-phone.png`, fullPage: true });
    expect(await planner.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await planner.setViewportSize({ width: 1280, height: 800 });
  }

  await planner.getByRole("button", { name: "Trình phê duyệt" }).click();
  await expect(planner.getByText(/^Chưa thể trình phê duyệt: kế hoạch chưa có số/)).toBeVisible();
  const amendingReference = freshReference();
  await planner.getByRole("link", { name: "Sửa thông tin" }).click();
  await planner.getByLabel(/Số, ký hiệu/).fill(amendingReference);
  await planner.getByRole("button", { name: /Lưu/ }).click();
  await expect(planner).toHaveURL(new RegExp(`/plans/${amendmentId}$`));
  await expect(planner.getByTestId("plan-reference")).toHaveText(amendingReference);
  await planner.getByRole("button", { name: "Trình phê duyệt" }).click();
  await expect(planner.getByText("Đã trình", { exact: true })).toBeVisible();

  // Submitted, not approved: the roll-up still counts the plan in force.
  await expect((await districtCreditLines(leader)).getByRole("listitem").filter({ hasText: original })).toContainText(
    "1,357 tỷ đồng",
  );

  // The leader approves the amendment: it is now the plan in force, the old one is superseded.
  await leader.goto(`/plans/${amendmentId}`);
  await leader.getByRole("button", { name: "Phê duyệt" }).click();
  await leader.getByRole("button", { name: "Xác nhận phê duyệt" }).click();
  await expect(leader.getByText("Đã phê duyệt", { exact: true })).toBeVisible();
  const lines = await districtCreditLines(leader);
  await expect(lines.getByRole("listitem").filter({ hasText: amendingReference })).toContainText("2,468 tỷ đồng");
  await expect(lines.getByRole("listitem").filter({ hasText: original })).toHaveCount(0);

  await leader.goto(`/plans/${planId}`);
  await expect(leader.getByText("Đã được thay thế", { exact: true })).toBeVisible();
  await expect(leader.getByTestId("superseded-note")).toContainText(`Đã được thay thế bởi ${amendingReference}`);
  await expect(leader.getByTestId("plan-timeline")).toContainText("đã phê duyệt bản sửa đổi");
  if (SHOTS) await leader.screenshot({ path: `${SHOTS}/superseded-laptop.png`, fullPage: true });
  await leader.getByTestId("superseded-note").getByRole("link").click();
  await expect(leader).toHaveURL(new RegExp(`/plans/${amendmentId}$`));
});
