-- CreateEnum
CREATE TYPE "EvidenceStorage" AS ENUM ('database', 's3');

-- AlterTable
ALTER TABLE "Plan" ADD COLUMN     "issuedAt" TIMESTAMP(3),
ADD COLUMN     "issuedById" TEXT,
ADD COLUMN     "signedCopyId" TEXT;

-- CreateTable
CREATE TABLE "Evidence" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "milestoneId" TEXT,
    "shortageId" TEXT,
    "disbursementId" TEXT,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "hasThumbnail" BOOLEAN NOT NULL DEFAULT false,
    "storage" "EvidenceStorage" NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvidenceBlob" (
    "evidenceId" TEXT NOT NULL,
    "variant" TEXT NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "EvidenceBlob_pkey" PRIMARY KEY ("evidenceId","variant")
);

-- CreateIndex
CREATE INDEX "Evidence_planId_createdAt_idx" ON "Evidence"("planId", "createdAt");

-- CreateIndex
CREATE INDEX "Evidence_milestoneId_idx" ON "Evidence"("milestoneId");

-- CreateIndex
CREATE INDEX "Evidence_shortageId_idx" ON "Evidence"("shortageId");

-- CreateIndex
CREATE INDEX "Evidence_disbursementId_idx" ON "Evidence"("disbursementId");

-- CreateIndex
CREATE UNIQUE INDEX "Plan_signedCopyId_key" ON "Plan"("signedCopyId");

-- AddForeignKey
ALTER TABLE "Plan" ADD CONSTRAINT "Plan_issuedById_fkey" FOREIGN KEY ("issuedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Plan" ADD CONSTRAINT "Plan_signedCopyId_fkey" FOREIGN KEY ("signedCopyId") REFERENCES "Evidence"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_milestoneId_fkey" FOREIGN KEY ("milestoneId") REFERENCES "Milestone"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_shortageId_fkey" FOREIGN KEY ("shortageId") REFERENCES "Shortage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_disbursementId_fkey" FOREIGN KEY ("disbursementId") REFERENCES "Disbursement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceBlob" ADD CONSTRAINT "EvidenceBlob_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "Evidence"("id") ON DELETE CASCADE ON UPDATE CASCADE;
