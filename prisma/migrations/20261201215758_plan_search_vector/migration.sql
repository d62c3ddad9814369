-- Plan search reads this column through its GIN index instead of computing to_tsvector over
-- every document on each request. PostgreSQL computes it, so the collaboration server's
-- compaction, the seed and a restore (which skips generated columns) all keep it current.
-- Stripped of word positions: search matches words, not phrases, and the column is half the size.
-- Prisma cannot declare the expression, it sees an Unsupported("tsvector") column.
ALTER TABLE "PlanDocument" ADD COLUMN "searchVector" tsvector
  GENERATED ALWAYS AS (strip(to_tsvector('simple', "searchText"))) STORED;

-- CreateIndex
CREATE INDEX "PlanDocument_searchVector_idx" ON "PlanDocument" USING GIN ("searchVector");
