import { readFile } from "node:fs/promises";
import { expect, test, type Download, type Page } from "@playwright/test";
import { readDocx } from "../server/exports/read-docx";
import { readPdf } from "../server/exports/read-pdf";
import { accounts, signIn } from "./fixtures";
import { signedInRequest, trpcMutation, trpcQuery } from "./support/collab-client";

const form = (page: Page, name: string) => page.getByRole("form", { name });
const bytes = async (download: Download) => readFile((await download.path())!);

/**
 * Money as Vietnamese officials read it, on screen and in the exported documents: a plan of
 * Xã Quài Cang (no other test puts money there) with 1,25 tỷ from the central budget and
 * 45.500.000 đồng from the local one, 350 triệu disbursed.
 */
test("money reads the Vietnamese way on the Budget tab, the dashboard and in the DOCX and PDF annexes", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const plannerApi = await signedInRequest(baseURL!, accounts.neighbourPlanner);
  const options = await trpcQuery<{ units: { id: string; name: string }[]; programs: { id: string; code: string }[] }>(
    plannerApi,
    "plans.formOptions",
    undefined,
  );
  const commune = options.units.find((u) => u.name === "Xã Quài Cang")!;
  const number = String(Math.floor(Math.random() * 900_000) + 1000);
  const title = "Kế hoạch xây phòng học và nhà bán trú năm 2025";
  const plan = await trpcMutation<{ id: string }>(plannerApi, "plans.create", {
    reference: `${number}/KH-UBND`,
    title,
    issuedOn: "",
    issuingUnitId: commune.id,
    programId: options.programs.find((p) => p.code === "NTM-2021-2025")!.id,
    year: "2025",
    parentId: "",
  });

  const planner = await (await browser.newContext()).newPage();
  await signIn(planner, accounts.neighbourPlanner);
  await planner.goto(`/plans/${plan.id}?tab=budget`);
  for (const [source, amount] of [
    ["Ngân sách trung ương", "1.250.000.000"],
    ["Ngân sách địa phương", "45.500.000"],
  ]) {
    await planner.getByRole("button", { name: "Thêm dòng vốn" }).click();
    const line = form(planner, "Thêm dòng vốn");
    await line.getByLabel("Nguồn vốn").selectOption({ label: source! });
    await line.getByLabel("Năm").fill("2025");
    await line.getByLabel("Số vốn (đồng)").fill(amount!);
    await line.getByRole("button", { name: "Lưu" }).click();
    await expect(line).toBeHidden();
  }
  const lines = planner.getByTestId("budget-line");
  await expect(lines.filter({ hasText: "Ngân sách trung ương" })).toContainText("1,25 tỷ đồng");
  // Not a whole number of millions: the full amount, never a rounded "46 triệu".
  await expect(lines.filter({ hasText: "Ngân sách địa phương" })).toContainText("45.500.000 đồng");

  const central = lines.filter({ hasText: "Ngân sách trung ương" });
  await central.getByText(/^Giải ngân \(/).click();
  await central.getByRole("button", { name: "Ghi giải ngân" }).click();
  const paid = form(planner, "Ghi giải ngân");
  await paid.getByLabel("Số vốn (đồng)").fill("350.000.000");
  await paid.getByLabel("Ngày giải ngân").fill("2025-06-30");
  await paid.getByRole("button", { name: "Lưu" }).click();
  await expect(central).toContainText("350 triệu đồng · 30/06/2025");

  // 350 of 1.295,5 triệu is 27,02%; 1.295.500.000 is not a whole number of millions.
  await expect(planner.getByTestId("budget-summary")).toHaveText(
    "Đã giải ngân 350 triệu đồng / 1.295.500.000 đồng (27,02%)",
  );
  // The table by source: one unit, stated above it, every cell in it with the same decimals.
  const bySource = planner.getByTestId("budget-by-source");
  await expect(bySource.getByTestId("money-unit")).toHaveText("Đơn vị tính: triệu đồng");
  const cells = (table: typeof bySource, source: string) =>
    table.getByRole("row").filter({ hasText: source }).getByRole("cell");
  await expect(cells(bySource, "Ngân sách trung ương")).toHaveText([
    "Ngân sách trung ương",
    "1.250,0",
    "350,0",
    "28,00%",
  ]);
  await expect(cells(bySource, "Ngân sách địa phương")).toHaveText(["Ngân sách địa phương", "45,5", "0,0", "0,00%"]);
  await planner.screenshot({ path: test.info().outputPath("budget-tab.png"), fullPage: true });

  // Approved by the district, so that every roll-up counts it.
  await trpcMutation(plannerApi, "workflow.submit", { id: plan.id });
  const leaderApi = await signedInRequest(baseURL!, "lanhdao.huyen@chungtay.vn");
  await trpcMutation(leaderApi, "workflow.approve", { id: plan.id });

  const leader = await (await browser.newContext()).newPage();
  await signIn(leader, "lanhdao.huyen@chungtay.vn");
  await leader.goto(`/dashboard?unit=${commune.id}&period=2025`);
  await expect(leader.getByTestId("dashboard-budget")).toHaveText(
    "Đã giải ngân 350 triệu đồng / 1.295.500.000 đồng (27,02%)",
  );
  const dashboardTable = leader.getByTestId("dashboard-budget-table");
  await expect(dashboardTable.getByTestId("money-unit")).toHaveText("Đơn vị tính: triệu đồng");
  await expect(cells(dashboardTable, "Ngân sách trung ương")).toHaveText([
    "Ngân sách trung ương",
    "1.250,0",
    "350,0",
    "28,00%",
  ]);
  await leader.getByTestId("dashboard-budget-table").scrollIntoViewIfNeeded();
  await leader.screenshot({ path: test.info().outputPath("dashboard.png"), fullPage: true });

  // The plan's annex in the DOCX, downloaded from the plan page: the same unit and cells.
  await leader.goto(`/plans/${plan.id}`);
  const [docxDownload] = await Promise.all([
    leader.waitForEvent("download"),
    leader.getByTestId("export-plan-docx").click(),
  ]);
  expect(docxDownload.suggestedFilename()).toBe(`${number}-KH-UBND.docx`);
  const { paragraphs } = await readDocx(await bytes(docxDownload));
  const annex = paragraphs.slice(paragraphs.indexOf("KINH PHÍ"));
  expect(annex).toContain("Đơn vị tính: triệu đồng");
  const total = annex.indexOf("Tổng cộng");
  expect(annex.slice(total, total + 5)).toEqual(["Tổng cộng", "", "", "1.295,5", "350,0"]);
  expect(annex).toEqual(expect.arrayContaining(["1.250,0", "45,5", "27,02%"]));

  // The same plan as a PDF: it opens, its first page has the national heading, number and title.
  const [pdfDownload] = await Promise.all([
    leader.waitForEvent("download"),
    leader.getByTestId("export-plan-pdf").click(),
  ]);
  expect(pdfDownload.suggestedFilename()).toBe(`${number}-KH-UBND.pdf`);
  const pdf = await readPdf(await bytes(pdfDownload));
  expect(pdf.pages[0]).toEqual(
    expect.arrayContaining([
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      `Số: ${number}/KH-UBND`,
      "KẾ HOẠCH",
      "Xây phòng học và nhà bán trú năm 2025",
    ]),
  );
  const annexPage = pdf.pages.find((page) => page.includes("KINH PHÍ"))!;
  expect(annexPage).toContain("Đơn vị tính: triệu đồng");
  const pdfTotal = annexPage.indexOf("Tổng cộng");
  expect(annexPage.slice(pdfTotal, pdfTotal + 4)).toEqual(["Tổng cộng", "1.295,5", "350,0", "27,02%"]);
});
