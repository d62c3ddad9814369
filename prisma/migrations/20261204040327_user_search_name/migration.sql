-- People are found by name without accents in the mention lookup ("nguyen van" finds "Nguyễn
-- Văn An"), with the function plan titles are searched by (migration plan_search_title). A
-- generated column, so every writer (admin forms, seeds, imports) keeps it current.
ALTER TABLE "User" ADD COLUMN "searchName" text GENERATED ALWAYS AS (vietnamese_unaccented(name)) STORED;
