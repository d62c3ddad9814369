import type { Prisma } from "../db/generated/client";

/** What a list of evidence shows: never the bytes. */
export const evidenceSelect = {
  id: true,
  milestoneId: true,
  shortageId: true,
  disbursementId: true,
  fileName: true,
  contentType: true,
  sizeBytes: true,
  hasThumbnail: true,
  createdAt: true,
  uploadedBy: { select: { id: true, name: true } },
} satisfies Prisma.EvidenceSelect;
