/** "2543/KH-SGDĐT": a number, a slash, then the document kind and issuing body in capitals. */
export const REFERENCE_PATTERN = /^(\d{1,6})\s*\/\s*([A-ZĐ]{2,}(?:-[A-ZĐ0-9]{1,})+)$/u;
