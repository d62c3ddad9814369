import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures";

/**
 * A province admin imports the district's criteria table for a period the seed does not use,
 * sees its problems by row and column, imports the valid rows, and the dashboard counts them.
 */

const PERIOD = "2024-H1";
const criteria = (results: string | ((n: number) => string)) =>
  Array.from({ length: 19 }, (_, i) => (typeof results === "string" ? results : results(i + 1)));
// Codes of Tuần Giáo's communes before the 2025 reform; "-cu" where a commune of today carries the same one.
const table = [
  ["Mã đơn vị", "Tên đơn vị", ...criteria((n) => `TC${n}`)],
  ["03253-cu", "Thị trấn Tuần Giáo", ...criteria("Đạt")],
  ["03259", "Xã Phình Sáng", ...criteria((n) => (n <= 10 ? "Đạt" : "Chưa đạt"))],
  ["03260-cu", "Xã Rạng Đông", ...criteria((n) => (n === 6 ? "Đạt rồi" : "Đạt"))],
  ["99999", "Xã Không Có", ...criteria("Đạt")],
  ["03262", "Xã Mùn Chung", ...criteria((n) => (n <= 5 ? "Đạt" : n === 19 ? "" : "Chưa đạt"))],
];
// As Excel saves "CSV UTF-8" on a Vietnamese computer: a byte order mark and semicolons.
const csv = Buffer.from(`\uFEFF${table.map((row) => row.join(";")).join("\r\n")}\r\n`, "utf-8");

test("an admin imports a criteria table, sees its errors, imports the valid rows, and the dashboard counts them", async ({
  page,
}) => {
  await signIn(page, "admin@chungtay.vn");

  // The district's id, from the unit tree, for the dashboard's address.
  await page.goto("/units");
  const districtHref = await page.getByRole("link", { name: "Huyện Tuần Giáo", exact: true }).getAttribute("href");
  const districtId = districtHref!.split("/").pop()!;
  await page.goto(`/dashboard?unit=${districtId}&period=${PERIOD}`);
  await expect(page.getByText("Chưa có kết quả đánh giá nào cho kỳ này.")).toBeVisible();

  await page.getByRole("link", { name: "Nhập dữ liệu" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nhập dữ liệu" })).toBeVisible();
  await page.getByRole("radio", { name: "Kết quả tiêu chí" }).check();
  await page.getByLabel("Kỳ đánh giá").fill(PERIOD);
  await page
    .getByLabel("Tệp dữ liệu")
    .setInputFiles({ name: "ket-qua-tieu-chi-tuan-giao.csv", mimeType: "text/csv", buffer: csv });
  await page.getByRole("button", { name: "Kiểm tra tệp" }).click();

  // Three communes are fine (19 + 19 + 18 results); two rows are not.
  await expect(page.getByTestId("import-count-create")).toHaveText("56");
  await expect(page.getByTestId("import-count-errorRows")).toHaveText("2");
  const issues = page.getByTestId("import-issues").getByRole("row");
  await expect(issues).toHaveCount(3);
  await expect(issues.nth(1)).toContainText("4");
  await expect(issues.nth(1)).toContainText("TC6");
  await expect(issues.nth(1)).toContainText("“Đạt rồi” không phải kết quả hợp lệ");
  await expect(issues.nth(2)).toContainText("5");
  await expect(issues.nth(2)).toContainText("Mã đơn vị");
  await expect(issues.nth(2)).toContainText("Không có đơn vị mã “99999”");
  await expect(page.getByRole("button", { name: "Nhập", exact: true })).toHaveCount(0);

  // Leaving the two rows out needs the user's word on what that means: two communes without results.
  const importValid = page.getByRole("button", { name: "Chỉ nhập các dòng hợp lệ" });
  await expect(importValid).toBeDisabled();
  await page.getByLabel("2 xã sẽ không có kết quả từ tệp này (các dòng lỗi được bỏ qua).").check();
  await importValid.click();
  await expect(page.getByTestId("import-done")).toHaveText(
    "Đã nhập xong: tạo mới 56, cập nhật 0, không đổi 0; bỏ qua 2 dòng lỗi.",
  );

  // The same figures now on the district's dashboard for the period: 19, 10 and 5 criteria met.
  await page.goto(`/dashboard?unit=${districtId}&period=${PERIOD}`);
  await expect(page.getByTestId("criteria-summary")).toHaveText(
    "3 đơn vị được đánh giá · đạt toàn bộ tiêu chí: 1 · bình quân 11,33 tiêu chí/đơn vị",
  );
  const rows = page.getByTestId("criteria-table").getByRole("row");
  await expect(rows.nth(1)).toContainText("3/3");
  await expect(rows.nth(1)).toContainText("100,00%");
  await expect(rows.nth(11)).toContainText("1/3");
  await expect(rows.nth(11)).toContainText("33,33%");
});
