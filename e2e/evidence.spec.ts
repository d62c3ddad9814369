import { expect, test, type Browser, type Page } from "@playwright/test";
import { pdf, photo } from "../tests/evidence-files";
import { accounts, signIn } from "./fixtures";
import { createCommunePlan, signedInRequest, trpcMutation, trpcQuery } from "./support/collab-client";

const SHOTS = process.env.SHOTS_DIR ?? "/tmp/evidence-shots";

async function pageFor(browser: Browser, email: string, width = 1280): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width, height: 900 } })).newPage();
  await signIn(page, email);
  return page;
}

type Evidence = { items: { id: string; fileName: string; hasThumbnail: boolean }[] };

test("a planner's photo of a milestone: thumbnail, download for who sees the plan, 404 for a neighbour, type and size refused, gone with its milestone", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const request = await signedInRequest(baseURL!, accounts.communePlanner);
  const planId = await createCommunePlan(request, "Kế hoạch xây phòng bán trú có minh chứng năm 2025");
  const options = await trpcQuery<{ units: { id: string; name: string }[] }>(request, "planning.options", { planId });
  const title = "Xây 4 phòng bán trú điểm trường Huổi Lóng";
  const milestone = await trpcMutation<{ id: string }>(request, "milestones.create", {
    planId,
    title,
    ownerUnitId: options.units.find((u) => u.name === "Xã Quài Nưa")!.id,
    startOn: "2025-03-01",
    dueOn: "2025-09-30",
    status: "planned",
    targetIds: [],
    shortageIds: [],
  });

  const planner = await pageFor(browser, accounts.communePlanner);
  await planner.goto(`/plans/${planId}?tab=milestones`);
  const row = planner.getByTestId("milestone").filter({ hasText: title });
  await row.getByText("Minh chứng (0)").click();
  const input = row.getByLabel(`Chọn tệp minh chứng: ${title}`);

  // A text file named .jpg is refused by its content, in Vietnamese; so is a file over 20 MB.
  await input.setInputFiles({ name: "anh.jpg", mimeType: "image/jpeg", buffer: Buffer.from("không phải ảnh") });
  await row.getByRole("button", { name: "Tải lên" }).click();
  await expect(row.getByTestId("evidence-error")).toHaveText(/Tệp không thuộc loại được phép.*theo nội dung/);
  const large = Buffer.alloc(21 * 1024 * 1024);
  (await photo()).copy(large);
  await input.setInputFiles({ name: "anh-lon.jpg", mimeType: "image/jpeg", buffer: large });
  await row.getByRole("button", { name: "Tải lên" }).click();
  await expect(row.getByTestId("evidence-error")).toHaveText("Tệp lớn hơn 20 MB. Mỗi tệp minh chứng tối đa 20 MB.");

  // The photo: listed with a thumbnail, size, uploader and date.
  const bytes = await photo();
  await input.setInputFiles({ name: "phong-ban-tru.jpg", mimeType: "image/jpeg", buffer: bytes });
  await row.getByRole("button", { name: "Tải lên" }).click();
  const item = row.getByTestId("evidence-item");
  await expect(item).toContainText("phong-ban-tru.jpg");
  await expect(item).toContainText(/kB · Tòng Thị Xuân · \d\d\/\d\d\/\d{4}/);
  await expect(row.getByText("Minh chứng (1)")).toBeVisible();
  const thumbnail = item.getByRole("img", { name: "Ảnh thu nhỏ của phong-ban-tru.jpg" });
  await expect(thumbnail).toBeVisible();
  await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await row.screenshot({ path: `${SHOTS}/milestone-evidence-laptop.png` });
  const download = planner.waitForEvent("download");
  await item.getByRole("link", { name: "Tải về phong-ban-tru.jpg" }).click();
  expect((await download).suggestedFilename()).toBe("phong-ban-tru.jpg");

  const { items } = await trpcQuery<Evidence>(request, "evidence.list", { planId });
  const id = items[0]!.id;
  const province = await signedInRequest(baseURL!, accounts.provinceLeader);
  const served = await province.get(`/api/evidence/${id}`);
  expect(served.status()).toBe(200);
  expect(Buffer.from(await served.body()).equals(bytes)).toBe(true);
  const neighbour = await signedInRequest(baseURL!, accounts.neighbourPlanner);
  expect((await neighbour.get(`/api/evidence/${id}`)).status()).toBe(404);
  expect((await neighbour.get(`/api/evidence/${id}?variant=thumbnail`)).status()).toBe(404);

  // On a phone the control keeps to the screen.
  const phone = await pageFor(browser, accounts.communePlanner, 390);
  await phone.goto(`/plans/${planId}?tab=milestones`);
  const phoneRow = phone.getByTestId("milestone").filter({ hasText: title });
  await phoneRow.getByText("Minh chứng (1)").click();
  await expect(phoneRow.getByTestId("evidence-item")).toBeVisible();
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await phoneRow.screenshot({ path: `${SHOTS}/milestone-evidence-phone.png` });

  // Deleting the milestone makes its file unreachable.
  await trpcMutation(request, "milestones.remove", { id: milestone.id });
  expect((await request.get(`/api/evidence/${id}`)).status()).toBe(404);
  expect((await province.get(`/api/evidence/${id}`)).status()).toBe(404);
});

test("an approved plan is issued with its number, date and signed PDF: it shows Đã ban hành and the scan downloads", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const request = await signedInRequest(baseURL!, accounts.communePlanner);
  const planId = await createCommunePlan(request, "Kế hoạch sửa chữa nhà công vụ giáo viên năm 2025");
  await trpcMutation(request, "workflow.submit", { id: planId });
  await trpcMutation(await signedInRequest(baseURL!, "lanhdao.huyen@chungtay.vn"), "workflow.approve", { id: planId });

  const planner = await pageFor(browser, accounts.communePlanner);
  await planner.goto(`/plans/${planId}`);
  await expect(planner.getByText("Đã phê duyệt", { exact: true })).toBeVisible();
  await planner.getByRole("button", { name: "Ban hành", exact: true }).click();
  const form = planner.getByRole("form", { name: "Ban hành kế hoạch" });
  const reference = `${Date.now() % 100_000}/KH-UBND`;
  await form.getByLabel("Số, ký hiệu").fill(reference);
  await form.getByLabel("Ngày ban hành").fill("2025-03-12");
  await form
    .getByLabel("Bản đã ký (PDF)")
    .setInputFiles({ name: "ban-ky.jpg", mimeType: "image/jpeg", buffer: await photo() });
  await form.getByRole("button", { name: "Ban hành", exact: true }).click();
  await expect(form.getByText("Bản ký phải là tệp PDF (xác định theo nội dung tệp).")).toBeVisible();
  const scan = pdf("Ban da ky");
  await form
    .getByLabel("Bản đã ký (PDF)")
    .setInputFiles({ name: "ban-ky.pdf", mimeType: "application/pdf", buffer: scan });
  await form.screenshot({ path: `${SHOTS}/issue-form.png` });
  await form.getByRole("button", { name: "Ban hành", exact: true }).click();

  await expect(planner.getByText("Đã ban hành", { exact: true })).toBeVisible();
  await expect(planner.getByTestId("plan-reference")).toHaveText(reference);
  await expect(planner.getByText("12/03/2025")).toBeVisible();
  await planner.screenshot({ path: `${SHOTS}/issued-plan-laptop.png` });
  const download = planner.waitForEvent("download");
  await planner.getByTestId("signed-copy").click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("ban-ky.pdf");
  const href = (await planner.getByTestId("signed-copy").getAttribute("href"))!;
  const served = await request.get(href);
  expect(Buffer.from(await served.body()).equals(scan)).toBe(true);

  // The plan list says so too.
  await planner.goto(`/plans?search=${encodeURIComponent(reference)}`);
  await expect(planner.getByText("Đã ban hành", { exact: true }).first()).toBeVisible();
});
