-- Approved versions were named in Vietnamese ("Bản được phê duyệt (lần 2)"): they become their own
-- kind with the revision, and the interface names them in the reader's language.
UPDATE "PlanDocumentVersion"
SET kind = 'approved', revision = substring(name FROM '\(lần (\d+)\)')::int, name = NULL
WHERE kind = 'manual' AND name ~ '^Bản được phê duyệt \(lần \d+\)$';
