import { expect, test } from "@playwright/test";
import { accounts, signIn } from "./fixtures";
import { createCommunePlan, signedInRequest } from "./support/collab-client";

/**
 * The author's own screen refreshes from what the server answered, not only from the live
 * stream: with the stream cut (a proxy that drops it, a flaky connection), a saved target and
 * a recorded measurement still show at once.
 */
test("a saved change shows on the author's screen even when the live stream is cut", async ({ page, baseURL }) => {
  const request = await signedInRequest(baseURL!, accounts.communePlanner);
  const planId = await createCommunePlan(request, "Kế hoạch kiểm tra khi mất luồng trực tiếp");
  await signIn(page, accounts.communePlanner);
  // The live stream is the subscription `live.plan`; every other call goes through.
  await page.route(/\/api\/trpc\/live\./, (route) => route.abort());

  await page.goto(`/plans/${planId}?tab=targets`);
  await page.getByRole("button", { name: "Thêm mục tiêu" }).click();
  const form = page.getByRole("form", { name: "Thêm mục tiêu" });
  await form.getByLabel("Tên mục tiêu").fill("Thu nhập bình quân đầu người");
  await form.getByLabel("Đơn vị tính").fill("triệu đồng/người/năm");
  await form.getByLabel("Chiều").selectOption({ label: "Tăng lên" });
  await form.getByLabel("Giá trị cơ sở").fill("21,84");
  await form.getByLabel("Năm cơ sở").fill("2021");
  await form.getByLabel("Giá trị mục tiêu").fill("54");
  await form.getByLabel("Năm đạt").fill("2025");
  await form.getByRole("button", { name: "Lưu" }).click();
  await expect(page.getByTestId("target")).toContainText("Thu nhập bình quân đầu người");
});
