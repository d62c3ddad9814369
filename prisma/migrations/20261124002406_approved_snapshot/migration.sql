-- AlterTable
ALTER TABLE "PlanTransition" ADD COLUMN     "snapshot" JSONB;
