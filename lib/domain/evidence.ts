/** The largest evidence file: 20 MB (MiB, as file managers count them). */
export const MAX_EVIDENCE_MEGABYTES = 20;
export const MAX_EVIDENCE_BYTES = MAX_EVIDENCE_MEGABYTES * 1024 * 1024;

/** What a file input offers; the server decides by the content, whatever the name says. */
export const EVIDENCE_ACCEPT = ".pdf,.jpg,.jpeg,.png,.webp,.docx,.xlsx";

/** What evidence hangs on: the plan itself, or one of its milestones, shortages or disbursements. */
export const EVIDENCE_SUBJECTS = ["plan", "milestone", "shortage", "disbursement"] as const;
export type EvidenceSubjectType = (typeof EVIDENCE_SUBJECTS)[number];

/** Where a file is downloaded (`thumbnail` for an image's small copy). */
export const evidenceUrl = (id: string, variant?: "thumbnail") =>
  `/api/evidence/${encodeURIComponent(id)}${variant ? `?variant=${variant}` : ""}`;
