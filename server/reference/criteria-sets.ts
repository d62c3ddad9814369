/**
 * The national criteria sets, loaded into every database at start (see reference-data.ts).
 * Names follow the decisions as the press reported them (see ../shared/DESIGN.md); an admin
 * completes or corrects them in the app (indicator counts per criterion, English names) when
 * the decision's text is at hand, and loading again never overwrites that.
 */
export interface ReferenceCriteriaSet {
  code: string;
  name: string;
  nameEn: string;
  decision: string;
  unitLevel: "commune" | "district";
  periodStart: number;
  periodEnd: number;
  hasLevels: boolean;
  groupCount: number;
  indicatorCount: number | null;
  criteria: [vi: string, en: string][];
}

export const criteriaSets: ReferenceCriteriaSet[] = [
  {
    code: "NTM-XA-2021-2025",
    name: "Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021–2025",
    nameEn: "National criteria for new-rural communes 2021–2025",
    decision: "318/QĐ-TTg",
    unitLevel: "commune",
    periodStart: 2021,
    periodEnd: 2025,
    hasLevels: true,
    groupCount: 0,
    indicatorCount: null,
    criteria: [
      ["Quy hoạch", "Planning"],
      ["Giao thông", "Transport"],
      ["Thủy lợi và phòng, chống thiên tai", "Irrigation and disaster prevention"],
      ["Điện", "Electricity"],
      ["Trường học", "School"],
      ["Cơ sở vật chất văn hóa", "Cultural facilities"],
      ["Cơ sở hạ tầng thương mại nông thôn", "Rural commercial infrastructure"],
      ["Thông tin và Truyền thông", "Information and communication"],
      ["Nhà ở dân cư", "Residential housing"],
      ["Thu nhập", "Income"],
      ["Nghèo đa chiều", "Multidimensional poverty"],
      ["Lao động", "Labour"],
      ["Tổ chức sản xuất và phát triển kinh tế nông thôn", "Production organisation and rural economic development"],
      ["Giáo dục và Đào tạo", "Education and training"],
      ["Y tế", "Health"],
      ["Văn hóa", "Culture"],
      ["Môi trường và an toàn thực phẩm", "Environment and food safety"],
      ["Hệ thống chính trị và tiếp cận pháp luật", "Political system and access to law"],
      ["Quốc phòng và An ninh", "National defence and security"],
    ],
  },
  {
    code: "NTM-HUYEN-2021-2025",
    name: "Bộ tiêu chí quốc gia về huyện nông thôn mới giai đoạn 2021–2025",
    nameEn: "National criteria for new-rural districts 2021–2025",
    decision: "320/QĐ-TTg",
    unitLevel: "district",
    periodStart: 2021,
    periodEnd: 2025,
    hasLevels: false,
    groupCount: 0,
    indicatorCount: 36,
    criteria: [
      ["Quy hoạch", "Planning"],
      ["Giao thông", "Transport"],
      ["Thủy lợi và phòng, chống thiên tai", "Irrigation and disaster prevention"],
      ["Điện", "Electricity"],
      ["Y tế – Văn hóa – Giáo dục", "Health – Culture – Education"],
      ["Kinh tế", "Economy"],
      ["Môi trường", "Environment"],
      ["Chất lượng môi trường sống", "Quality of the living environment"],
      [
        "Hệ thống chính trị – An ninh trật tự – Hành chính công",
        "Political system – Public order – Public administration",
      ],
    ],
  },
  {
    code: "NTM-XA-2026-2030",
    name: "Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2026–2030",
    nameEn: "National criteria for new-rural communes 2026–2030",
    decision: "51/2025/QĐ-TTg",
    unitLevel: "commune",
    periodStart: 2026,
    periodEnd: 2030,
    hasLevels: true,
    groupCount: 3,
    indicatorCount: 47,
    criteria: [
      ["Quy hoạch", "Planning"],
      ["Hạ tầng kinh tế – xã hội", "Socio-economic infrastructure"],
      ["Phát triển kinh tế nông thôn", "Rural economic development"],
      ["Đào tạo nguồn nhân lực", "Human resource training"],
      ["Văn hóa, giáo dục, y tế", "Culture, education and health"],
      ["Giảm nghèo và an sinh xã hội", "Poverty reduction and social security"],
      ["Khoa học công nghệ và chuyển đổi số", "Science, technology and digital transformation"],
      ["Môi trường và cảnh quan", "Environment and landscape"],
      ["Hệ thống chính trị và hành chính công", "Political system and public administration"],
      ["Tiếp cận pháp luật, an ninh, quốc phòng", "Access to law, security and defence"],
    ],
  },
];
