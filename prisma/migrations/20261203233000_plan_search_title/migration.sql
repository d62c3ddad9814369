-- Plan titles are searched without accents ("quai cang" finds "Quài Cang"), as documents are.
-- A generated column, so every writer (forms, seeds, restores) keeps it current. The letters
-- are those lib/search-text.ts strips; server/plans/search-title.test.ts checks that they agree.
CREATE FUNCTION vietnamese_unaccented(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN lower(translate($1,
    'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ',
    'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyydaaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd'));

ALTER TABLE "Plan" ADD COLUMN "searchTitle" text GENERATED ALWAYS AS (vietnamese_unaccented(title)) STORED;
