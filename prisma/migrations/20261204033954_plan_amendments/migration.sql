-- AlterEnum
ALTER TYPE "PlanAction" ADD VALUE 'supersede';

-- AlterEnum
ALTER TYPE "PlanStatus" ADD VALUE 'superseded';

-- AlterTable
ALTER TABLE "Plan" ADD COLUMN     "amendsId" TEXT,
ALTER COLUMN "number" DROP NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "Plan_amendsId_key" ON "Plan"("amendsId");

-- AddForeignKey
ALTER TABLE "Plan" ADD CONSTRAINT "Plan_amendsId_fkey" FOREIGN KEY ("amendsId") REFERENCES "Plan"("id") ON DELETE SET NULL ON UPDATE CASCADE;
