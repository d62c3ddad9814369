import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { type ServerProcess, startServerProcess } from "./support/server-process";

/**
 * A real province's first run, as a newcomer's `npm start` with SEED=0: a server of its own on
 * a fresh embedded database (the shared e2e server holds the demo, hence an admin) prints a
 * one-time setup link; /setup is refused without its token, and with it the first admin picks
 * the province, creates their account and lands signed in on the overview.
 */
const PORT = 3330;

test.describe.configure({ mode: "serial" });

let server: ServerProcess;
let dataDir: string;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dataDir = mkdtempSync(path.join(os.tmpdir(), "chungtay-setup-"));
  server = await startServerProcess(PORT, {
    SEED: "0",
    DATABASE_URL: "",
    CHUNGTAY_EMBEDDED_DB: "",
    CHUNGTAY_DATA_DIR: dataDir,
    AUTH_SECRET: "",
    REDIS_URL: "",
  });
});

test.afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The link the server printed on its console. */
function setupLink() {
  const link = /http:\/\/localhost:\d+(\/setup\?token=[\w.-]+)/.exec(server.output());
  expect(link, server.output()).not.toBeNull();
  return `${server.baseURL}${link![1]}`;
}

test("/setup is refused without the printed token, or with a wrong one", async ({ page }) => {
  expect(server.output()).toContain("No admin account yet.");
  expect(server.output()).not.toContain("Demo accounts");
  for (const url of [`${server.baseURL}/setup`, setupLink().replace(/.{4}$/, "AAAA")]) {
    await page.goto(url);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Không mở được trang thiết lập");
    await expect(page.getByText("Liên kết thiết lập không đúng hoặc thiếu mã.")).toBeVisible();
    await expect(page.getByRole("radio")).toHaveCount(0);
  }
});

test("the setup form reads well on a phone", async ({ browser }) => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: "vi-VN" });
  await page.goto(setupLink());
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thiết lập lần đầu");
  const box = await page.getByRole("button", { name: "Tạo tỉnh và tài khoản" }).boundingBox();
  expect(box!.width).toBeLessThanOrEqual(390);
  await page.screenshot({ path: test.info().outputPath("setup-phone.png"), fullPage: true });
  await page.close();
});

test("with the token, the first admin picks a province, creates their account and lands signed in", async ({
  page,
}) => {
  const link = setupLink();
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thiết lập lần đầu");
  await expect(page.getByRole("radio")).toHaveCount(34);

  // Found without accents.
  await page.getByLabel("Tìm tỉnh, thành phố").fill("dien bien");
  await expect(page.getByRole("radio")).toHaveCount(1);
  await page.getByRole("radio", { name: /Tỉnh Điện Biên/ }).check();
  await page.screenshot({ path: test.info().outputPath("setup-form.png"), fullPage: true });

  // Mistakes are shown field by field, and nothing is created.
  await page.getByLabel("Họ và tên").fill("Lò Thị Mai");
  await page.getByLabel("Thư điện tử").fill("mai.lo@dienbien");
  await page.getByLabel(/^Mật khẩu/).fill("ngan");
  await page.getByLabel("Nhập lại mật khẩu").fill("ngan");
  await page.getByRole("button", { name: "Tạo tỉnh và tài khoản" }).click();
  await expect(page.getByText("Địa chỉ thư điện tử không hợp lệ.")).toBeVisible();
  await expect(page.getByText("Mật khẩu cần ít nhất 10 ký tự.")).toBeVisible();
  await page.getByLabel("Thư điện tử").fill("mai.lo@dienbien.gov.vn");
  await page.getByLabel(/^Mật khẩu/).fill("DienBien2025tinh");
  await page.getByLabel("Nhập lại mật khẩu").fill("DienBien2025tin");
  await page.getByRole("button", { name: "Tạo tỉnh và tài khoản" }).click();
  await expect(page.getByText("Mật khẩu nhập lại không khớp.")).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("setup-errors.png"), fullPage: true });

  await page.getByLabel("Nhập lại mật khẩu").fill("DienBien2025tinh");
  await page.getByRole("button", { name: "Tạo tỉnh và tài khoản" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Xin chào, Lò Thị Mai" })).toBeVisible({ timeout: 60_000 });
  expect(new URL(page.url()).pathname).toBe("/");
  await expect(
    page.getByRole("region", { name: "Đơn vị của tôi" }).getByRole("link", { name: "Tỉnh Điện Biên", exact: true }),
  ).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("setup-overview.png"), fullPage: true });

  // The units came from the official lists: 45 communes of today and, as the box was ticked, those of before.
  await page.goto(`${server.baseURL}/units`);
  await expect(page.getByRole("link", { name: "Xã Tuần Giáo", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Huyện Tuần Giáo", exact: true })).toBeVisible();

  // The national criteria sets are there without the demo, loaded at start whatever SEED says.
  await page.goto(`${server.baseURL}/criteria`);
  await expect(page.getByText("Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021–2025")).toBeVisible();
  await expect(page.getByText("Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2026–2030")).toBeVisible();

  // Once an admin exists the link is dead.
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Chung Tay đã được thiết lập");
  await expect(page.getByRole("radio")).toHaveCount(0);
});
