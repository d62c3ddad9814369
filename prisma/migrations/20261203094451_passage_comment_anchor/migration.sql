-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "anchor" JSONB;
