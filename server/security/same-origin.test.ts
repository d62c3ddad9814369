import { describe, expect, it } from "vitest";
import { isCrossSiteWrite } from "./same-origin";

const request = (method: string, headers: Record<string, string>) =>
  new Request("http://chungtay.local/api/trpc/plans.create", { method, headers });

describe("cross-site write guard", () => {
  it("lets same-site writes and all reads through", () => {
    expect(isCrossSiteWrite(request("POST", { host: "chungtay.local", origin: "http://chungtay.local" }))).toBe(false);
    expect(isCrossSiteWrite(request("POST", { host: "chungtay.local" }))).toBe(false);
    expect(isCrossSiteWrite(request("GET", { host: "chungtay.local", origin: "https://evil.example" }))).toBe(false);
    expect(
      isCrossSiteWrite(
        request("POST", {
          host: "10.0.0.5:3000",
          "x-forwarded-host": "kehoach.dienbien.gov.vn",
          origin: "https://kehoach.dienbien.gov.vn",
        }),
      ),
    ).toBe(false);
  });
  it("refuses writes from another site, an opaque origin or a malformed one", () => {
    expect(isCrossSiteWrite(request("POST", { host: "chungtay.local", origin: "https://evil.example" }))).toBe(true);
    expect(isCrossSiteWrite(request("POST", { host: "chungtay.local", origin: "null" }))).toBe(true);
    expect(isCrossSiteWrite(request("POST", { host: "chungtay.local", origin: "not a url" }))).toBe(true);
  });
});
