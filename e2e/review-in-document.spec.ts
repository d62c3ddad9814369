import { expect, test, type Browser, type Page } from "@playwright/test";
import { accounts, signIn } from "./fixtures";
import { createCommunePlan, signedInRequest } from "./support/collab-client";

const districtLeader = "lanhdao.huyen@chungtay.vn";
const SENTENCE = "Xây 6 phòng bán trú cho điểm trường Huổi Lóng.";

async function openPlan(browser: Browser, email: string, planId: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await signIn(page, email);
  await page.goto(`/plans/${planId}`);
  await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "connected");
  return page;
}

const documentOf = (page: Page) => page.getByTestId("plan-document");

/**
 * Selects `text` in the document as a mouse would (or puts the caret before or after it), on
 * the page's own selection, which the editor follows.
 */
async function select(page: Page, text: string, caret?: "before" | "after") {
  if (caret) await documentOf(page).focus();
  await documentOf(page).evaluate(
    (root, { text, caret }) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes: [Text, number][] = [];
      let all = "";
      while (walker.nextNode()) {
        const node = walker.currentNode as Text;
        if (node.parentElement?.closest(".collaboration-carets__caret")) continue;
        nodes.push([node, all.length]);
        all += node.data;
      }
      const start = all.indexOf(text);
      if (start < 0) throw new Error(`"${text}" is not in the document`);
      const at = (offset: number, end: boolean) => {
        const [node, from] =
          nodes.find(([n, s]) =>
            end ? s < offset && offset <= s + n.data.length : s <= offset && offset < s + n.data.length,
          ) ?? nodes.at(-1)!;
        return [node, offset - from] as const;
      };
      const range = document.createRange();
      range.setStart(...at(start, false));
      range.setEnd(...at(start + text.length, true));
      if (caret) range.collapse(caret === "before");
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    },
    { text, caret },
  );
}

/** The document's text without the other editors' caret labels. */
const textOf = (page: Page) =>
  documentOf(page).evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    copy.querySelectorAll(".collaboration-carets__caret").forEach((caret) => caret.remove());
    return copy.textContent;
  });

/** The text the passage highlights cover, however many pieces carets and marks cut them into. */
const highlighted = (page: Page) =>
  page
    .locator(".passage-comment")
    .evaluateAll((spans) =>
      spans.map((span) => (span.closest(".collaboration-carets__caret") ? "" : span.textContent)).join(""),
    );

test("a stakeholder comments on a sentence while the planner edits around it, and the highlight follows", async ({
  browser,
  baseURL,
}) => {
  // Two browsers, two sign-ins and three rounds of typing: over a minute on a loaded machine.
  test.setTimeout(120_000);
  const request = await signedInRequest(baseURL!, accounts.communePlanner);
  const planId = await createCommunePlan(request, "Kế hoạch kiểm thử bình luận trên văn bản");
  const planner = await openPlan(browser, accounts.communePlanner, planId);
  await documentOf(planner).click();
  await planner.keyboard.type(`Mở đầu kế hoạch. ${SENTENCE} Kết thúc.`);
  await expect(planner.getByTestId("save-state")).toHaveText("Đã lưu");

  const stakeholder = await openPlan(browser, accounts.stakeholder, planId);
  await expect(documentOf(stakeholder)).toContainText(SENTENCE);
  await select(stakeholder, SENTENCE);
  await stakeholder.getByRole("button", { name: "Bình luận", exact: true }).click();
  await stakeholder
    .getByRole("combobox", { name: "Bình luận về đoạn này" })
    .fill("Số phòng này đã khớp với báo cáo của trường chưa?");
  await stakeholder.getByRole("button", { name: "Gửi ý kiến" }).click();
  await expect.poll(() => highlighted(stakeholder)).toBe(SENTENCE);
  // The planner's page hears of the new thread live.
  await expect.poll(() => highlighted(planner)).toBe(SENTENCE);
  await expect(planner.getByTestId("passage-threads")).toContainText(
    "Số phòng này đã khớp với báo cáo của trường chưa?",
  );

  // The planner types just before the sentence, just after it, and inside it.
  await select(planner, "Xây 6", "before");
  await planner.keyboard.type("Năm 2025, ");
  await select(planner, "Huổi Lóng.", "after");
  await planner.keyboard.type(" Đã có đất.");
  await select(planner, "6 phòng", "after");
  await planner.keyboard.type(" nội trú và");
  const moved = "Xây 6 phòng nội trú và bán trú cho điểm trường Huổi Lóng.";
  await expect.poll(() => highlighted(stakeholder)).toBe(moved);
  await expect.poll(() => highlighted(planner)).toBe(moved);
  await expect.poll(() => textOf(stakeholder)).toContain(`Năm 2025, ${moved} Đã có đất.`);
  await stakeholder.screenshot({ path: test.info().outputPath("passage-comment.png") });

  // Deleting the whole passage leaves the thread saying so.
  await select(planner, moved);
  await planner.keyboard.press("Backspace");
  await expect(stakeholder.getByTestId("passage-gone")).toHaveText("Đoạn văn này không còn trong văn bản.");
  await expect(stakeholder.locator(".passage-comment")).toHaveCount(0);
});

test("a district leader suggests changes to a submitted plan; the planner accepts one and rejects another, seen live", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const request = await signedInRequest(baseURL!, accounts.communePlanner);
  const planId = await createCommunePlan(request, "Kế hoạch kiểm thử đề xuất sửa");
  const planner = await openPlan(browser, accounts.communePlanner, planId);
  await documentOf(planner).click();
  await planner.keyboard.type(SENTENCE);
  await expect(planner.getByTestId("save-state")).toHaveText("Đã lưu");
  await planner.getByRole("button", { name: "Trình phê duyệt" }).click();
  await expect(planner.getByText("Đã trình", { exact: true })).toBeVisible();

  const leader = await openPlan(browser, districtLeader, planId);
  await expect(leader.getByTestId("suggest-note")).toContainText("Bạn đang ở chế độ đề xuất");
  // A replacement (6 → 8) and an insertion.
  await select(leader, "6");
  await leader.keyboard.type("8");
  await select(leader, "bán trú", "after");
  await leader.keyboard.type(" kiên cố");
  await expect(leader.getByTestId("save-state")).toHaveText("Đã lưu");
  await expect(documentOf(leader).locator("del.suggestion-deletion")).toHaveText("6");
  await expect(documentOf(leader).locator("ins.suggestion-insertion")).toHaveText(["8", " kiên cố"]);
  await expect(documentOf(leader).locator("ins.suggestion-insertion").first()).toHaveAttribute("title", /.+/);

  // The planner, who cannot edit while the plan is under review, sees them arrive.
  await expect(documentOf(planner).locator("ins.suggestion-insertion")).toHaveText(["8", " kiên cố"]);
  await expect(planner.getByTestId("suggestion")).toHaveCount(2);
  await leader.screenshot({ path: test.info().outputPath("suggesting.png") });

  // Approval waits until the suggestions are dealt with.
  await leader.getByRole("button", { name: "Phê duyệt" }).click();
  await expect(leader.getByTestId("open-suggestions")).toContainText("2 đề xuất sửa");
  await leader.getByRole("button", { name: "Xác nhận phê duyệt" }).click();
  await expect(leader.getByRole("alert").filter({ hasText: "Chưa phê duyệt được" }).first()).toBeVisible();
  await leader.getByRole("button", { name: "Hủy" }).click();

  // Returning lists them.
  await leader.getByRole("button", { name: "Trả lại" }).click();
  await expect(leader.getByTestId("open-suggestions")).toContainText("Bỏ “6” Thêm “8”");
  await expect(leader.getByTestId("open-suggestions")).toContainText("Thêm “ kiên cố”");
  await leader.getByLabel("Lý do trả lại").fill("Sửa số phòng theo đề xuất.");
  await leader.getByRole("button", { name: "Xác nhận trả lại" }).click();
  await expect(leader.getByText("Bị trả lại", { exact: true })).toBeVisible();

  // The planner's page follows the return: the text is theirs to edit, suggestions to settle.
  await expect(planner.getByText("Bị trả lại", { exact: true })).toBeVisible();
  const accept = planner.getByRole("button", { name: "Chấp nhận: Bỏ “6”, Thêm “8”" });
  await expect(accept).toBeVisible();
  await accept.click();
  await planner.getByRole("button", { name: "Từ chối: Thêm “ kiên cố”" }).click();
  await planner.screenshot({ path: test.info().outputPath("settled.png") });

  for (const page of [planner, leader]) {
    await expect.poll(() => textOf(page)).toBe(SENTENCE.replace("6", "8"));
    await expect(documentOf(page).locator(".suggestion-insertion, .suggestion-deletion")).toHaveCount(0);
  }
  await expect(planner.getByTestId("save-state")).toHaveText("Đã lưu");
});

test("a reviewer typing Vietnamese through an input method suggests composed words", async ({ browser, baseURL }) => {
  const request = await signedInRequest(baseURL!, accounts.communePlanner);
  const planId = await createCommunePlan(request, "Kế hoạch kiểm thử gõ tiếng Việt khi đề xuất");
  const planner = await openPlan(browser, accounts.communePlanner, planId);
  await documentOf(planner).click();
  await planner.keyboard.type(SENTENCE);
  await expect(planner.getByTestId("save-state")).toHaveText("Đã lưu");
  await planner.getByRole("button", { name: "Trình phê duyệt" }).click();
  await expect(planner.getByText("Đã trình", { exact: true })).toBeVisible();

  const leader = await openPlan(browser, districtLeader, planId);
  await select(leader, "Huổi Lóng", "after");
  const ime = await leader.context().newCDPSession(leader);
  // Telex: " Việt" comes through composition steps, as a Vietnamese keyboard sends it.
  for (const step of [" V", " Vi", " Vie", " Viê", " Viêj", " Việ", " Việt"])
    await ime.send("Input.imeSetComposition", { text: step, selectionStart: step.length, selectionEnd: step.length });
  await ime.send("Input.insertText", { text: " Việt" });
  await expect(documentOf(planner).locator("ins.suggestion-insertion")).toHaveText(" Việt");
  await expect(leader.getByTestId("save-state")).toHaveText("Đã lưu");
  await expect(leader.getByText("Máy chủ không nhận thay đổi này")).toHaveCount(0);
  // On a phone the suggestions and comments come under the text.
  await leader.setViewportSize({ width: 390, height: 844 });
  await expect(leader.getByTestId("suggestions")).toBeVisible();
  await leader.screenshot({ path: test.info().outputPath("phone.png"), fullPage: true });
  await expect(leader.getByTestId("connection-state")).toHaveAttribute("data-state", "connected");
});
