-- AlterEnum
ALTER TYPE "DocumentVersionKind" ADD VALUE 'approved';

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "doneAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Plan" ADD COLUMN     "reviewUnitId" TEXT,
ADD COLUMN     "submittedById" TEXT;

-- AlterTable
ALTER TABLE "PlanDocumentVersion" ADD COLUMN     "revision" INTEGER;

-- CreateTable
CREATE TABLE "_VersionEditors" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_VersionEditors_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE INDEX "_VersionEditors_B_index" ON "_VersionEditors"("B");

-- CreateIndex
CREATE INDEX "Notification_planId_kind_idx" ON "Notification"("planId", "kind");

-- CreateIndex
CREATE INDEX "Plan_reviewUnitId_status_idx" ON "Plan"("reviewUnitId", "status");

-- AddForeignKey
ALTER TABLE "Plan" ADD CONSTRAINT "Plan_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Plan" ADD CONSTRAINT "Plan_reviewUnitId_fkey" FOREIGN KEY ("reviewUnitId") REFERENCES "OrgUnit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_VersionEditors" ADD CONSTRAINT "_VersionEditors_A_fkey" FOREIGN KEY ("A") REFERENCES "PlanDocumentVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_VersionEditors" ADD CONSTRAINT "_VersionEditors_B_fkey" FOREIGN KEY ("B") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Backfill: the latest submitter of every plan ever submitted, and the unit each was submitted to
-- (the nearest unit above the issuing unit with an active leader or admin, as the app decides it).
UPDATE "Plan" p SET "submittedById" = t."actorId"
FROM (SELECT DISTINCT ON ("planId") "planId", "actorId" FROM "PlanTransition" WHERE action = 'submit' ORDER BY "planId", at DESC) t
WHERE t."planId" = p.id;

UPDATE "Plan" p SET "reviewUnitId" = (
  SELECT r.id FROM "OrgUnit" i, "OrgUnit" r
  WHERE i.id = p."issuingUnitId" AND starts_with(i.path, r.path) AND r.path <> i.path
    AND EXISTS (
      SELECT 1 FROM "Membership" m JOIN "User" u ON u.id = m."userId"
      WHERE m."unitId" = r.id AND m.role IN ('leader', 'admin') AND u."disabledAt" IS NULL)
  ORDER BY r.depth DESC LIMIT 1)
WHERE p."submittedById" IS NOT NULL;
