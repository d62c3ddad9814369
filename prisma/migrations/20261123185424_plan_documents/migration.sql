-- CreateEnum
CREATE TYPE "DocumentVersionKind" AS ENUM ('auto', 'manual', 'restore');

-- CreateTable
CREATE TABLE "PlanDocument" (
    "planId" TEXT NOT NULL,
    "state" BYTEA NOT NULL,
    "compactedUpTo" BIGINT NOT NULL DEFAULT 0,
    "content" JSONB NOT NULL,
    "text" TEXT NOT NULL DEFAULT '',
    "searchText" TEXT NOT NULL DEFAULT '',
    "sizeBytes" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PlanDocument_pkey" PRIMARY KEY ("planId")
);

-- CreateTable
CREATE TABLE "PlanDocumentUpdate" (
    "id" BIGSERIAL NOT NULL,
    "planId" TEXT NOT NULL,
    "data" BYTEA NOT NULL,
    "userId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlanDocumentUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanDocumentVersion" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "kind" "DocumentVersionKind" NOT NULL,
    "name" TEXT,
    "state" BYTEA NOT NULL,
    "content" JSONB NOT NULL,
    "text" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlanDocumentVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PlanDocumentUpdate_planId_id_idx" ON "PlanDocumentUpdate"("planId", "id");

-- CreateIndex
CREATE INDEX "PlanDocumentVersion_planId_createdAt_idx" ON "PlanDocumentVersion"("planId", "createdAt");

-- AddForeignKey
ALTER TABLE "PlanDocument" ADD CONSTRAINT "PlanDocument_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanDocumentUpdate" ADD CONSTRAINT "PlanDocumentUpdate_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanDocumentVersion" ADD CONSTRAINT "PlanDocumentVersion_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanDocumentVersion" ADD CONSTRAINT "PlanDocumentVersion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
