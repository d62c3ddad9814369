-- CreateEnum
CREATE TYPE "AssessmentResult" AS ENUM ('not_met', 'met', 'advanced', 'model');

-- CreateEnum
CREATE TYPE "TargetDirection" AS ENUM ('increase', 'decrease');

-- CreateEnum
CREATE TYPE "MilestoneStatus" AS ENUM ('planned', 'in_progress', 'done', 'cancelled');

-- CreateEnum
CREATE TYPE "CapitalSource" AS ENUM ('central_budget', 'local_budget', 'integrated_programmes', 'credit', 'social_mobilisation', 'people_contributions');

-- CreateEnum
CREATE TYPE "InKindKind" AS ENUM ('land_m2', 'working_days');

-- CreateEnum
CREATE TYPE "ShortageCategory" AS ENUM ('boarding_rooms', 'teacher_housing', 'solid_classrooms', 'teachers', 'equipment', 'other');

-- CreateEnum
CREATE TYPE "ShortageStatus" AS ENUM ('open', 'in_progress', 'closed');

-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'overdue';

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "milestoneId" TEXT;

-- CreateTable
CREATE TABLE "CriteriaSet" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "decision" TEXT NOT NULL DEFAULT '',
    "unitLevel" "UnitLevel" NOT NULL,
    "periodStart" INTEGER NOT NULL,
    "periodEnd" INTEGER NOT NULL,
    "hasLevels" BOOLEAN NOT NULL DEFAULT false,
    "groupCount" INTEGER NOT NULL DEFAULT 0,
    "indicatorCount" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CriteriaSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Criterion" (
    "id" TEXT NOT NULL,
    "setId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "indicatorCount" INTEGER,

    CONSTRAINT "Criterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CriterionAssessment" (
    "id" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "criterionId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "result" "AssessmentResult" NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "evidenceUrl" TEXT,
    "assessedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CriterionAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UnitCriteriaGroup" (
    "unitId" TEXT NOT NULL,
    "setId" TEXT NOT NULL,
    "group" INTEGER NOT NULL,

    CONSTRAINT "UnitCriteriaGroup_pkey" PRIMARY KEY ("unitId","setId")
);

-- CreateTable
CREATE TABLE "Target" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "criterionId" TEXT,
    "title" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "baselineValue" DECIMAL(20,4) NOT NULL,
    "baselineYear" INTEGER NOT NULL,
    "targetValue" DECIMAL(20,4) NOT NULL,
    "targetYear" INTEGER NOT NULL,
    "direction" "TargetDirection" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Target_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TargetMeasurement" (
    "id" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "value" DECIMAL(20,4) NOT NULL,
    "source" TEXT NOT NULL,
    "recordedById" TEXT,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TargetMeasurement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Milestone" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "ownerUnitId" TEXT NOT NULL,
    "startOn" DATE NOT NULL,
    "dueOn" DATE NOT NULL,
    "status" "MilestoneStatus" NOT NULL DEFAULT 'planned',
    "overdueNotifiedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Milestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BudgetLine" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "milestoneId" TEXT,
    "source" "CapitalSource" NOT NULL,
    "year" INTEGER NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "amount" BIGINT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BudgetLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Disbursement" (
    "id" TEXT NOT NULL,
    "budgetLineId" TEXT NOT NULL,
    "amount" BIGINT NOT NULL,
    "paidOn" DATE NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Disbursement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InKindContribution" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "milestoneId" TEXT,
    "kind" "InKindKind" NOT NULL,
    "quantity" DECIMAL(20,2) NOT NULL,
    "year" INTEGER NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InKindContribution_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Shortage" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "category" "ShortageCategory" NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "quantity" INTEGER NOT NULL,
    "unitLabel" TEXT NOT NULL,
    "estimatedCost" BIGINT,
    "status" "ShortageStatus" NOT NULL DEFAULT 'open',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Shortage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_MilestoneToTarget" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_MilestoneToTarget_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateTable
CREATE TABLE "_MilestoneToShortage" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_MilestoneToShortage_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateTable
CREATE TABLE "_BudgetLineToShortage" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_BudgetLineToShortage_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE UNIQUE INDEX "CriteriaSet_code_key" ON "CriteriaSet"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Criterion_setId_number_key" ON "Criterion"("setId", "number");

-- CreateIndex
CREATE INDEX "CriterionAssessment_criterionId_period_idx" ON "CriterionAssessment"("criterionId", "period");

-- CreateIndex
CREATE UNIQUE INDEX "CriterionAssessment_unitId_criterionId_period_key" ON "CriterionAssessment"("unitId", "criterionId", "period");

-- CreateIndex
CREATE INDEX "Target_planId_idx" ON "Target"("planId");

-- CreateIndex
CREATE UNIQUE INDEX "TargetMeasurement_targetId_period_key" ON "TargetMeasurement"("targetId", "period");

-- CreateIndex
CREATE INDEX "Milestone_planId_idx" ON "Milestone"("planId");

-- CreateIndex
CREATE INDEX "Milestone_status_dueOn_idx" ON "Milestone"("status", "dueOn");

-- CreateIndex
CREATE INDEX "BudgetLine_planId_idx" ON "BudgetLine"("planId");

-- CreateIndex
CREATE INDEX "Disbursement_budgetLineId_idx" ON "Disbursement"("budgetLineId");

-- CreateIndex
CREATE INDEX "InKindContribution_planId_idx" ON "InKindContribution"("planId");

-- CreateIndex
CREATE INDEX "Shortage_planId_idx" ON "Shortage"("planId");

-- CreateIndex
CREATE INDEX "Shortage_unitId_idx" ON "Shortage"("unitId");

-- CreateIndex
CREATE INDEX "_MilestoneToTarget_B_index" ON "_MilestoneToTarget"("B");

-- CreateIndex
CREATE INDEX "_MilestoneToShortage_B_index" ON "_MilestoneToShortage"("B");

-- CreateIndex
CREATE INDEX "_BudgetLineToShortage_B_index" ON "_BudgetLineToShortage"("B");

-- AddForeignKey
ALTER TABLE "Criterion" ADD CONSTRAINT "Criterion_setId_fkey" FOREIGN KEY ("setId") REFERENCES "CriteriaSet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CriterionAssessment" ADD CONSTRAINT "CriterionAssessment_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CriterionAssessment" ADD CONSTRAINT "CriterionAssessment_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "Criterion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CriterionAssessment" ADD CONSTRAINT "CriterionAssessment_assessedById_fkey" FOREIGN KEY ("assessedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitCriteriaGroup" ADD CONSTRAINT "UnitCriteriaGroup_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitCriteriaGroup" ADD CONSTRAINT "UnitCriteriaGroup_setId_fkey" FOREIGN KEY ("setId") REFERENCES "CriteriaSet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Target" ADD CONSTRAINT "Target_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Target" ADD CONSTRAINT "Target_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "Criterion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TargetMeasurement" ADD CONSTRAINT "TargetMeasurement_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "Target"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TargetMeasurement" ADD CONSTRAINT "TargetMeasurement_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_ownerUnitId_fkey" FOREIGN KEY ("ownerUnitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetLine" ADD CONSTRAINT "BudgetLine_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetLine" ADD CONSTRAINT "BudgetLine_milestoneId_fkey" FOREIGN KEY ("milestoneId") REFERENCES "Milestone"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Disbursement" ADD CONSTRAINT "Disbursement_budgetLineId_fkey" FOREIGN KEY ("budgetLineId") REFERENCES "BudgetLine"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InKindContribution" ADD CONSTRAINT "InKindContribution_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InKindContribution" ADD CONSTRAINT "InKindContribution_milestoneId_fkey" FOREIGN KEY ("milestoneId") REFERENCES "Milestone"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Shortage" ADD CONSTRAINT "Shortage_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Shortage" ADD CONSTRAINT "Shortage_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_MilestoneToTarget" ADD CONSTRAINT "_MilestoneToTarget_A_fkey" FOREIGN KEY ("A") REFERENCES "Milestone"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_MilestoneToTarget" ADD CONSTRAINT "_MilestoneToTarget_B_fkey" FOREIGN KEY ("B") REFERENCES "Target"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_MilestoneToShortage" ADD CONSTRAINT "_MilestoneToShortage_A_fkey" FOREIGN KEY ("A") REFERENCES "Milestone"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_MilestoneToShortage" ADD CONSTRAINT "_MilestoneToShortage_B_fkey" FOREIGN KEY ("B") REFERENCES "Shortage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_BudgetLineToShortage" ADD CONSTRAINT "_BudgetLineToShortage_A_fkey" FOREIGN KEY ("A") REFERENCES "BudgetLine"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_BudgetLineToShortage" ADD CONSTRAINT "_BudgetLineToShortage_B_fkey" FOREIGN KEY ("B") REFERENCES "Shortage"("id") ON DELETE CASCADE ON UPDATE CASCADE;
