import { expect, test } from "@playwright/test";
import { accounts } from "./fixtures";
import { collabToken, createCommunePlan, openTestEditor, signedInRequest } from "./support/collab-client";

/** Node editors on the real server's socket, with tokens from the same endpoint the browser uses. */
test.describe("collaboration socket", () => {
  test("the token endpoint needs a signed-in user", async ({ request }) => {
    expect((await request.post("/api/collab/token")).status()).toBe(401);
  });

  test("two editors converge; a viewer's update is rejected; an outsider is refused", async ({ baseURL }) => {
    const planner = await signedInRequest(baseURL!, accounts.communePlanner);
    const planId = await createCommunePlan(planner, "Kế hoạch kiểm thử đồng soạn qua socket");
    const [a, b] = [
      openTestEditor(baseURL!, planId, await collabToken(planner)),
      openTestEditor(baseURL!, planId, await collabToken(planner)),
    ];
    expect(await a.authenticated).toBe("read-write");
    expect(await b.authenticated).toBe("read-write");

    a.type("Huy động 100% trẻ 6 tuổi vào lớp 1. ");
    b.type("Xóa phòng học tạm. ");
    await expect
      .poll(() => a.text() === b.text() && a.text().includes("lớp 1") && a.text().includes("phòng học tạm"))
      .toBe(true);
    await a.saved();
    await b.saved();

    const stakeholder = await signedInRequest(baseURL!, accounts.stakeholder);
    const viewer = openTestEditor(baseURL!, planId, await collabToken(stakeholder));
    expect(await viewer.authenticated).toBe("readonly");
    await expect.poll(() => viewer.text()).toBe(a.text());
    viewer.type("Sửa trái phép");
    a.type("Sau đó.");
    await expect.poll(() => viewer.text().includes("Sau đó.")).toBe(true);
    await a.saved();
    expect(a.text()).not.toContain("Sửa trái phép");

    const neighbour = await signedInRequest(baseURL!, accounts.neighbourPlanner);
    const outsider = openTestEditor(baseURL!, planId, await collabToken(neighbour));
    expect(await outsider.refused).toBe("permission-denied");
    expect(outsider.text()).toBe("");

    // A fresh editor loads what was stored, and never the viewer's text.
    const late = openTestEditor(baseURL!, planId, await collabToken(planner));
    await expect.poll(() => late.text()).toBe(a.text());
    for (const editor of [a, b, viewer, outsider, late]) editor.close();
  });
});
