-- A draft may be written before its number is given (officials number a plan when it is issued):
-- the number is required to submit it (server/approvals/transition-plan.ts), not to save it.
-- AlterTable
ALTER TABLE "Plan" ALTER COLUMN "number" DROP NOT NULL;
