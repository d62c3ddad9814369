import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures";

test("a district leader reads the criteria roll-up of the communes beneath, drills down, and combines criteria", async ({
  page,
}) => {
  await signIn(page, "lanhdao.huyen@chungtay.vn");
  await page.getByRole("link", { name: "Tổng hợp" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tổng hợp · Huyện Tuần Giáo");

  // The seed assesses seven communes of Tuần Giáo in 2025; only the town meets criterion 5.
  await expect(page.getByTestId("criteria-summary")).toHaveText(
    "7 đơn vị được đánh giá · đạt toàn bộ tiêu chí: 1 · bình quân 14,29 tiêu chí/đơn vị",
  );
  const row5 = page.getByTestId("criteria-table").getByRole("row").filter({ hasText: "Trường học" });
  await expect(row5).toContainText("1/7");
  await expect(row5).toContainText("14,29%");
  await row5.getByRole("button").click();
  await expect(page.getByTestId("drill-down")).toContainText("Thị trấn Tuần Giáo");
  await expect(page.getByTestId("drill-down").getByRole("listitem")).toHaveCount(1);
  await expect(page.getByTestId("drill-down")).toBeInViewport(); // it opens below every card

  // Criteria 10 and 11 together: again only the town.
  await page.getByRole("checkbox", { name: "10", exact: true }).check();
  await page.getByRole("checkbox", { name: "11", exact: true }).check();
  await expect(page.getByTestId("combination-result")).toHaveText("1 đơn vị đạt đồng thời tiêu chí 10, 11");

  // The record across periods keeps each criteria set apart.
  await expect(page.getByTestId("criteria-trend")).toContainText(
    "Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021–2025",
  );
  // One period so far (2025): a bar, not a lone dot.
  const set2021 = page
    .getByTestId("criteria-trend")
    .getByRole("region", { name: "Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021–2025" });
  await expect(set2021.locator("svg rect")).toHaveCount(1);
  await expect(set2021.locator("svg circle")).toHaveCount(0);

  // Plan figures count approved plans; the others are counted apart, and added only when asked.
  const scope = page.getByTestId("planning-scope");
  await expect(scope).toHaveText(
    /^Số liệu của các kế hoạch đã phê duyệt · \d+ kế hoạch chưa phê duyệt không được tính$/,
  );
  const unapproved = (await scope.textContent())!.match(/· (\d+) kế hoạch/)![1];
  await page.getByLabel("Tính cả kế hoạch chưa phê duyệt").check();
  await expect(scope).toContainText(`Gồm cả ${unapproved} kế hoạch chưa phê duyệt`);

  // On a phone the page keeps to the screen's width (the long criteria-set names once widened it).
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.getByLabel("Bộ tiêu chí")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const menu = page.getByRole("navigation", { name: "Mở menu" });
  for (const link of await menu.getByRole("link").all()) await expect(link).toBeInViewport({ ratio: 1 });
});

test("in English, plain numbers read the English way while money and dates stay Vietnamese", async ({ page }) => {
  await signIn(page, "lanhdao.huyen@chungtay.vn");
  await page.goto("/dashboard?period=2025");
  await page.getByRole("button", { name: "English" }).first().click();
  await expect(page.getByTestId("criteria-summary")).toHaveText(
    "7 units assessed · meeting the whole set: 1 · average 14.29 criteria per unit",
  );
  const table = page.getByTestId("criteria-table");
  await expect(table).toContainText("14.29%");
  await expect(table).not.toContainText("14,29%");
  await page.getByRole("button", { name: "Tiếng Việt" }).first().click();
  await expect(table).toContainText("14,29%");
});
