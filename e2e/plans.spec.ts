import { expect, test } from "@playwright/test";
import { accounts, freshReference, signIn } from "./fixtures";

test("a commune planner sees their commune's plans and the approved plans from above, not their drafts", async ({
  page,
}) => {
  await signIn(page, accounts.communePlanner);
  await expect(
    page.getByRole("region", { name: "Đơn vị của tôi" }).getByRole("link", { name: "Xã Quài Nưa", exact: true }),
  ).toBeVisible();
  const myPlans = page.getByRole("region", { name: "Kế hoạch của đơn vị tôi" });
  await expect(myPlans.locator("table").getByText("Xã Quài Nưa").first()).toBeVisible();

  await page.goto("/plans");
  await expect(page.locator("table").getByRole("link", { name: "2835/KH-SGDĐT" })).toBeVisible();
  await expect(page.locator("table").getByText("Xã Quài Cang")).toHaveCount(0);
  // The department of education's draft 412 stays with the province's departments until approved.
  await page.goto("/plans?q=KH-SGD%C4%90T");
  await expect(page.locator("table").getByRole("link", { name: "2543/KH-SGDĐT" })).toBeVisible();
  await expect(page.locator("table").getByRole("link", { name: "412/KH-SGDĐT" })).toHaveCount(0);
});

test("a commune planner is refused another commune's plan", async ({ browser }) => {
  const neighbour = await browser.newPage();
  await signIn(neighbour, accounts.neighbourPlanner);
  await neighbour.goto("/plans?mine=1");
  await neighbour.locator("table").getByRole("link").first().click();
  await expect(neighbour).toHaveURL(/\/plans\/[^/]+$/);
  const foreignPlanUrl = neighbour.url();
  await neighbour.close();

  const page = await browser.newPage();
  await signIn(page, accounts.communePlanner);
  const response = await page.goto(foreignPlanUrl);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Không tìm thấy trang" })).toBeVisible();
  await page.goto(`${foreignPlanUrl}/edit`);
  await expect(page.getByRole("heading", { name: "Không tìm thấy trang" })).toBeVisible();
  await page.close();
});

test("creating a plan shows Vietnamese field errors, then saves once fixed", async ({ page }) => {
  await signIn(page, accounts.communePlanner);
  await page.getByRole("link", { name: "Tạo kế hoạch" }).click();
  await expect(page.getByRole("heading", { name: "Tạo kế hoạch", level: 1 })).toBeVisible();

  await page.getByLabel("Số, ký hiệu").fill("kế hoạch số 5");
  await page.getByLabel("Trích yếu").fill("Kế hoạch xây dựng phòng học kiên cố năm 2025");
  await page
    .getByLabel("Chương trình")
    .selectOption({ label: "Chương trình MTQG xây dựng nông thôn mới giai đoạn 2021–2025" });
  await page.getByLabel("Năm").selectOption("2025");
  await expect(page.getByLabel(/Bắt đầu văn bản từ dàn ý kế hoạch/)).toBeChecked();
  await page.getByRole("button", { name: "Tạo kế hoạch" }).click();

  await expect(
    page.getByText(
      "Số, ký hiệu phải có dạng số/ký hiệu (VD: 2543/KH-SGDĐT), hoặc chỉ ký hiệu (VD: KH-UBND) khi chưa có số.",
    ),
  ).toBeVisible();
  await expect(page.getByLabel("Số, ký hiệu")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Vui lòng sửa các trường được đánh dấu.")).toBeVisible();

  const reference = freshReference();
  await page.getByLabel("Số, ký hiệu").fill(reference);
  const parent = page.getByLabel("Thực hiện kế hoạch");
  await parent.selectOption((await parent.locator("option", { hasText: "2835/KH-SGDĐT" }).getAttribute("value"))!);
  await page.getByRole("button", { name: "Tạo kế hoạch" }).click();

  await expect(page).toHaveURL(/\/plans\/[^/]+$/);
  await expect(page.getByTestId("plan-reference")).toHaveText(reference);
  await expect(page.getByRole("heading", { name: "Kế hoạch xây dựng phòng học kiên cố năm 2025" })).toBeVisible();
  await expect(page.getByText("Dự thảo")).toBeVisible();
  await expect(page.getByRole("link", { name: /2835\/KH-SGDĐT/ })).toBeVisible();
  // The text starts from the outline officials use (the box is ticked by default), ready to write in.
  const text = page.getByTestId("plan-document");
  for (const section of [
    "I. MỤC ĐÍCH, YÊU CẦU",
    "II. CHỈ TIÊU",
    "III. NHIỆM VỤ, GIẢI PHÁP",
    "IV. KINH PHÍ",
    "V. TỔ CHỨC THỰC HIỆN",
  ])
    await expect(text.getByRole("heading", { name: section })).toBeVisible();

  await page.getByRole("link", { name: "Sửa thông tin" }).click();
  await page.getByLabel("Trích yếu").fill("Kế hoạch xây dựng phòng học và nhà công vụ năm 2025");
  await page.getByRole("button", { name: "Lưu" }).click();
  await expect(
    page.getByRole("heading", { name: "Kế hoạch xây dựng phòng học và nhà công vụ năm 2025" }),
  ).toBeVisible();
});

test("a province leader sees every commune's plans and browses the unit tree", async ({ page }) => {
  await signIn(page, accounts.provinceLeader);
  await page.goto("/plans?q=KH-UBND");
  await expect(page.locator("table").getByText("Xã Quài Cang").first()).toBeVisible();
  await expect(page.locator("table").getByText("Xã Quài Nưa").first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Tạo kế hoạch" })).toHaveCount(0);

  await page.getByRole("navigation").getByRole("link", { name: "Đơn vị" }).click();
  await page.getByRole("button", { name: "Mở Huyện Tuần Giáo" }).click();
  await page.getByRole("link", { name: "Xã Quài Cang" }).click();
  await expect(page.getByRole("heading", { name: "Xã Quài Cang", level: 1 })).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "Cây đơn vị" }).getByRole("link", { name: "Huyện Tuần Giáo" }),
  ).toBeVisible();
  await expect(page.locator("table").getByRole("link").first()).toBeVisible();
});
