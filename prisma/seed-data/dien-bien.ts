/**
 * Seed data for the demo province Điện Biên, as it was organised BEFORE the
 * July 2025 administrative reform (districts abolished on 1 July 2025).
 *
 * The data imitates the real province: unit names follow the real
 * administrative units of Điện Biên, district codes are the official GSO
 * codes, and commune codes imitate the official 5-digit GSO codes (assigned
 * in ascending order from 03124, grouped by district). Schools, people, plan
 * numbers and plan statuses are illustrative demo data.
 */

export type SeedUnitLevel = "province" | "district" | "commune" | "agency" | "school";

export interface SeedUnit {
  code: string;
  name: string;
  level: SeedUnitLevel;
  parentCode: string | null;
  /** ISO date (inclusive) after which the unit no longer exists. */
  validTo?: string;
}

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

export interface SeedProgram {
  code: string;
  name: string;
  nameEn: string;
  periodStart: number;
  periodEnd: number;
}

export const programs: SeedProgram[] = [
  {
    code: "NTM-2021-2025",
    name: "Chương trình MTQG xây dựng nông thôn mới giai đoạn 2021–2025",
    nameEn: "National Target Program on New Rural Development 2021–2025",
    periodStart: 2021,
    periodEnd: 2025,
  },
  {
    code: "NTM-2026-2030",
    name: "Chương trình MTQG xây dựng nông thôn mới, giảm nghèo bền vững và phát triển vùng đồng bào dân tộc thiểu số giai đoạn 2026–2035",
    nameEn:
      "National Target Program on New Rural Development, Sustainable Poverty Reduction and Development of Ethnic Minority Areas 2026–2035",
    periodStart: 2026,
    periodEnd: 2035,
  },
  {
    code: "GNBV-2021-2025",
    name: "Chương trình MTQG giảm nghèo bền vững giai đoạn 2021–2025",
    nameEn: "National Target Program on Sustainable Poverty Reduction 2021–2025",
    periodStart: 2021,
    periodEnd: 2025,
  },
];

/** Last day on which district-level units (and the pre-reform communes) existed. */
const PRE_REFORM_END = "2025-06-30";

export const units: SeedUnit[] = [
  // Province
  { code: "11", name: "Tỉnh Điện Biên", level: "province", parentCode: null },

  // Province-level agencies
  { code: "11-SGDDT", name: "Sở Giáo dục và Đào tạo tỉnh Điện Biên", level: "agency", parentCode: "11" },
  { code: "11-VPDP", name: "Văn phòng Điều phối Nông thôn mới tỉnh Điện Biên", level: "agency", parentCode: "11" },
  { code: "11-MTTQ", name: "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Điện Biên", level: "agency", parentCode: "11" },
  { code: "11-HLHPN", name: "Hội Liên hiệp Phụ nữ tỉnh Điện Biên", level: "agency", parentCode: "11" },

  // District-level units (abolished 1 July 2025)
  { code: "094", name: "Thành phố Điện Biên Phủ", level: "district", parentCode: "11", validTo: PRE_REFORM_END },
  { code: "095", name: "Thị xã Mường Lay", level: "district", parentCode: "11", validTo: PRE_REFORM_END },
  { code: "096", name: "Huyện Mường Nhé", level: "district", parentCode: "11", validTo: PRE_REFORM_END },
  { code: "097", name: "Huyện Mường Chà", level: "district", parentCode: "11", validTo: PRE_REFORM_END },
  { code: "098", name: "Huyện Tủa Chùa", level: "district", parentCode: "11", validTo: PRE_REFORM_END },
  { code: "099", name: "Huyện Tuần Giáo", level: "district", parentCode: "11", validTo: PRE_REFORM_END },
  { code: "100", name: "Huyện Điện Biên", level: "district", parentCode: "11", validTo: PRE_REFORM_END },
  { code: "101", name: "Huyện Điện Biên Đông", level: "district", parentCode: "11", validTo: PRE_REFORM_END },
  { code: "102", name: "Huyện Mường Ảng", level: "district", parentCode: "11", validTo: PRE_REFORM_END },
  { code: "103", name: "Huyện Nậm Pồ", level: "district", parentCode: "11", validTo: PRE_REFORM_END },

  // District education offices
  {
    code: "094-PGDDT",
    name: "Phòng Giáo dục và Đào tạo thành phố Điện Biên Phủ",
    level: "agency",
    parentCode: "094",
    validTo: PRE_REFORM_END,
  },
  {
    code: "095-PGDDT",
    name: "Phòng Giáo dục và Đào tạo thị xã Mường Lay",
    level: "agency",
    parentCode: "095",
    validTo: PRE_REFORM_END,
  },
  {
    code: "096-PGDDT",
    name: "Phòng Giáo dục và Đào tạo huyện Mường Nhé",
    level: "agency",
    parentCode: "096",
    validTo: PRE_REFORM_END,
  },
  {
    code: "097-PGDDT",
    name: "Phòng Giáo dục và Đào tạo huyện Mường Chà",
    level: "agency",
    parentCode: "097",
    validTo: PRE_REFORM_END,
  },
  {
    code: "098-PGDDT",
    name: "Phòng Giáo dục và Đào tạo huyện Tủa Chùa",
    level: "agency",
    parentCode: "098",
    validTo: PRE_REFORM_END,
  },
  {
    code: "099-PGDDT",
    name: "Phòng Giáo dục và Đào tạo huyện Tuần Giáo",
    level: "agency",
    parentCode: "099",
    validTo: PRE_REFORM_END,
  },
  {
    code: "100-PGDDT",
    name: "Phòng Giáo dục và Đào tạo huyện Điện Biên",
    level: "agency",
    parentCode: "100",
    validTo: PRE_REFORM_END,
  },
  {
    code: "101-PGDDT",
    name: "Phòng Giáo dục và Đào tạo huyện Điện Biên Đông",
    level: "agency",
    parentCode: "101",
    validTo: PRE_REFORM_END,
  },
  {
    code: "102-PGDDT",
    name: "Phòng Giáo dục và Đào tạo huyện Mường Ảng",
    level: "agency",
    parentCode: "102",
    validTo: PRE_REFORM_END,
  },
  {
    code: "103-PGDDT",
    name: "Phòng Giáo dục và Đào tạo huyện Nậm Pồ",
    level: "agency",
    parentCode: "103",
    validTo: PRE_REFORM_END,
  },

  // Communes, wards and towns of Thành phố Điện Biên Phủ
  { code: "03124", name: "Phường Noong Bua", level: "commune", parentCode: "094", validTo: PRE_REFORM_END },
  { code: "03125", name: "Phường Him Lam", level: "commune", parentCode: "094", validTo: PRE_REFORM_END },
  { code: "03126", name: "Phường Thanh Bình", level: "commune", parentCode: "094", validTo: PRE_REFORM_END },
  { code: "03127", name: "Phường Tân Thanh", level: "commune", parentCode: "094", validTo: PRE_REFORM_END },
  { code: "03128", name: "Phường Mường Thanh", level: "commune", parentCode: "094", validTo: PRE_REFORM_END },
  { code: "03129", name: "Phường Nam Thanh", level: "commune", parentCode: "094", validTo: PRE_REFORM_END },
  { code: "03130", name: "Phường Thanh Trường", level: "commune", parentCode: "094", validTo: PRE_REFORM_END },
  { code: "03131", name: "Xã Thanh Minh", level: "commune", parentCode: "094", validTo: PRE_REFORM_END },
  { code: "03132", name: "Xã Tà Lèng", level: "commune", parentCode: "094", validTo: PRE_REFORM_END },

  // Communes, wards and towns of Thị xã Mường Lay
  { code: "03133", name: "Phường Sông Đà", level: "commune", parentCode: "095", validTo: PRE_REFORM_END },
  { code: "03134", name: "Phường Na Lay", level: "commune", parentCode: "095", validTo: PRE_REFORM_END },
  { code: "03135", name: "Xã Lay Nưa", level: "commune", parentCode: "095", validTo: PRE_REFORM_END },

  // Communes, wards and towns of Huyện Mường Nhé
  { code: "03136", name: "Xã Sín Thầu", level: "commune", parentCode: "096", validTo: PRE_REFORM_END },
  { code: "03137", name: "Xã Sen Thượng", level: "commune", parentCode: "096", validTo: PRE_REFORM_END },
  { code: "03138", name: "Xã Chung Chải", level: "commune", parentCode: "096", validTo: PRE_REFORM_END },
  { code: "03139", name: "Xã Leng Su Sìn", level: "commune", parentCode: "096", validTo: PRE_REFORM_END },
  { code: "03140", name: "Xã Pá Mỳ", level: "commune", parentCode: "096", validTo: PRE_REFORM_END },
  { code: "03141", name: "Xã Mường Nhé", level: "commune", parentCode: "096", validTo: PRE_REFORM_END },
  { code: "03142", name: "Xã Nậm Vì", level: "commune", parentCode: "096", validTo: PRE_REFORM_END },
  { code: "03143", name: "Xã Nậm Kè", level: "commune", parentCode: "096", validTo: PRE_REFORM_END },
  { code: "03144", name: "Xã Mường Toong", level: "commune", parentCode: "096", validTo: PRE_REFORM_END },
  { code: "03145", name: "Xã Quảng Lâm", level: "commune", parentCode: "096", validTo: PRE_REFORM_END },
  { code: "03146", name: "Xã Huổi Lếch", level: "commune", parentCode: "096", validTo: PRE_REFORM_END },

  // Communes, wards and towns of Huyện Mường Chà
  { code: "03147", name: "Thị trấn Mường Chà", level: "commune", parentCode: "097", validTo: PRE_REFORM_END },
  { code: "03148", name: "Xã Xá Tổng", level: "commune", parentCode: "097", validTo: PRE_REFORM_END },
  { code: "03149", name: "Xã Mường Tùng", level: "commune", parentCode: "097", validTo: PRE_REFORM_END },
  { code: "03150", name: "Xã Hừa Ngài", level: "commune", parentCode: "097", validTo: PRE_REFORM_END },
  { code: "03151", name: "Xã Huổi Mí", level: "commune", parentCode: "097", validTo: PRE_REFORM_END },
  { code: "03152", name: "Xã Pa Ham", level: "commune", parentCode: "097", validTo: PRE_REFORM_END },
  { code: "03153", name: "Xã Nậm Nèn", level: "commune", parentCode: "097", validTo: PRE_REFORM_END },
  { code: "03154", name: "Xã Huổi Lèng", level: "commune", parentCode: "097", validTo: PRE_REFORM_END },
  { code: "03155", name: "Xã Sa Lông", level: "commune", parentCode: "097", validTo: PRE_REFORM_END },
  { code: "03156", name: "Xã Ma Thì Hồ", level: "commune", parentCode: "097", validTo: PRE_REFORM_END },
  { code: "03157", name: "Xã Na Sang", level: "commune", parentCode: "097", validTo: PRE_REFORM_END },
  { code: "03158", name: "Xã Mường Mươn", level: "commune", parentCode: "097", validTo: PRE_REFORM_END },

  // Communes, wards and towns of Huyện Tủa Chùa
  { code: "03159", name: "Thị trấn Tủa Chùa", level: "commune", parentCode: "098", validTo: PRE_REFORM_END },
  { code: "03160", name: "Xã Huổi Só", level: "commune", parentCode: "098", validTo: PRE_REFORM_END },
  { code: "03161", name: "Xã Xín Chải", level: "commune", parentCode: "098", validTo: PRE_REFORM_END },
  { code: "03162", name: "Xã Tả Sìn Thàng", level: "commune", parentCode: "098", validTo: PRE_REFORM_END },
  { code: "03163", name: "Xã Lao Xả Phình", level: "commune", parentCode: "098", validTo: PRE_REFORM_END },
  { code: "03164", name: "Xã Tả Phìn", level: "commune", parentCode: "098", validTo: PRE_REFORM_END },
  { code: "03165", name: "Xã Tủa Thàng", level: "commune", parentCode: "098", validTo: PRE_REFORM_END },
  { code: "03166", name: "Xã Trung Thu", level: "commune", parentCode: "098", validTo: PRE_REFORM_END },
  { code: "03167", name: "Xã Sính Phình", level: "commune", parentCode: "098", validTo: PRE_REFORM_END },
  { code: "03168", name: "Xã Sáng Nhè", level: "commune", parentCode: "098", validTo: PRE_REFORM_END },
  { code: "03169", name: "Xã Mường Đun", level: "commune", parentCode: "098", validTo: PRE_REFORM_END },
  { code: "03170", name: "Xã Mường Báng", level: "commune", parentCode: "098", validTo: PRE_REFORM_END },

  // Communes, wards and towns of Huyện Tuần Giáo
  { code: "03171", name: "Thị trấn Tuần Giáo", level: "commune", parentCode: "099", validTo: PRE_REFORM_END },
  { code: "03172", name: "Xã Phình Sáng", level: "commune", parentCode: "099", validTo: PRE_REFORM_END },
  { code: "03173", name: "Xã Rạng Đông", level: "commune", parentCode: "099", validTo: PRE_REFORM_END },
  { code: "03174", name: "Xã Mùn Chung", level: "commune", parentCode: "099", validTo: PRE_REFORM_END },
  { code: "03175", name: "Xã Nà Tòng", level: "commune", parentCode: "099", validTo: PRE_REFORM_END },
  { code: "03176", name: "Xã Ta Ma", level: "commune", parentCode: "099", validTo: PRE_REFORM_END },
  { code: "03177", name: "Xã Mường Mùn", level: "commune", parentCode: "099", validTo: PRE_REFORM_END },
  { code: "03178", name: "Xã Pú Xi", level: "commune", parentCode: "099", validTo: PRE_REFORM_END },
  { code: "03179", name: "Xã Pú Nhung", level: "commune", parentCode: "099", validTo: PRE_REFORM_END },
  { code: "03180", name: "Xã Quài Nưa", level: "commune", parentCode: "099", validTo: PRE_REFORM_END },
  { code: "03181", name: "Xã Mường Thín", level: "commune", parentCode: "099", validTo: PRE_REFORM_END },
  { code: "03182", name: "Xã Tỏa Tình", level: "commune", parentCode: "099", validTo: PRE_REFORM_END },
  { code: "03183", name: "Xã Nà Sáy", level: "commune", parentCode: "099", validTo: PRE_REFORM_END },
  { code: "03184", name: "Xã Mường Khong", level: "commune", parentCode: "099", validTo: PRE_REFORM_END },
  { code: "03185", name: "Xã Quài Cang", level: "commune", parentCode: "099", validTo: PRE_REFORM_END },
  { code: "03186", name: "Xã Quài Tở", level: "commune", parentCode: "099", validTo: PRE_REFORM_END },
  { code: "03187", name: "Xã Chiềng Sinh", level: "commune", parentCode: "099", validTo: PRE_REFORM_END },
  { code: "03188", name: "Xã Chiềng Đông", level: "commune", parentCode: "099", validTo: PRE_REFORM_END },
  { code: "03189", name: "Xã Tênh Phông", level: "commune", parentCode: "099", validTo: PRE_REFORM_END },

  // Communes, wards and towns of Huyện Điện Biên
  { code: "03190", name: "Xã Mường Pồn", level: "commune", parentCode: "100", validTo: PRE_REFORM_END },
  { code: "03191", name: "Xã Thanh Nưa", level: "commune", parentCode: "100", validTo: PRE_REFORM_END },
  { code: "03192", name: "Xã Hua Thanh", level: "commune", parentCode: "100", validTo: PRE_REFORM_END },
  { code: "03193", name: "Xã Thanh Luông", level: "commune", parentCode: "100", validTo: PRE_REFORM_END },
  { code: "03194", name: "Xã Thanh Hưng", level: "commune", parentCode: "100", validTo: PRE_REFORM_END },
  { code: "03195", name: "Xã Thanh Xương", level: "commune", parentCode: "100", validTo: PRE_REFORM_END },
  { code: "03196", name: "Xã Thanh Chăn", level: "commune", parentCode: "100", validTo: PRE_REFORM_END },
  { code: "03197", name: "Xã Pá Khoang", level: "commune", parentCode: "100", validTo: PRE_REFORM_END },
  { code: "03198", name: "Xã Thanh An", level: "commune", parentCode: "100", validTo: PRE_REFORM_END },
  { code: "03199", name: "Xã Thanh Yên", level: "commune", parentCode: "100", validTo: PRE_REFORM_END },
  { code: "03200", name: "Xã Noong Luống", level: "commune", parentCode: "100", validTo: PRE_REFORM_END },
  { code: "03201", name: "Xã Noong Hẹt", level: "commune", parentCode: "100", validTo: PRE_REFORM_END },
  { code: "03202", name: "Xã Sam Mứn", level: "commune", parentCode: "100", validTo: PRE_REFORM_END },
  { code: "03203", name: "Xã Pom Lót", level: "commune", parentCode: "100", validTo: PRE_REFORM_END },
  { code: "03204", name: "Xã Núa Ngam", level: "commune", parentCode: "100", validTo: PRE_REFORM_END },
  { code: "03205", name: "Xã Hẹ Muông", level: "commune", parentCode: "100", validTo: PRE_REFORM_END },
  { code: "03206", name: "Xã Na Ư", level: "commune", parentCode: "100", validTo: PRE_REFORM_END },
  { code: "03207", name: "Xã Mường Nhà", level: "commune", parentCode: "100", validTo: PRE_REFORM_END },
  { code: "03208", name: "Xã Na Tông", level: "commune", parentCode: "100", validTo: PRE_REFORM_END },
  { code: "03209", name: "Xã Mường Lói", level: "commune", parentCode: "100", validTo: PRE_REFORM_END },
  { code: "03210", name: "Xã Phu Luông", level: "commune", parentCode: "100", validTo: PRE_REFORM_END },
  { code: "03211", name: "Xã Pa Thơm", level: "commune", parentCode: "100", validTo: PRE_REFORM_END },
  { code: "03212", name: "Xã Mường Phăng", level: "commune", parentCode: "100", validTo: PRE_REFORM_END },
  { code: "03213", name: "Xã Nà Tấu", level: "commune", parentCode: "100", validTo: PRE_REFORM_END },
  { code: "03214", name: "Xã Nà Nhạn", level: "commune", parentCode: "100", validTo: PRE_REFORM_END },

  // Communes, wards and towns of Huyện Điện Biên Đông
  { code: "03215", name: "Thị trấn Điện Biên Đông", level: "commune", parentCode: "101", validTo: PRE_REFORM_END },
  { code: "03216", name: "Xã Na Son", level: "commune", parentCode: "101", validTo: PRE_REFORM_END },
  { code: "03217", name: "Xã Phì Nhừ", level: "commune", parentCode: "101", validTo: PRE_REFORM_END },
  { code: "03218", name: "Xã Chiềng Sơ", level: "commune", parentCode: "101", validTo: PRE_REFORM_END },
  { code: "03219", name: "Xã Mường Luân", level: "commune", parentCode: "101", validTo: PRE_REFORM_END },
  { code: "03220", name: "Xã Pú Nhi", level: "commune", parentCode: "101", validTo: PRE_REFORM_END },
  { code: "03221", name: "Xã Nong U", level: "commune", parentCode: "101", validTo: PRE_REFORM_END },
  { code: "03222", name: "Xã Xa Dung", level: "commune", parentCode: "101", validTo: PRE_REFORM_END },
  { code: "03223", name: "Xã Keo Lôm", level: "commune", parentCode: "101", validTo: PRE_REFORM_END },
  { code: "03224", name: "Xã Luân Giới", level: "commune", parentCode: "101", validTo: PRE_REFORM_END },
  { code: "03225", name: "Xã Phình Giàng", level: "commune", parentCode: "101", validTo: PRE_REFORM_END },
  { code: "03226", name: "Xã Pú Hồng", level: "commune", parentCode: "101", validTo: PRE_REFORM_END },
  { code: "03227", name: "Xã Tìa Dình", level: "commune", parentCode: "101", validTo: PRE_REFORM_END },
  { code: "03228", name: "Xã Háng Lìa", level: "commune", parentCode: "101", validTo: PRE_REFORM_END },

  // Communes, wards and towns of Huyện Mường Ảng
  { code: "03229", name: "Thị trấn Mường Ảng", level: "commune", parentCode: "102", validTo: PRE_REFORM_END },
  { code: "03230", name: "Xã Mường Đăng", level: "commune", parentCode: "102", validTo: PRE_REFORM_END },
  { code: "03231", name: "Xã Ngối Cáy", level: "commune", parentCode: "102", validTo: PRE_REFORM_END },
  { code: "03232", name: "Xã Ẳng Tở", level: "commune", parentCode: "102", validTo: PRE_REFORM_END },
  { code: "03233", name: "Xã Búng Lao", level: "commune", parentCode: "102", validTo: PRE_REFORM_END },
  { code: "03234", name: "Xã Xuân Lao", level: "commune", parentCode: "102", validTo: PRE_REFORM_END },
  { code: "03235", name: "Xã Ẳng Nưa", level: "commune", parentCode: "102", validTo: PRE_REFORM_END },
  { code: "03236", name: "Xã Ẳng Cang", level: "commune", parentCode: "102", validTo: PRE_REFORM_END },
  { code: "03237", name: "Xã Nặm Lịch", level: "commune", parentCode: "102", validTo: PRE_REFORM_END },
  { code: "03238", name: "Xã Mường Lạn", level: "commune", parentCode: "102", validTo: PRE_REFORM_END },

  // Communes, wards and towns of Huyện Nậm Pồ
  { code: "03239", name: "Xã Nà Hỳ", level: "commune", parentCode: "103", validTo: PRE_REFORM_END },
  { code: "03240", name: "Xã Vàng Đán", level: "commune", parentCode: "103", validTo: PRE_REFORM_END },
  { code: "03241", name: "Xã Nà Khoa", level: "commune", parentCode: "103", validTo: PRE_REFORM_END },
  { code: "03242", name: "Xã Nậm Chua", level: "commune", parentCode: "103", validTo: PRE_REFORM_END },
  { code: "03243", name: "Xã Nậm Nhừ", level: "commune", parentCode: "103", validTo: PRE_REFORM_END },
  { code: "03244", name: "Xã Nậm Tin", level: "commune", parentCode: "103", validTo: PRE_REFORM_END },
  { code: "03245", name: "Xã Pa Tần", level: "commune", parentCode: "103", validTo: PRE_REFORM_END },
  { code: "03246", name: "Xã Chà Cang", level: "commune", parentCode: "103", validTo: PRE_REFORM_END },
  { code: "03247", name: "Xã Na Cô Sa", level: "commune", parentCode: "103", validTo: PRE_REFORM_END },
  { code: "03248", name: "Xã Nà Bủng", level: "commune", parentCode: "103", validTo: PRE_REFORM_END },
  { code: "03249", name: "Xã Chà Nưa", level: "commune", parentCode: "103", validTo: PRE_REFORM_END },
  { code: "03250", name: "Xã Phìn Hồ", level: "commune", parentCode: "103", validTo: PRE_REFORM_END },
  { code: "03251", name: "Xã Si Pa Phìn", level: "commune", parentCode: "103", validTo: PRE_REFORM_END },
  { code: "03252", name: "Xã Chà Tở", level: "commune", parentCode: "103", validTo: PRE_REFORM_END },
  { code: "03253", name: "Xã Nậm Khăn", level: "commune", parentCode: "103", validTo: PRE_REFORM_END },

  // Schools (still operating; no end date)
  { code: "03180-THCS", name: "Trường PTDTBT THCS Quài Nưa", level: "school", parentCode: "03180" },
  { code: "03180-TH", name: "Trường Tiểu học Quài Nưa", level: "school", parentCode: "03180" },
  { code: "03180-MN", name: "Trường Mầm non Quài Nưa", level: "school", parentCode: "03180" },
  { code: "03185-THCS", name: "Trường THCS Quài Cang", level: "school", parentCode: "03185" },
  { code: "03185-TH", name: "Trường Tiểu học Quài Cang", level: "school", parentCode: "03185" },
  { code: "03177-TH", name: "Trường PTDTBT Tiểu học Mường Mùn", level: "school", parentCode: "03177" },
  { code: "03187-MN", name: "Trường Mầm non Chiềng Sinh", level: "school", parentCode: "03187" },
  { code: "03191-MN", name: "Trường Mầm non Thanh Nưa", level: "school", parentCode: "03191" },
  { code: "03201-THCS", name: "Trường THCS Noong Hẹt", level: "school", parentCode: "03201" },
  { code: "03193-TH", name: "Trường Tiểu học Thanh Luông", level: "school", parentCode: "03193" },
  { code: "03202-THCS", name: "Trường THCS Sam Mứn", level: "school", parentCode: "03202" },
  { code: "03132-TH-THCS", name: "Trường PTDTBT Tiểu học và THCS Tà Lèng", level: "school", parentCode: "03132" },
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
    unitCode: "03180",
    title: "Chủ tịch UBND xã",
  },
  {
    email: "canbo.xa@chungtay.vn",
    name: "Tòng Thị Xuân",
    role: "planner",
    unitCode: "03180",
    title: "Công chức Văn hóa – Xã hội",
  },
  {
    email: "canbo.xa2@chungtay.vn",
    name: "Quàng Văn Thanh",
    role: "planner",
    unitCode: "03185",
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
    issuingUnitCode: "03180",
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
    issuingUnitCode: "03180",
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
    issuingUnitCode: "03180",
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
    issuingUnitCode: "03185",
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
    issuingUnitCode: "03185",
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
    issuingUnitCode: "03186",
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
    issuingUnitCode: "03187",
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
    issuingUnitCode: "03191",
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
    issuingUnitCode: "03191",
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
      "Kế hoạch thực hiện tiêu chí Trường học (tiêu chí số 5) và Giáo dục và Đào tạo (tiêu chí số 14) trong xây dựng nông thôn mới xã Noong Hẹt năm 2024",
    issuedOn: "2024-03-15",
    issuingUnitCode: "03201",
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
      "Kế hoạch thực hiện tiêu chí Trường học (tiêu chí số 5) và Giáo dục và Đào tạo (tiêu chí số 14) trong xây dựng nông thôn mới xã Noong Hẹt năm 2025",
    issuedOn: "2025-03-05",
    issuingUnitCode: "03201",
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
    issuingUnitCode: "03193",
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
    issuingUnitCode: "03202",
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
      "Kế hoạch thực hiện tiêu chí Trường học (tiêu chí số 5) và Giáo dục và Đào tạo (tiêu chí số 14) trong xây dựng nông thôn mới xã Tà Lèng năm 2025",
    issuedOn: "2025-02-10",
    issuingUnitCode: "03132",
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
