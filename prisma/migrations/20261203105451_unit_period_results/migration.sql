-- CreateTable
CREATE TABLE "UnitPeriodResult" (
    "setId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "assessed" INTEGER NOT NULL,
    "met" INTEGER NOT NULL,
    "metMask" BIGINT NOT NULL,
    "advancedMask" BIGINT NOT NULL,
    "modelMask" BIGINT NOT NULL,

    CONSTRAINT "UnitPeriodResult_pkey" PRIMARY KEY ("setId","period","unitId")
);

-- CreateIndex
CREATE INDEX "UnitPeriodResult_unitId_idx" ON "UnitPeriodResult"("unitId");

-- CreateIndex
CREATE INDEX "OrgUnit_mergedIntoId_idx" ON "OrgUnit"("mergedIntoId");

-- AddForeignKey
ALTER TABLE "UnitPeriodResult" ADD CONSTRAINT "UnitPeriodResult_setId_fkey" FOREIGN KEY ("setId") REFERENCES "CriteriaSet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitPeriodResult" ADD CONSTRAINT "UnitPeriodResult_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Recounts the results of the (unit, set, period) of the given assessments from what is stored.
CREATE FUNCTION unit_period_results_recount(units text[], criteria text[], periods text[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  CREATE TEMP TABLE IF NOT EXISTS upr_touched ("unitId" text, "setId" text, period text) ON COMMIT DROP;
  TRUNCATE upr_touched;
  INSERT INTO upr_touched
    SELECT DISTINCT t.u, c."setId", t.p
    FROM unnest(units, criteria, periods) AS t(u, cr, p) JOIN "Criterion" c ON c.id = t.cr;
  DELETE FROM "UnitPeriodResult" r USING upr_touched t
    WHERE r."unitId" = t."unitId" AND r."setId" = t."setId" AND r.period = t.period;
  INSERT INTO "UnitPeriodResult" ("setId", period, "unitId", assessed, met, "metMask", "advancedMask", "modelMask")
    SELECT c."setId", a.period, a."unitId", count(*)::int,
      (count(*) FILTER (WHERE a.result <> 'not_met'))::int,
      COALESCE(bit_or(1::bigint << c.number) FILTER (WHERE a.result <> 'not_met'), 0),
      COALESCE(bit_or(1::bigint << c.number) FILTER (WHERE a.result = 'advanced'), 0),
      COALESCE(bit_or(1::bigint << c.number) FILTER (WHERE a.result = 'model'), 0)
    FROM "CriterionAssessment" a
    JOIN "Criterion" c ON c.id = a."criterionId"
    JOIN upr_touched t ON t."unitId" = a."unitId" AND t."setId" = c."setId" AND t.period = a.period
    WHERE c.number BETWEEN 0 AND 62
    GROUP BY 1, 2, 3;
END $$;

CREATE FUNCTION unit_period_results_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM unit_period_results_recount(
      ARRAY(SELECT "unitId" FROM new_rows), ARRAY(SELECT "criterionId" FROM new_rows), ARRAY(SELECT period FROM new_rows));
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    PERFORM unit_period_results_recount(
      ARRAY(SELECT "unitId" FROM old_rows), ARRAY(SELECT "criterionId" FROM old_rows), ARRAY(SELECT period FROM old_rows));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER unit_period_results_insert AFTER INSERT ON "CriterionAssessment"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION unit_period_results_changed();
CREATE TRIGGER unit_period_results_update AFTER UPDATE ON "CriterionAssessment"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION unit_period_results_changed();
CREATE TRIGGER unit_period_results_delete AFTER DELETE ON "CriterionAssessment"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION unit_period_results_changed();

-- The results stored so far.
SELECT unit_period_results_recount(
  ARRAY(SELECT "unitId" FROM "CriterionAssessment"), ARRAY(SELECT "criterionId" FROM "CriterionAssessment"),
  ARRAY(SELECT period FROM "CriterionAssessment"));
