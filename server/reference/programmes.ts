/** The national target programmes plans belong to, loaded into every database at start. */
export interface ReferenceProgramme {
  code: string;
  name: string;
  nameEn: string;
  periodStart: number;
  periodEnd: number;
}

export const programmes: ReferenceProgramme[] = [
  {
    code: "NTM-2021-2025",
    name: "Chương trình MTQG xây dựng nông thôn mới giai đoạn 2021–2025",
    nameEn: "National Target Program on New Rural Development 2021–2025",
    periodStart: 2021,
    periodEnd: 2025,
  },
  {
    code: "GNBV-2021-2025",
    name: "Chương trình MTQG giảm nghèo bền vững giai đoạn 2021–2025",
    nameEn: "National Target Program on Sustainable Poverty Reduction 2021–2025",
    periodStart: 2021,
    periodEnd: 2025,
  },
  {
    code: "DTTS-2021-2025",
    name: "Chương trình MTQG phát triển kinh tế – xã hội vùng đồng bào dân tộc thiểu số và miền núi, giai đoạn I: 2021–2025",
    nameEn:
      "National Target Program on Socio-Economic Development of Ethnic Minority and Mountainous Areas, phase I: 2021–2025",
    periodStart: 2021,
    periodEnd: 2025,
  },
  {
    // From 2026 the three programmes are one.
    code: "NTM-2026-2030",
    name: "Chương trình MTQG xây dựng nông thôn mới, giảm nghèo bền vững và phát triển vùng đồng bào dân tộc thiểu số giai đoạn 2026–2035",
    nameEn:
      "National Target Program on New Rural Development, Sustainable Poverty Reduction and Development of Ethnic Minority Areas 2026–2035",
    periodStart: 2026,
    periodEnd: 2035,
  },
];
