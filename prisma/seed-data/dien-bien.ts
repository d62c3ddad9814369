/**
 * Demo data for the province Điện Biên. Its administrative units are the real ones, created
 * from the official lists (server/reference): the province, its 45 communes and wards since
 * 1 July 2025, and its 10 districts and 129 communes until 30 June 2025, each linked to the
 * commune it became. Here are only what the lists lack: departments, district offices and
 * schools (attached to the units of before the reform, where the demo's plans of 2021–2025
 * were written), people, plans and the 2025 results of Tuần Giáo's communes. Codes are the
 * units' codes in the database (see PRE_REFORM_SUFFIX); people, plan numbers, statuses and
 * results are illustrative.
 */

import { PRE_REFORM_END, type PlannedUnit } from "../../server/reference/province-tree";

export type SeedUserRole = "planner" | "leader" | "stakeholder" | "admin";

export interface SeedUser {
  email: string;
  name: string;
  role: SeedUserRole;
  unitCode: string;
  /** Vietnamese job title. */
  title: string;
}

export type SeedProgramCode = "NTM-2021-2025" | "NTM-2026-2030";

export type SeedPlanStatus = "draft" | "submitted" | "returned" | "approved";

export interface SeedPlanRef {
  number: string;
  symbol: string;
}

export interface SeedPlan {
  number: string;
  symbol: string;
  title: string;
  /** ISO date. */
  issuedOn: string;
  issuingUnitCode: string;
  programCode: SeedProgramCode;
  periodStart: number;
  periodEnd: number;
  year: number | null;
  status: SeedPlanStatus;
  parent: SeedPlanRef | null;
}

/** The province's own code in the official lists. */
export const DEMO_PROVINCE_CODE = "11";

const districtOffices: [code: string, place: string][] = [
  ["094", "thành phố Điện Biên Phủ"],
  ["095", "thị xã Mường Lay"],
  ["096", "huyện Mường Nhé"],
  ["097", "huyện Mường Chà"],
  ["098", "huyện Tủa Chùa"],
  ["099", "huyện Tuần Giáo"],
  ["100", "huyện Điện Biên"],
  ["101", "huyện Điện Biên Đông"],
  ["102", "huyện Mường Ảng"],
  ["103", "huyện Nậm Pồ"],
];

/** Departments, district education offices (abolished with their districts) and schools. */
export const demoUnits: PlannedUnit[] = [
  { code: "11-SGDDT", name: "Sở Giáo dục và Đào tạo tỉnh Điện Biên", level: "agency", parentCode: "11" },
  { code: "11-VPDP", name: "Văn phòng Điều phối Nông thôn mới tỉnh Điện Biên", level: "agency", parentCode: "11" },
  { code: "11-MTTQ", name: "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Điện Biên", level: "agency", parentCode: "11" },
  { code: "11-HLHPN", name: "Hội Liên hiệp Phụ nữ tỉnh Điện Biên", level: "agency", parentCode: "11" },
  ...districtOffices.map(([code, place]) => ({
    code: `${code}-PGDDT`,
    name: `Phòng Giáo dục và Đào tạo ${place}`,
    level: "agency" as const,
    parentCode: code,
    validTo: PRE_REFORM_END,
  })),

  // Schools (still operating; no end date)
  { code: "03274-THCS", name: "Trường PTDTBT THCS Quài Nưa", level: "school", parentCode: "03274" },
  { code: "03274-TH", name: "Trường Tiểu học Quài Nưa", level: "school", parentCode: "03274" },
  { code: "03274-MN", name: "Trường Mầm non Quài Nưa", level: "school", parentCode: "03274" },
  { code: "03289-THCS", name: "Trường THCS Quài Cang", level: "school", parentCode: "03289" },
  { code: "03289-TH", name: "Trường Tiểu học Quài Cang", level: "school", parentCode: "03289" },
  { code: "03268-TH", name: "Trường PTDTBT Tiểu học Mường Mùn", level: "school", parentCode: "03268-cu" },
  { code: "03298-MN", name: "Trường Mầm non Chiềng Sinh", level: "school", parentCode: "03298" },
  { code: "03322-MN", name: "Trường Mầm non Thanh Nưa", level: "school", parentCode: "03322" },
  { code: "03352-THCS", name: "Trường THCS Noọng Hẹt", level: "school", parentCode: "03352-cu" },
  { code: "03328-TH", name: "Trường Tiểu học Thanh Luông", level: "school", parentCode: "03328-cu" },
  { code: "03355-THCS", name: "Trường THCS Sam Mứn", level: "school", parentCode: "03355" },
  { code: "03145-TH-THCS", name: "Trường PTDTBT Tiểu học và THCS Thanh Minh", level: "school", parentCode: "03145" },
];

export const users: SeedUser[] = [
  {
    email: "admin@chungtay.vn",
    name: "Nguyễn Đức Minh",
    role: "admin",
    unitCode: "11",
    title: "Quản trị hệ thống",
  },
  {
    email: "lanhdao.tinh@chungtay.vn",
    name: "Lò Văn Thắng",
    role: "leader",
    unitCode: "11",
    title: "Phó Chủ tịch UBND tỉnh",
  },
  {
    email: "canbo.tinh@chungtay.vn",
    name: "Quàng Thị Hoa",
    role: "planner",
    unitCode: "11-SGDDT",
    title: "Chuyên viên Sở Giáo dục và Đào tạo",
  },
  {
    email: "lanhdao.huyen@chungtay.vn",
    name: "Lường Văn Quý",
    role: "leader",
    unitCode: "099",
    title: "Phó Chủ tịch UBND huyện",
  },
  {
    email: "canbo.huyen@chungtay.vn",
    name: "Cà Thị Thu Hằng",
    role: "planner",
    unitCode: "099-PGDDT",
    title: "Chuyên viên Phòng GDĐT",
  },
  {
    email: "lanhdao.xa@chungtay.vn",
    name: "Lò Văn Hùng",
    role: "leader",
    unitCode: "03274",
    title: "Chủ tịch UBND xã",
  },
  {
    email: "canbo.xa@chungtay.vn",
    name: "Tòng Thị Xuân",
    role: "planner",
    unitCode: "03274",
    title: "Công chức Văn hóa – Xã hội",
  },
  {
    email: "canbo.xa2@chungtay.vn",
    name: "Quàng Văn Thanh",
    role: "planner",
    unitCode: "03289",
    title: "Công chức Văn hóa – Xã hội",
  },
  {
    email: "benlienquan@chungtay.vn",
    name: "Vì Thị Lan",
    role: "stakeholder",
    unitCode: "099",
    title: "Chủ tịch Hội Liên hiệp Phụ nữ huyện",
  },
];

export const plans: SeedPlan[] = [
  {
    number: "2543",
    symbol: "KH-SGDĐT",
    title:
      "Kế hoạch tổ chức thực hiện phong trào thi đua “Cả nước chung tay xây dựng nông thôn mới” giai đoạn 2021–2025 của ngành Giáo dục và Đào tạo",
    issuedOn: "2022-10-19",
    issuingUnitCode: "11-SGDDT",
    programCode: "NTM-2021-2025",
    periodStart: 2021,
    periodEnd: 2025,
    year: null,
    status: "approved",
    parent: null,
  },
  {
    number: "2835",
    symbol: "KH-SGDĐT",
    title:
      "Kế hoạch thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới tỉnh Điện Biên trong lĩnh vực giáo dục giai đoạn 2021–2025",
    issuedOn: "2022-11-15",
    issuingUnitCode: "11-SGDDT",
    programCode: "NTM-2021-2025",
    periodStart: 2021,
    periodEnd: 2025,
    year: null,
    status: "approved",
    parent: null,
  },
  {
    number: "156",
    symbol: "KH-PGDĐT",
    title:
      "Kế hoạch thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới trong lĩnh vực giáo dục trên địa bàn huyện Tuần Giáo năm 2023",
    issuedOn: "2023-02-20",
    issuingUnitCode: "099-PGDDT",
    programCode: "NTM-2021-2025",
    periodStart: 2021,
    periodEnd: 2025,
    year: 2023,
    status: "approved",
    parent: { number: "2835", symbol: "KH-SGDĐT" },
  },
  {
    number: "47",
    symbol: "KH-PGDĐT",
    title:
      "Kế hoạch thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới trong lĩnh vực giáo dục trên địa bàn huyện Tuần Giáo năm 2024",
    issuedOn: "2024-01-25",
    issuingUnitCode: "099-PGDDT",
    programCode: "NTM-2021-2025",
    periodStart: 2021,
    periodEnd: 2025,
    year: 2024,
    status: "approved",
    parent: { number: "2835", symbol: "KH-SGDĐT" },
  },
  {
    number: "98",
    symbol: "KH-PGDĐT",
    title:
      "Kế hoạch thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới trong lĩnh vực giáo dục trên địa bàn huyện Điện Biên năm 2024",
    issuedOn: "2024-02-06",
    issuingUnitCode: "100-PGDDT",
    programCode: "NTM-2021-2025",
    periodStart: 2021,
    periodEnd: 2025,
    year: 2024,
    status: "approved",
    parent: { number: "2835", symbol: "KH-SGDĐT" },
  },
  {
    number: "45",
    symbol: "KH-UBND",
    title:
      "Kế hoạch thực hiện tiêu chí Trường học (tiêu chí số 5) và Giáo dục và Đào tạo (tiêu chí số 14) trong xây dựng nông thôn mới xã Quài Nưa năm 2024",
    issuedOn: "2024-03-04",
    issuingUnitCode: "03274",
    programCode: "NTM-2021-2025",
    periodStart: 2021,
    periodEnd: 2025,
    year: 2024,
    status: "approved",
    parent: { number: "47", symbol: "KH-PGDĐT" },
  },
  {
    number: "38",
    symbol: "KH-UBND",
    title:
      "Kế hoạch thực hiện tiêu chí Trường học (tiêu chí số 5) và Giáo dục và Đào tạo (tiêu chí số 14) trong xây dựng nông thôn mới xã Quài Nưa năm 2025",
    issuedOn: "2025-02-14",
    issuingUnitCode: "03274",
    programCode: "NTM-2021-2025",
    periodStart: 2021,
    periodEnd: 2025,
    year: 2025,
    status: "submitted",
    parent: { number: "47", symbol: "KH-PGDĐT" },
  },
  {
    number: "112",
    symbol: "KH-UBND",
    title:
      "Kế hoạch thực hiện tiêu chí Trường học (tiêu chí số 5) và Giáo dục và Đào tạo (tiêu chí số 14) trong xây dựng nông thôn mới xã Quài Nưa năm 2025 (bổ sung, điều chỉnh)",
    issuedOn: "2025-06-09",
    issuingUnitCode: "03274",
    programCode: "NTM-2021-2025",
    periodStart: 2021,
    periodEnd: 2025,
    year: 2025,
    status: "draft",
    parent: { number: "47", symbol: "KH-PGDĐT" },
  },
  {
    number: "52",
    symbol: "KH-UBND",
    title:
      "Kế hoạch thực hiện tiêu chí Trường học (tiêu chí số 5) và Giáo dục và Đào tạo (tiêu chí số 14) trong xây dựng nông thôn mới xã Quài Cang năm 2024",
    issuedOn: "2024-03-11",
    issuingUnitCode: "03289",
    programCode: "NTM-2021-2025",
    periodStart: 2021,
    periodEnd: 2025,
    year: 2024,
    status: "approved",
    parent: { number: "47", symbol: "KH-PGDĐT" },
  },
  {
    number: "41",
    symbol: "KH-UBND",
    title:
      "Kế hoạch thực hiện tiêu chí Trường học (tiêu chí số 5) và Giáo dục và Đào tạo (tiêu chí số 14) trong xây dựng nông thôn mới xã Quài Cang năm 2025",
    issuedOn: "2025-02-20",
    issuingUnitCode: "03289",
    programCode: "NTM-2021-2025",
    periodStart: 2021,
    periodEnd: 2025,
    year: 2025,
    status: "returned",
    parent: { number: "47", symbol: "KH-PGDĐT" },
  },
  {
    number: "60",
    symbol: "KH-UBND",
    title:
      "Kế hoạch thực hiện tiêu chí Trường học (tiêu chí số 5) và Giáo dục và Đào tạo (tiêu chí số 14) trong xây dựng nông thôn mới xã Quài Tở năm 2025",
    issuedOn: "2025-03-03",
    issuingUnitCode: "03295-cu",
    programCode: "NTM-2021-2025",
    periodStart: 2021,
    periodEnd: 2025,
    year: 2025,
    status: "submitted",
    parent: { number: "47", symbol: "KH-PGDĐT" },
  },
  {
    number: "49",
    symbol: "KH-UBND",
    title:
      "Kế hoạch thực hiện tiêu chí Trường học (tiêu chí số 5) và Giáo dục và Đào tạo (tiêu chí số 14) trong xây dựng nông thôn mới xã Chiềng Sinh năm 2024",
    issuedOn: "2024-03-07",
    issuingUnitCode: "03298",
    programCode: "NTM-2021-2025",
    periodStart: 2021,
    periodEnd: 2025,
    year: 2024,
    status: "approved",
    parent: { number: "47", symbol: "KH-PGDĐT" },
  },
  {
    number: "37",
    symbol: "KH-UBND",
    title:
      "Kế hoạch thực hiện tiêu chí Trường học (tiêu chí số 5) và Giáo dục và Đào tạo (tiêu chí số 14) trong xây dựng nông thôn mới xã Thanh Nưa năm 2024",
    issuedOn: "2024-03-01",
    issuingUnitCode: "03322",
    programCode: "NTM-2021-2025",
    periodStart: 2021,
    periodEnd: 2025,
    year: 2024,
    status: "approved",
    parent: { number: "98", symbol: "KH-PGDĐT" },
  },
  {
    number: "29",
    symbol: "KH-UBND",
    title:
      "Kế hoạch thực hiện tiêu chí Trường học (tiêu chí số 5) và Giáo dục và Đào tạo (tiêu chí số 14) trong xây dựng nông thôn mới xã Thanh Nưa năm 2025",
    issuedOn: "2025-02-12",
    issuingUnitCode: "03322",
    programCode: "NTM-2021-2025",
    periodStart: 2021,
    periodEnd: 2025,
    year: 2025,
    status: "submitted",
    parent: { number: "98", symbol: "KH-PGDĐT" },
  },
  {
    number: "58",
    symbol: "KH-UBND",
    title:
      "Kế hoạch thực hiện tiêu chí Trường học (tiêu chí số 5) và Giáo dục và Đào tạo (tiêu chí số 14) trong xây dựng nông thôn mới xã Noọng Hẹt năm 2024",
    issuedOn: "2024-03-15",
    issuingUnitCode: "03352-cu",
    programCode: "NTM-2021-2025",
    periodStart: 2021,
    periodEnd: 2025,
    year: 2024,
    status: "approved",
    parent: { number: "98", symbol: "KH-PGDĐT" },
  },
  {
    number: "44",
    symbol: "KH-UBND",
    title:
      "Kế hoạch thực hiện tiêu chí Trường học (tiêu chí số 5) và Giáo dục và Đào tạo (tiêu chí số 14) trong xây dựng nông thôn mới xã Noọng Hẹt năm 2025",
    issuedOn: "2025-03-05",
    issuingUnitCode: "03352-cu",
    programCode: "NTM-2021-2025",
    periodStart: 2021,
    periodEnd: 2025,
    year: 2025,
    status: "draft",
    parent: { number: "98", symbol: "KH-PGDĐT" },
  },
  {
    number: "33",
    symbol: "KH-UBND",
    title:
      "Kế hoạch thực hiện tiêu chí Trường học (tiêu chí số 5) và Giáo dục và Đào tạo (tiêu chí số 14) trong xây dựng nông thôn mới xã Thanh Luông năm 2025",
    issuedOn: "2025-02-18",
    issuingUnitCode: "03328-cu",
    programCode: "NTM-2021-2025",
    periodStart: 2021,
    periodEnd: 2025,
    year: 2025,
    status: "returned",
    parent: { number: "98", symbol: "KH-PGDĐT" },
  },
  {
    number: "51",
    symbol: "KH-UBND",
    title:
      "Kế hoạch thực hiện tiêu chí Trường học (tiêu chí số 5) và Giáo dục và Đào tạo (tiêu chí số 14) trong xây dựng nông thôn mới xã Sam Mứn năm 2025",
    issuedOn: "2025-02-25",
    issuingUnitCode: "03355",
    programCode: "NTM-2021-2025",
    periodStart: 2021,
    periodEnd: 2025,
    year: 2025,
    status: "approved",
    parent: { number: "98", symbol: "KH-PGDĐT" },
  },
  {
    number: "27",
    symbol: "KH-UBND",
    title:
      "Kế hoạch thực hiện tiêu chí Trường học (tiêu chí số 5) và Giáo dục và Đào tạo (tiêu chí số 14) trong xây dựng nông thôn mới xã Thanh Minh năm 2025",
    issuedOn: "2025-02-10",
    issuingUnitCode: "03145",
    programCode: "NTM-2021-2025",
    periodStart: 2021,
    periodEnd: 2025,
    year: 2025,
    status: "submitted",
    parent: { number: "2835", symbol: "KH-SGDĐT" },
  },
  {
    number: "412",
    symbol: "KH-SGDĐT",
    title:
      "Kế hoạch thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới, giảm nghèo bền vững và phát triển vùng đồng bào dân tộc thiểu số trong lĩnh vực giáo dục giai đoạn 2026–2030",
    issuedOn: "2025-12-18",
    issuingUnitCode: "11-SGDDT",
    programCode: "NTM-2026-2030",
    periodStart: 2026,
    periodEnd: 2030,
    year: null,
    status: "draft",
    parent: null,
  },
];

/**
 * Results of 2025 for communes of Tuần Giáo before the reform: how many of the 19 criteria
 * each met, and at which criteria it fell short. Quài Nưa "maintains 16/19 criteria".
 */
export const demoAssessments2025: { unitCode: string; notMet: number[]; advanced?: number[] }[] = [
  { unitCode: "03253-cu", notMet: [], advanced: [2, 4, 8, 15] },
  { unitCode: "03274", notMet: [5, 10, 11] },
  { unitCode: "03289", notMet: [5, 6, 10, 11, 13, 14, 17] },
  { unitCode: "03295-cu", notMet: [2, 5, 6, 7, 10, 11, 12, 13, 14, 17] },
  { unitCode: "03298", notMet: [5, 10, 11, 14] },
  { unitCode: "03265", notMet: [2, 5, 7, 10, 11, 13, 17] },
  { unitCode: "03277", notMet: [5, 11] },
];
