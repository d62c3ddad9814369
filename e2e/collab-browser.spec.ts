import { expect, test, type Browser, type Page } from "@playwright/test";
import { accounts, signIn } from "./fixtures";
import { createCommunePlan, signedInRequest } from "./support/collab-client";

async function openPlan(browser: Browser, email: string, planId: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  await page.goto(`/plans/${planId}`);
  await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "connected");
  return page;
}

const documentOf = (page: Page) => page.getByTestId("plan-document");

/** The document's text without the other editors' caret labels. */
const textOf = (page: Page) =>
  documentOf(page).evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    copy.querySelectorAll(".collaboration-carets__caret").forEach((caret) => caret.remove());
    return copy.textContent;
  });

async function typeAtEnd(page: Page, text: string) {
  await documentOf(page).click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type(text);
}

test.describe("writing a plan together in the browser", () => {
  let planId: string;

  test.beforeEach(async ({ baseURL }) => {
    const planner = await signedInRequest(baseURL!, accounts.communePlanner);
    planId = await createCommunePlan(planner, "Kế hoạch kiểm thử đồng soạn trong trình duyệt");
    await planner.dispose();
  });

  test("two users see each other's text and cursors within a second", async ({ browser }) => {
    const a = await openPlan(browser, accounts.communePlanner, planId);
    const b = await openPlan(browser, "admin@chungtay.vn", planId);
    await typeAtEnd(a, "Mục tiêu: 100% trường đạt chuẩn. ");
    await expect(documentOf(b)).toContainText("Mục tiêu: 100% trường đạt chuẩn.", { timeout: 1000 });
    await typeAtEnd(b, "Tỉnh hỗ trợ kinh phí.");
    await expect(documentOf(a)).toContainText("Tỉnh hỗ trợ kinh phí.", { timeout: 1000 });
    await expect(a.locator(".collaboration-carets__label")).toContainText("Nguyễn Đức Minh", { timeout: 1000 });
    await expect(b.locator(".collaboration-carets__label")).toContainText("Tòng Thị Xuân", { timeout: 1000 });
    await expect(a.getByTestId("presence")).toBeVisible();
    await expect(a.getByTestId("save-state")).toHaveText("Đã lưu");
  });

  test("a user who goes offline keeps typing, and both end with the same text", async ({ browser }) => {
    const a = await openPlan(browser, accounts.communePlanner, planId);
    const b = await openPlan(browser, "admin@chungtay.vn", planId);
    await typeAtEnd(a, "Trước khi mất mạng. ");
    await expect(documentOf(b)).toContainText("Trước khi mất mạng.");

    await a.context().setOffline(true);
    await expect(a.getByTestId("connection-state")).toHaveAttribute("data-state", "offline");
    await typeAtEnd(a, "Gõ khi ngoại tuyến. ");
    await expect(a.getByTestId("save-state")).toHaveAttribute("data-saved", "false");
    await typeAtEnd(b, "Người kia vẫn gõ. ");
    await a.waitForTimeout(500);
    await expect(documentOf(b)).not.toContainText("Gõ khi ngoại tuyến.");

    await a.context().setOffline(false);
    await expect(a.getByTestId("connection-state")).toHaveAttribute("data-state", "connected");
    await expect(a.getByTestId("save-state")).toHaveAttribute("data-saved", "true");
    for (const page of [a, b]) {
      await expect(documentOf(page)).toContainText("Gõ khi ngoại tuyến.");
      await expect(documentOf(page)).toContainText("Người kia vẫn gõ.");
    }
    expect(await textOf(a)).toBe(await textOf(b));
  });

  test("a stakeholder sees the text live but cannot edit it", async ({ browser }) => {
    const a = await openPlan(browser, accounts.communePlanner, planId);
    await typeAtEnd(a, "Nội dung để bên liên quan đọc.");
    const viewer = await openPlan(browser, accounts.stakeholder, planId);
    await expect(documentOf(viewer)).toContainText("Nội dung để bên liên quan đọc.");
    await expect(viewer.getByTestId("read-only-note")).toBeVisible();
    await expect(documentOf(viewer)).toHaveAttribute("contenteditable", "false");
    await expect(viewer.getByRole("toolbar")).toHaveCount(0);
    await typeAtEnd(a, " Cập nhật mới.");
    await expect(documentOf(viewer)).toContainText("Cập nhật mới.", { timeout: 1000 });
  });

  test("restoring an older version appears for the other user", async ({ browser }) => {
    const a = await openPlan(browser, accounts.communePlanner, planId);
    await typeAtEnd(a, "Bản dự thảo đầu tiên.");
    await expect(a.getByTestId("save-state")).toHaveText("Đã lưu");

    const b = await openPlan(browser, "admin@chungtay.vn", planId);
    await b.getByRole("link", { name: "Lịch sử", exact: true }).click();
    await b.getByLabel("Tên phiên bản").fill("Bản trình huyện lần 1");
    await b.getByRole("button", { name: "Lưu phiên bản" }).click();
    await expect(b.getByRole("button", { name: /Bản trình huyện lần 1/ })).toBeVisible();

    await typeAtEnd(a, " Đoạn thêm sau khi lưu phiên bản.");
    await expect(a.getByTestId("save-state")).toHaveText("Đã lưu");

    await b.getByRole("button", { name: /Bản trình huyện lần 1/ }).click();
    await expect(b.getByTestId("version-content")).toContainText("Bản dự thảo đầu tiên.");
    await b.getByRole("tab", { name: "So sánh với hiện tại" }).click();
    await expect(b.getByTestId("version-diff").locator("ins")).toContainText("Đoạn thêm sau khi lưu phiên bản.");
    b.once("dialog", (dialog) => void dialog.accept());
    await b.getByRole("button", { name: "Khôi phục phiên bản này" }).click();
    await expect(b.getByText("Đã khôi phục.")).toBeVisible();

    await expect(documentOf(a)).not.toContainText("Đoạn thêm sau khi lưu phiên bản.", { timeout: 2000 });
    await expect(documentOf(a)).toContainText("Bản dự thảo đầu tiên.");
    await expect(a.getByText("vừa khôi phục một phiên bản trước")).toBeVisible();
  });

  test("Vietnamese typed through an input method (Telex) arrives composed for the other user", async ({ browser }) => {
    const a = await openPlan(browser, accounts.communePlanner, planId);
    const b = await openPlan(browser, "admin@chungtay.vn", planId);
    await documentOf(a).click();
    const ime = await a.context().newCDPSession(a);
    // Telex: "Vieejt" becomes "Việt" through composition steps, as a Vietnamese keyboard does.
    for (const step of ["V", "Vi", "Vie", "Viê", "Viêj", "Việ", "Việt"]) {
      await ime.send("Input.imeSetComposition", { text: step, selectionStart: step.length, selectionEnd: step.length });
    }
    await ime.send("Input.insertText", { text: "Việt" });
    await a.keyboard.type(" Nam");
    await expect(documentOf(b)).toContainText("Việt Nam");
    const text = await textOf(b);
    expect(text).toContain("Việt Nam".normalize("NFC"));
    expect(text).not.toContain("VVi");
  });

  test("edits made offline survive closing the tab and are saved when it is reopened", async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, accounts.communePlanner);
    await page.goto(`/plans/${planId}`);
    await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "connected");
    await context.setOffline(true);
    await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "offline");
    await typeAtEnd(page, "Viết lúc mất mạng rồi đóng trình duyệt.");
    await expect(page.getByTestId("save-state")).toHaveAttribute("data-saved", "false");
    await expect(documentOf(page)).toContainText("Viết lúc mất mạng rồi đóng trình duyệt.");
    // IndexedDB writes are asynchronous; a person reading the leave dialog gives them this time too.
    await page.waitForTimeout(500);

    // Another tab keeps the browser context (and its IndexedDB) alive after this one closes.
    const reopened = await context.newPage();
    // Leaving with edits the server does not have asks for confirmation.
    const dialog = page.waitForEvent("dialog");
    await page.close({ runBeforeUnload: true });
    const confirmation = await dialog;
    expect(confirmation.type()).toBe("beforeunload");
    const closed = page.waitForEvent("close");
    await confirmation.accept();
    await closed;

    await context.setOffline(false);
    await reopened.goto(`/plans/${planId}`);
    await expect(documentOf(reopened)).toContainText("Viết lúc mất mạng rồi đóng trình duyệt.");
    await expect(reopened.getByTestId("save-state")).toHaveAttribute("data-saved", "true");
    const other = await openPlan(browser, "admin@chungtay.vn", planId);
    await expect(documentOf(other)).toContainText("Viết lúc mất mạng rồi đóng trình duyệt.");
  });
});
