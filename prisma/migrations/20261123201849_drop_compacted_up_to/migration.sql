-- AlterTable
ALTER TABLE "PlanDocument" DROP COLUMN "compactedUpTo";
