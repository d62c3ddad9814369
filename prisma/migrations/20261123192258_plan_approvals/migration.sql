-- CreateEnum
CREATE TYPE "PlanAction" AS ENUM ('submit', 'return', 'approve', 'amend');

-- AlterTable
ALTER TABLE "Plan" ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "PlanTransition" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "action" "PlanAction" NOT NULL,
    "fromStatus" "PlanStatus" NOT NULL,
    "toStatus" "PlanStatus" NOT NULL,
    "revision" INTEGER NOT NULL,
    "reason" TEXT,
    "actorId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlanTransition_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PlanTransition_planId_at_idx" ON "PlanTransition"("planId", "at");

-- AddForeignKey
ALTER TABLE "PlanTransition" ADD CONSTRAINT "PlanTransition_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanTransition" ADD CONSTRAINT "PlanTransition_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
