import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = process.env.DEMO_PASSWORD || "ChungTay@2025";

export const accounts = {
  communePlanner: "canbo.xa@chungtay.vn",
  neighbourPlanner: "canbo.xa2@chungtay.vn",
  provinceLeader: "lanhdao.tinh@chungtay.vn",
  stakeholder: "benlienquan@chungtay.vn",
} as const;

/** Signs in through the real form, as a person would. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Thư điện tử").fill(email);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Xin chào/ })).toBeVisible();
}

/** A plan reference no other test run has used. */
export const freshReference = (symbol = "KH-UBND") => `${Date.now() % 1_000_000}/${symbol}`;
