import { describe, expect, it } from "vitest";
import {
  formatFileSize,
  amountInUnit,
  formatDate,
  formatInUnit,
  formatNumber,
  formatPercent,
  formatVnd,
  moneyUnit,
  unitNumberFormat,
} from "./format";

describe("Vietnamese formats", () => {
  it("writes file sizes with a decimal comma", () => {
    expect(formatFileSize(820)).toBe("820 byte");
    expect(formatFileSize(5 * 1024 + 512)).toBe("5,5 kB");
    expect(formatFileSize(35 * 1024)).toBe("35 kB");
    expect(formatFileSize(2.4 * 1024 * 1024)).toBe("2,4 MB");
    expect(formatFileSize(20 * 1024 * 1024)).toBe("20 MB");
  });

  it("writes money as officials read it: a decimal comma in tỷ, never rounding", () => {
    expect(formatVnd(20_586_000_000n)).toBe("20,586 tỷ đồng");
    expect(formatVnd(17_082_000_000n)).toBe("17,082 tỷ đồng");
    expect(formatVnd(1_250_000_000n)).toBe("1,25 tỷ đồng");
    expect(formatVnd(2_150_000_000n)).toBe("2,15 tỷ đồng");
    expect(formatVnd(3_000_000_000n)).toBe("3 tỷ đồng");
    expect(formatVnd(3_050_000_000n)).toBe("3,05 tỷ đồng");
    expect(formatVnd(3_600_000_000n)).toBe("3,6 tỷ đồng");
    expect(formatVnd(350_000_000)).toBe("350 triệu đồng");
    expect(formatVnd(54_000_000)).toBe("54 triệu đồng");
    // Where a short form would round, the full amount.
    expect(formatVnd(45_500_000)).toBe("45.500.000 đồng");
    expect(formatVnd(1_234_567_891n)).toBe("1.234.567.891 đồng");
    expect(formatVnd(20_586_000_001n)).toBe("20.586.000.001 đồng");
    expect(formatVnd(1_234_567)).toBe("1.234.567 đồng");
    expect(formatVnd(0)).toBe("0 đồng");
    expect(formatVnd(-54_000_000n)).toBe("-54 triệu đồng");
    expect(formatVnd(-1_250_000_000n)).toBe("-1,25 tỷ đồng");
    expect(formatVnd(1_234_567_000_000_000n)).toBe("1.234.567 tỷ đồng");
  });

  it("gives a table one money unit that loses no đồng, with the same decimals in every cell", () => {
    const millions = moneyUnit([20_586_000_000n, 17_082_000_000n, 0n, null]);
    expect(millions).toEqual({ label: "triệu đồng", divisor: 1_000_000n, decimals: 0 });
    expect(formatInUnit(20_586_000_000n, millions)).toBe("20.586");
    expect(formatInUnit(350_000_000n, millions)).toBe("350");
    expect(amountInUnit(20_586_000_000n, millions)).toBe(20_586);
    expect(unitNumberFormat(millions)).toBe("#,##0");

    const tenths = moneyUnit([20_586_000_000n, 45_500_000n]);
    expect(tenths.decimals).toBe(1);
    expect(formatInUnit(45_500_000n, tenths)).toBe("45,5");
    expect(formatInUnit(20_586_000_000n, tenths)).toBe("20.586,0");
    expect(amountInUnit(45_500_000n, tenths)).toBe(45.5);
    expect(unitNumberFormat(tenths)).toBe("#,##0.0");

    const thousandths = moneyUnit([1_234_567_000n, 2_000_000n]);
    expect(formatInUnit(1_234_567_000n, thousandths)).toBe("1.234,567");
    expect(formatInUnit(-2_000_000n, thousandths)).toBe("-2,000");

    // A cell with đồng below a thousand, or a table of small sums: the whole table in đồng.
    const dong = moneyUnit([20_586_000_000n, 1_234_567_891n]);
    expect(dong).toEqual({ label: "đồng", divisor: 1n, decimals: 0 });
    expect(formatInUnit(20_586_000_000n, dong)).toBe("20.586.000.000");
    expect(moneyUnit([500_000n, 250_000n]).label).toBe("đồng");
    expect(moneyUnit([]).label).toBe("triệu đồng");
  });

  it("uses dots for thousands and a comma for decimals", () => {
    expect(formatNumber(1_612)).toBe("1.612");
    expect(formatNumber(13.125, 2)).toBe("13,13");
    expect(formatPercent(84.35)).toBe("84,35%");
    expect(formatPercent(100)).toBe("100,00%");
    // The English interface reads plain numbers its own way (money and dates stay Vietnamese).
    expect(formatNumber(1_612, 0, "en")).toBe("1,612");
    expect(formatNumber(13.125, 2, "en")).toBe("13.13");
    expect(formatPercent(84.35, 2, "en")).toBe("84.35%");
  });

  it("writes dates as dd/MM/yyyy in Vietnam's time zone", () => {
    expect(formatDate(new Date("2026-03-05T00:00:00Z"))).toBe("05/03/2026");
    // 20:00 UTC on 4 March is already 5 March in Hà Nội.
    expect(formatDate(new Date("2026-03-04T20:00:00Z"))).toBe("05/03/2026");
    expect(formatDate(null)).toBe("");
  });
});
