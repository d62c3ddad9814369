/** Lower case, no Vietnamese diacritics ("Điện Biên" → "dien bien"), for accent-insensitive search. */
export function searchable(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase();
}
