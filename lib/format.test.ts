import { describe, expect, it } from "vitest";
import { formatDate, formatNumber, formatPercent, formatVnd } from "./format";

describe("Vietnamese formats", () => {
  it("writes money as officials read it, never rounding", () => {
    expect(formatVnd(20_586_000_000n)).toBe("20.586 tỷ đồng");
    expect(formatVnd(17_082_000_000n)).toBe("17.082 tỷ đồng");
    expect(formatVnd(3_000_000_000n)).toBe("3 tỷ đồng");
    expect(formatVnd(3_050_000_000n)).toBe("3.050 tỷ đồng");
    expect(formatVnd(3_600_000_000n)).toBe("3.600 tỷ đồng");
    expect(formatVnd(54_000_000)).toBe("54 triệu đồng");
    expect(formatVnd(1_234_567)).toBe("1.234.567 đ");
    expect(formatVnd(20_586_000_001n)).toBe("20.586.000.001 đ");
    expect(formatVnd(0)).toBe("0 đ");
    expect(formatVnd(-54_000_000n)).toBe("-54 triệu đồng");
    expect(formatVnd(1_234_567_000_000_000n)).toBe("1.234.567 tỷ đồng");
  });

  it("uses dots for thousands and a comma for decimals", () => {
    expect(formatNumber(1_612)).toBe("1.612");
    expect(formatNumber(13.125, 2)).toBe("13,13");
    expect(formatPercent(84.35)).toBe("84,35%");
    expect(formatPercent(100)).toBe("100,00%");
  });

  it("writes dates as dd/MM/yyyy in Vietnam's time zone", () => {
    expect(formatDate(new Date("2026-03-05T00:00:00Z"))).toBe("05/03/2026");
    // 20:00 UTC on 4 March is already 5 March in Hà Nội.
    expect(formatDate(new Date("2026-03-04T20:00:00Z"))).toBe("05/03/2026");
    expect(formatDate(null)).toBe("");
  });
});
