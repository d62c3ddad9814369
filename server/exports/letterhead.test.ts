import { describe, expect, it } from "vitest";
import { vietnameseDate } from "./decree30";
import { contentDisposition, documentFormatOf, rollupQueryOf } from "./download";
import { describeIssuingBody } from "./issuing-body";
import { periodPhrase, planReference } from "./labels";
import { signingPosition } from "./signer";

const province = { name: "Tỉnh Điện Biên", level: "province" as const, path: "/11/" };
const district = { name: "Huyện Tuần Giáo", level: "district" as const, path: "/11/099/" };

describe("the parts of a Decree 30 document", () => {
  it("names the issuer as the Decree heads documents, with the place from the nearest local government", () => {
    expect(
      describeIssuingBody({ name: "Xã Quài Nưa", level: "commune", path: "/11/099/03180/" }, [province, district]),
    ).toEqual({
      governing: null,
      name: ["ỦY BAN NHÂN DÂN", "XÃ QUÀI NƯA"],
      fullName: "Ủy ban nhân dân xã Quài Nưa",
      place: "Quài Nưa",
      abbreviation: "UBND",
    });
    expect(
      describeIssuingBody(
        { name: "Phòng Giáo dục và Đào tạo huyện Tuần Giáo", level: "agency", path: "/11/099/099-PGDDT/" },
        [district, province],
      ),
    ).toEqual({
      governing: "UBND HUYỆN TUẦN GIÁO",
      name: ["PHÒNG GIÁO DỤC VÀ ĐÀO TẠO"],
      fullName: "Phòng Giáo dục và Đào tạo huyện Tuần Giáo",
      place: "Tuần Giáo",
      abbreviation: "PGDĐT",
    });
    expect(
      describeIssuingBody({ name: "Sở Giáo dục và Đào tạo tỉnh Điện Biên", level: "agency", path: "/11/11-SGDDT/" }, [
        province,
      ]),
    ).toMatchObject({
      governing: "UBND TỈNH ĐIỆN BIÊN",
      name: ["SỞ GIÁO DỤC VÀ ĐÀO TẠO"],
      place: "Điện Biên",
      abbreviation: "SGDĐT",
    });
    // A mass organisation is not under the People's Committee.
    expect(
      describeIssuingBody({ name: "Hội Liên hiệp Phụ nữ tỉnh Điện Biên", level: "agency", path: "/11/11-HLHPN/" }, [
        province,
      ]),
    ).toMatchObject({
      governing: null,
      name: ["HỘI LIÊN HIỆP PHỤ NỮ TỈNH ĐIỆN BIÊN"],
    });
    expect(
      describeIssuingBody({ name: "Thành phố Điện Biên Phủ", level: "district", path: "/11/094/" }, [province]).place,
    ).toBe("Điện Biên Phủ");
  });

  it("writes the signer's position: on behalf of (TM.) a committee, for (KT.) the head when a deputy signs", () => {
    expect(signingPosition("Chủ tịch UBND xã")).toEqual(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]);
    expect(signingPosition("Phó Chủ tịch Ủy ban nhân dân huyện")).toEqual([
      "TM. ỦY BAN NHÂN DÂN",
      "KT. CHỦ TỊCH",
      "PHÓ CHỦ TỊCH",
    ]);
    expect(signingPosition("Phó Giám đốc Sở")).toEqual(["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]);
    expect(signingPosition("Trưởng phòng GDĐT")).toEqual(["TRƯỞNG PHÒNG"]);
    expect(signingPosition("Chuyên viên Phòng GDĐT")).toEqual(["CHUYÊN VIÊN PHÒNG GDĐT"]);
    expect(signingPosition("")).toEqual([]);
  });

  it("dates as the Decree writes dates, and names reporting periods", () => {
    expect(vietnameseDate(new Date("2025-03-05"), 2025)).toBe("ngày 05 tháng 3 năm 2025");
    expect(vietnameseDate(new Date("2022-01-19"), 2022)).toBe("ngày 19 tháng 01 năm 2022");
    expect(vietnameseDate(null, 2025)).toBe("ngày … tháng … năm 2025");
    expect(periodPhrase("2025-H1")).toBe("6 tháng đầu năm 2025");
    expect(periodPhrase("2025-H2")).toBe("6 tháng cuối năm 2025");
    expect(periodPhrase("2025")).toBe("năm 2025");
  });

  it("writes a plan's number and symbol, and a draft without one as the screen says it", () => {
    expect(planReference({ number: "2543", symbol: "KH-SGDĐT" })).toBe("2543/KH-SGDĐT");
    expect(planReference({ number: null, symbol: "KH-UBND" })).toBe("Chưa có số");
  });

  it("names downloads in ASCII and in UTF-8, and reads the dashboard's query", () => {
    expect(contentDisposition("2543-KH-SGDĐT.docx")).toBe(
      "attachment; filename=\"2543-kh-sgddt.docx\"; filename*=UTF-8''2543-KH-SGD%C4%90T.docx",
    );
    expect(contentDisposition("Báo cáo Huyện Tuần Giáo 2025-H1.docx")).toMatch(
      /^attachment; filename="bao-cao-huyen-tuan-giao-2025-h1\.docx"; filename\*=UTF-8''B%C3%A1o%20c%C3%A1o%20/,
    );
    expect(rollupQueryOf(new Request("http://x/api/export/report?unit=u1&period=2025-H1&set=TC"))).toEqual({
      unit: { id: "u1" },
      period: "2025-H1",
      setCode: "TC",
    });
    expect(() => rollupQueryOf(new Request("http://x/api/export/report?unit=u1"))).toThrow(
      expect.objectContaining({ code: "BAD_REQUEST", fieldErrors: { period: ["validation.required"] } }),
    );
  });

  it("reads the format of a document download: DOCX unless PDF is asked for, anything else refused", () => {
    expect(documentFormatOf(new Request("http://x/api/export/plan/p1"))).toBe("docx");
    expect(documentFormatOf(new Request("http://x/api/export/plan/p1?format=PDF"))).toBe("pdf");
    expect(documentFormatOf(new Request("http://x/api/export/report?unit=u1&period=2025&format=docx"))).toBe("docx");
    expect(() => documentFormatOf(new Request("http://x/api/export/plan/p1?format=exe"))).toThrow(
      expect.objectContaining({ code: "BAD_REQUEST", fieldErrors: { format: ["validation.format"] } }),
    );
  });
});
