import { expect, test, type Page } from "@playwright/test";
import { accounts, freshReference, signIn } from "./fixtures";
import { createCommunePlan, signedInRequest } from "./support/collab-client";

const SHOTS = process.env.SHOTS_DIR;
const documentOf = (page: Page) => page.getByTestId("plan-document");

test("comparing a version shows a table as a table, with the edited cell marked", async ({ page, baseURL }) => {
  const request = await signedInRequest(baseURL!, accounts.communePlanner);
  const planId = await createCommunePlan(request, "Kế hoạch kiểm thử so sánh bảng");
  await signIn(page, accounts.communePlanner);
  await page.goto(`/plans/${planId}`);
  await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "connected");

  await documentOf(page).click();
  await page.getByRole("button", { name: "Chèn bảng" }).click();
  // The caret starts in the first header cell; Tab moves cell by cell.
  for (const [i, text] of ["Xã", "Phòng bán trú", "Kinh phí", "Quài Nưa", "6", "1.800"].entries()) {
    if (i) await page.keyboard.press("Tab");
    await page.keyboard.type(text);
  }
  await expect(page.getByTestId("save-state")).toHaveText("Đã lưu");

  await page.getByRole("link", { name: "Lịch sử", exact: true }).click();
  await page.getByLabel("Tên phiên bản").fill("Bản có bảng");
  await page.getByRole("button", { name: "Lưu phiên bản" }).click();
  await expect(page.getByRole("button", { name: /Bản có bảng/ })).toBeVisible();

  await page.getByRole("link", { name: "Văn bản", exact: true }).click();
  // The editor opens anew: a click before it has synced can land in a cell that moves under it.
  await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "connected");
  await expect(page.getByTestId("save-state")).toHaveText("Đã lưu");
  await documentOf(page).getByRole("cell", { name: "6", exact: true }).click();
  await page.keyboard.press("End");
  await page.keyboard.press("Backspace");
  await page.keyboard.type("8");
  await expect(documentOf(page).getByRole("cell", { name: "8", exact: true })).toBeVisible();
  await expect(page.getByTestId("save-state")).toHaveText("Đã lưu");

  await page.getByRole("link", { name: "Lịch sử", exact: true }).click();
  await page.getByRole("button", { name: /Bản có bảng/ }).click();
  await page.getByRole("tab", { name: "So sánh với hiện tại" }).click();
  const table = page.getByTestId("version-diff-table");
  await expect(table).toHaveAttribute("data-change", "changed");
  await expect(table.getByRole("columnheader")).toHaveText(["Xã", "Phòng bán trú", "Kinh phí"]);
  const edited = table.locator('td[data-change="changed"]');
  await expect(edited).toHaveCount(1);
  await expect(edited.locator("del")).toHaveText("6");
  await expect(edited.locator("ins")).toHaveText("8");
  await expect(table.locator('td[data-change="same"]')).toHaveText(["Quài Nưa", "1.800", "", "", ""]);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/version-compare-table.png` });
});

test("a draft is saved without its number, and submitting asks for it at the field", async ({ page }) => {
  await signIn(page, accounts.communePlanner);
  await page.getByRole("link", { name: "Tạo kế hoạch" }).click();
  await expect(page.getByLabel("Số, ký hiệu")).toHaveValue("");
  await page.getByLabel("Trích yếu").fill("Kế hoạch kiểm thử dự thảo chưa có số");
  await page
    .getByLabel("Chương trình")
    .selectOption({ label: "Chương trình MTQG xây dựng nông thôn mới giai đoạn 2021–2025" });
  await page.getByLabel("Năm").selectOption("2025");
  await page.getByRole("button", { name: "Tạo kế hoạch" }).click();
  await expect(page).toHaveURL(/\/plans\/[^/]+$/);
  await expect(page.getByTestId("plan-reference")).toHaveText("Chưa có số");

  await page.getByRole("button", { name: "Trình phê duyệt" }).click();
  const refusal = page.getByRole("alert").filter({ hasText: "Chưa thể trình phê duyệt" });
  await expect(refusal).toContainText("Chưa thể trình phê duyệt: kế hoạch chưa có số, ký hiệu.");
  await refusal.getByRole("link", { name: "Nhập số, ký hiệu" }).click();
  const field = page.getByLabel("Số, ký hiệu");
  await expect(field).toBeFocused();
  await expect(page.getByText("Cần nhập số, ký hiệu (VD: 2543/KH-UBND) trước khi trình phê duyệt.")).toBeVisible();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/plan-number-needed.png` });
  await field.fill(freshReference());
  await page.getByRole("button", { name: "Lưu", exact: true }).click();
  await expect(page.getByTestId("plan-reference")).toHaveText(/^\d+\/KH-UBND$/);
  await page.getByRole("button", { name: "Trình phê duyệt" }).click();
  await expect(page.getByText("Đã trình", { exact: true })).toBeVisible();
});
