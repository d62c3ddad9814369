/** "2543/KH-SGDĐT": a number, a slash, then the document kind and issuing body in capitals. */
export const REFERENCE_PATTERN = /^(\d{1,6})\s*\/\s*([A-ZĐ]{2,}(?:-[A-ZĐ0-9]{1,})+)$/u;

/**
 * What a draft's number field may hold: the whole reference, or the symbol alone ("KH-UBND"
 * or "/KH-UBND") while the number is not given yet. Empty is allowed too (neither yet).
 */
export const DRAFT_REFERENCE_PATTERN = /^(?:(\d{1,6})?\s*\/\s*)?([A-ZĐ]{2,}(?:-[A-ZĐ0-9]{1,})+)$/u;
