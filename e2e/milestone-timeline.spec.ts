import { expect, test } from "@playwright/test";
import { accounts, signIn } from "./fixtures";
import { createCommunePlan, signedInRequest, trpcMutation, trpcQuery } from "./support/collab-client";

/**
 * A district leader follows the milestones of every plan beneath the district in one view: a
 * commune plan, approved, with an overdue milestone carrying 1,25 tỷ đồng and the 6 boarding
 * rooms it is meant to build, and a milestone already done. Overdue first; the status filter
 * narrows the list; the page fits a phone.
 */
test("a district leader sees the milestones beneath the district, overdue first, with money and shortages", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const plannerApi = await signedInRequest(baseURL!, accounts.communePlanner);
  const title = `Kế hoạch theo dõi mốc ${Date.now()}`;
  const planId = await createCommunePlan(plannerApi, title);
  const { units } = await trpcQuery<{ units: { id: string; name: string }[] }>(
    plannerApi,
    "plans.formOptions",
    undefined,
  );
  const commune = units.find((u) => u.name === "Xã Quài Nưa")!;
  const shortage = await trpcMutation<{ id: string }>(plannerApi, "shortages.create", {
    planId,
    unitId: commune.id,
    category: "boarding_rooms",
    quantity: "6",
    unitLabel: "phòng",
    estimatedCost: "",
    milestoneIds: [],
    budgetLineIds: [],
  });
  const milestone = (title: string, startOn: string, dueOn: string, status: string, shortageIds: string[] = []) =>
    trpcMutation<{ id: string }>(plannerApi, "milestones.create", {
      planId,
      title,
      ownerUnitId: commune.id,
      startOn,
      dueOn,
      status,
      targetIds: [],
      shortageIds,
    });
  const late = await milestone("Xây 6 phòng bán trú Huổi Lóng", "2025-01-15", "2025-03-31", "in_progress", [
    shortage.id,
  ]);
  await milestone("Nghiệm thu nhà công vụ giáo viên", "2025-04-01", "2025-06-30", "done");
  await trpcMutation(plannerApi, "budget.createLine", {
    planId,
    milestoneId: late.id,
    source: "central_budget",
    year: "2025",
    description: "",
    amount: "1.250.000.000",
  });
  await trpcMutation(plannerApi, "workflow.submit", { id: planId });
  const { number, symbol } = await trpcQuery<{ number: string; symbol: string }>(plannerApi, "plans.get", {
    id: planId,
  });
  await trpcMutation(await signedInRequest(baseURL!, "lanhdao.huyen@chungtay.vn"), "workflow.approve", { id: planId });

  const leader = await (await browser.newContext()).newPage();
  await signIn(leader, "lanhdao.huyen@chungtay.vn");
  await leader.getByRole("navigation", { name: "Mở menu" }).getByRole("link", { name: "Tiến độ" }).click();
  await expect(leader.getByRole("heading", { level: 1 })).toHaveText("Tiến độ các mốc · Huyện Tuần Giáo");
  await leader.getByLabel("Năm").selectOption("2025");
  await leader.getByRole("button", { name: "Xem", exact: true }).click();
  await expect(leader).toHaveURL(/year=2025/);

  const plan = leader.getByRole("region", { name: `${number}/${symbol}` });
  const items = plan.getByTestId("timeline-milestone");
  await expect(items).toHaveCount(2);
  // Overdue first, although due before the other one either way: then by due date.
  await expect(items.nth(0)).toContainText("Xây 6 phòng bán trú Huổi Lóng");
  await expect(items.nth(0)).toContainText("Quá hạn");
  await expect(items.nth(0)).toContainText("Hạn 31/03/2025 · Chủ trì: Xã Quài Nưa");
  await expect(items.nth(0)).toContainText("Kinh phí 1,25 tỷ đồng · đã giải ngân 0 đồng");
  await expect(items.nth(0)).toContainText("Để giải quyết: Phòng bán trú, nội trú: 6 phòng (Xã Quài Nưa)");
  await expect(items.nth(1)).toContainText("Nghiệm thu nhà công vụ giáo viên");
  await expect(items.nth(1)).toContainText("Hoàn thành");
  await expect(items.nth(1)).toContainText("Chưa bố trí kinh phí");
  // The commune with an overdue milestone is marked, and listed before those without one.
  const communeCard = leader.getByRole("region", { name: "Xã Quài Nưa" });
  await expect(communeCard).toContainText(/\d+ quá hạn/);
  await leader.screenshot({ path: test.info().outputPath("milestone-timeline.png"), fullPage: true });

  await leader.getByLabel("Trạng thái mốc").selectOption({ label: "Hoàn thành" });
  await leader.getByRole("button", { name: "Xem", exact: true }).click();
  await expect(items).toHaveCount(1);
  await expect(items).toContainText("Nghiệm thu nhà công vụ giáo viên");

  // A link from the dashboard's milestone card leads here, for the same unit and year.
  await leader.goto("/dashboard?period=2025");
  await leader.getByRole("link", { name: "Xem tiến độ từng mốc" }).click();
  await expect(leader).toHaveURL(/\/milestones\?unit=.+&year=2025/);

  await leader.setViewportSize({ width: 390, height: 844 });
  await leader.reload();
  await expect(items.first()).toBeVisible();
  expect(await leader.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await leader.screenshot({ path: test.info().outputPath("milestone-timeline-phone.png"), fullPage: true });
});
