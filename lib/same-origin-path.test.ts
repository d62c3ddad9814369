import { describe, expect, it } from "vitest";
import { sameOriginPath } from "./same-origin-path";

describe("redirect targets after sign-in", () => {
  it("keeps paths on this site with their query and hash", () => {
    expect(sameOriginPath("/plans?trang=2#muc-tieu")).toBe("/plans?trang=2#muc-tieu");
    expect(sameOriginPath("/plans/abc")).toBe("/plans/abc");
    // Encoded characters stay encoded: a path of this site, never a host.
    expect(sameOriginPath("/%5Cevil.example/phish")).toBe("/%5Cevil.example/phish");
    expect(sameOriginPath("https://kehoach.dienbien.gov.vn/plans", "https://kehoach.dienbien.gov.vn")).toBe("/plans");
  });

  it("turns every way of naming another site into the home page", () => {
    for (const target of [
      "//evil.example/phish",
      "/\\evil.example/phish",
      decodeURIComponent("/%5Cevil.example/phish"),
      decodeURIComponent("/%09/evil.example/phish"),
      "/\\/evil.example",
      "\\\\evil.example",
      "https://evil.example/phish",
      " //evil.example",
      "/.//evil.example",
      "/plans/../..//evil.example",
      "javascript:alert(1)",
      "http://[::1",
      "",
      null,
      undefined,
    ])
      expect(sameOriginPath(target), JSON.stringify(target)).toBe("/");
    expect(sameOriginPath("https://evil.example/", "https://kehoach.dienbien.gov.vn")).toBe("/");
  });
});
