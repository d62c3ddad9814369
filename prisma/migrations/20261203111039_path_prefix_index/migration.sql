-- DropIndex
DROP INDEX "OrgUnit_path_idx";

-- CreateIndex
CREATE INDEX "OrgUnit_path_idx" ON "OrgUnit" USING SPGIST ("path" text_ops);
