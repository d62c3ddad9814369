import { expect, test, type Browser, type Page } from "@playwright/test";
import { accounts, signIn } from "./fixtures";
import { createCommunePlan, signedInRequest } from "./support/collab-client";

const SHOTS = process.env.SHOTS_DIR;

/**
 * The answer to the lookup of `query` typed after "@": the list shows what it answers, so the
 * test waits for it, however long a loaded server takes, not for a clock. (A query already
 * looked up within the cache's 30 s asks nothing: only for queries new to the page.)
 */
function lookupOf(page: Page, query: string) {
  return page.waitForResponse((response) => {
    const url = decodeURIComponent(response.url());
    return url.includes("comments.mentionCandidates") && url.includes(`"query":${JSON.stringify(query)}`);
  });
}

async function pageFor(browser: Browser, email: string, width = 1280): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width, height: 900 } })).newPage();
  await signIn(page, email);
  return page;
}

test("typing @ offers the people who may see the plan; the one chosen by keyboard is notified", async ({
  browser,
  baseURL,
}) => {
  const request = await signedInRequest(baseURL!, accounts.communePlanner);
  const planId = await createCommunePlan(request, "Kế hoạch kiểm thử nhắc tên");
  const planner = await pageFor(browser, accounts.communePlanner);
  await planner.goto(`/plans/${planId}?tab=discussion`);

  const box = planner.getByRole("combobox", { name: "Ý kiến mới" });
  await box.click();
  const looked = lookupOf(planner, "lo van");
  await box.pressSequentially("Nhờ anh @lo van");
  await looked;
  const list = planner.getByRole("listbox", { name: "Người có thể nhắc đến" });
  await expect(list).toBeVisible();
  await expect(box).toHaveAttribute("aria-expanded", "true");
  // Without accents, both leaders named Lò Văn who may see a commune draft: the commune's and the province's.
  await expect(list.getByRole("option")).toHaveText([/Lò Văn Hùng\s*@lanhdao\.xa/, /Lò Văn Thắng\s*@lanhdao\.tinh/]);
  await expect(list.getByRole("option").first()).toHaveAttribute("aria-selected", "true");
  if (SHOTS) await planner.screenshot({ path: `${SHOTS}/mention-list-laptop.png` });

  await box.press("ArrowDown");
  await expect(list.getByRole("option", { name: /Lò Văn Thắng/ })).toHaveAttribute("aria-selected", "true");
  await box.press("ArrowUp");
  const hung = list.getByRole("option", { name: /Lò Văn Hùng/ });
  await expect(hung).toHaveAttribute("aria-selected", "true");
  await expect(box).toHaveAttribute("aria-activedescendant", (await hung.getAttribute("id"))!);
  await box.press("Enter");
  await expect(box).toHaveValue("Nhờ anh @lanhdao.xa ");
  await expect(list).toBeHidden();
  await expect(box).toHaveAttribute("aria-expanded", "false");

  // Escape closes the list and leaves what was typed.
  await box.pressSequentially("và @");
  await expect(list).toBeVisible();
  await box.press("Escape");
  await expect(list).toBeHidden();
  await box.press("Backspace");
  await box.pressSequentially("xem giúp số phòng bán trú.");
  await planner.getByRole("button", { name: "Gửi ý kiến" }).click();
  await expect(box).toHaveValue("");
  const thread = planner.getByTestId("comment-thread").first();
  await expect(thread).toContainText("Nhắc đến: Lò Văn Hùng");
  await expect(thread.locator("strong", { hasText: "@lanhdao.xa" })).toBeVisible();
  await expect(planner.getByTestId("unnotified-mentions")).toHaveCount(0);

  // A mouse user sends with the list open: it does not lie over "Gửi", and the click closes it.
  const reply = thread.getByRole("combobox", { name: "Trả lời" });
  await reply.click();
  const lookedUp = lookupOf(planner, "lanhdao.tinh");
  await reply.pressSequentially("Nhờ anh @lanhdao.tinh");
  await lookedUp;
  await expect(list.getByRole("option")).toHaveText([/Lò Văn Thắng\s*@lanhdao\.tinh/]);
  if (SHOTS) await planner.screenshot({ path: `${SHOTS}/mention-list-reply-laptop.png` });
  await thread.getByRole("button", { name: "Gửi", exact: true }).click();
  await expect(reply).toHaveValue("");
  await expect(list).toBeHidden();
  await expect(thread).toContainText("Nhắc đến: Lò Văn Thắng");

  const leader = await pageFor(browser, "lanhdao.xa@chungtay.vn");
  await leader.goto("/notifications");
  await expect(
    leader.locator(`a[href*="${planId}"]`, { hasText: "Tòng Thị Xuân nhắc đến bạn trong thảo luận kế hoạch" }),
  ).toBeVisible();
});

test("a mention of someone who cannot see the plan is said so, and the comment still posts", async ({
  browser,
  baseURL,
}) => {
  const request = await signedInRequest(baseURL!, accounts.communePlanner);
  const planId = await createCommunePlan(request, "Kế hoạch kiểm thử nhắc người ngoài");
  const planner = await pageFor(browser, accounts.communePlanner, 390);
  await planner.goto(`/plans/${planId}?tab=discussion`);

  const box = planner.getByRole("combobox", { name: "Ý kiến mới" });
  await box.click();
  // The planner of the neighbouring commune is not offered: the draft is not theirs to see.
  await box.pressSequentially("@quang");
  await expect(planner.getByText("Không có ai xem được kế hoạch này khớp với “quang”.")).toBeVisible();
  await box.fill("Anh @canbo.xa2 cho ý kiến về số phòng bán trú.");
  await planner.getByRole("button", { name: "Gửi ý kiến" }).click();

  const notice = planner.getByTestId("unnotified-mentions");
  await expect(notice).toContainText("Ý kiến đã được gửi, nhưng có người không được báo:");
  await expect(notice).toContainText("Không thể báo cho @canbo.xa2: người này không xem được kế hoạch");
  if (SHOTS) await planner.screenshot({ path: `${SHOTS}/mention-unnotified-phone.png`, fullPage: true });
  const thread = planner.getByTestId("comment-thread").first();
  await expect(thread).toContainText("Anh @canbo.xa2 cho ý kiến về số phòng bán trú.");
  // The name reached nobody: it is not marked as a mention.
  await expect(thread.locator("strong", { hasText: "@canbo.xa2" })).toHaveCount(0);
  await expect(thread).not.toContainText("Nhắc đến:");
});
