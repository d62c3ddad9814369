import { expect, test } from "@playwright/test";
import { accounts, signIn } from "./fixtures";

test("signed-out visitors are sent to the Vietnamese sign-in page", async ({ page }) => {
  await page.goto("/plans");
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("heading", { name: "Đăng nhập" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
});

test("a wrong password gets a clear message; the right one signs in; sign-out works", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByText("Vui lòng nhập thư điện tử.")).toBeVisible();
  await expect(page.getByText("Vui lòng nhập mật khẩu.")).toBeVisible();

  await page.getByLabel("Thư điện tử").fill(accounts.stakeholder);
  await page.getByLabel("Mật khẩu").fill("sai-mat-khau");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByText("Thư điện tử hoặc mật khẩu không đúng.")).toBeVisible();

  await signIn(page, accounts.stakeholder);
  await expect(page.getByTestId("current-user")).toBeVisible();
  await page.getByRole("button", { name: "Đăng xuất" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("the interface switches to English and back, keeping Vietnamese formats", async ({ page }) => {
  await signIn(page, accounts.communePlanner);
  await page.getByRole("navigation").getByRole("link", { name: "Kế hoạch" }).click();
  await expect(page.getByRole("heading", { name: "Kế hoạch", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "English" }).first().click();
  await expect(page.getByRole("heading", { name: "Plans", level: 1 })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByText(/\d{2}\/\d{2}\/20\d{2}/).first()).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: "Plans", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Tiếng Việt" }).first().click();
  await expect(page.getByRole("heading", { name: "Kế hoạch", level: 1 })).toBeVisible();
});

test("the menu offers imports only to those who may import (not to a stakeholder)", async ({ page }) => {
  await signIn(page, accounts.stakeholder);
  const menu = page.getByRole("navigation", { name: "Mở menu" });
  await expect(menu.getByRole("link", { name: "Kế hoạch" })).toBeVisible();
  await expect(menu.getByRole("link", { name: "Nhập dữ liệu" })).toHaveCount(0);
  await page.goto("/imports");
  await expect(page.getByText(/không có quyền nhập dữ liệu/)).toBeVisible();
  await page.getByRole("button", { name: "Đăng xuất" }).click();

  await signIn(page, accounts.communePlanner);
  await expect(
    page.getByRole("navigation", { name: "Mở menu" }).getByRole("link", { name: "Nhập dữ liệu" }),
  ).toBeVisible();
});
