-- CreateIndex
CREATE INDEX "Plan_issuedOn_updatedAt_id_idx" ON "Plan"("issuedOn" DESC, "updatedAt" DESC, "id");

-- CreateIndex
CREATE INDEX "Plan_year_idx" ON "Plan"("year");

-- CreateIndex
CREATE INDEX "Plan_status_idx" ON "Plan"("status");
