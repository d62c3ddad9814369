import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/**
 * A generated PDF read back with Mozilla's PDF.js, for the tests: each page's text from top
 * to bottom as segments (the text on one baseline, split where a column or cell leaves a wide
 * gap), the document's metadata, the fonts it names and whether every font it describes is
 * embedded.
 */
export async function readPdf(data: Buffer) {
  const task = getDocument({ data: new Uint8Array(data), useSystemFonts: false });
  const pdf = await task.promise;
  const pages: string[][] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent();
    const lines = new Map<number, { x: number; end: number; text: string }[]>();
    for (const item of content.items) {
      if (!("str" in item) || item.str === "") continue;
      const y = Math.round(item.transform[5]);
      const x = item.transform[4];
      lines.set(y, [...(lines.get(y) ?? []), { x, end: x + item.width, text: item.str }]);
    }
    pages.push(
      [...lines.entries()].sort(([a], [b]) => b - a).flatMap(([, items]) => segments(items.sort((a, b) => a.x - b.x))),
    );
  }
  const { info } = (await pdf.getMetadata()) as { info: Record<string, unknown> };
  await task.destroy();
  // Object dictionaries are plain text in the file (only streams are compressed).
  const raw = data.toString("latin1");
  const fonts = [...new Set([...raw.matchAll(/\/BaseFont\s*\/([^\s/<>[\]]+)/g)].map((m) => m[1]!))];
  const descriptors = [...raw.matchAll(/\/Type\s*\/FontDescriptor[\s\S]*?>>/g)].map((m) => m[0]);
  const embedded = descriptors.length > 0 && descriptors.every((d) => /\/FontFile[23]?\s/.test(d));
  return { pages, info, fonts, embedded };
}

/**
 * Items on one baseline, left to right: joined (with a space where words are apart), split where
 * a gap is wider than 12 pt (PDF.js fills such a gap with a blank item as wide as it).
 */
function segments(items: { x: number; end: number; text: string }[]): string[] {
  const out: string[] = [];
  let previous: { end: number } | null = null;
  for (const item of items) {
    const gap = previous ? item.x - previous.end : Infinity;
    const wideBlank = item.text.trim() === "" && item.end - item.x > 12;
    if (wideBlank) {
      previous = null;
      continue;
    }
    if (gap > 12) out.push(item.text);
    else out[out.length - 1] += `${gap > 1 ? " " : ""}${item.text}`;
    previous = item;
  }
  return out.map((text) => text.replace(/\s+/g, " ").trim()).filter(Boolean);
}

const words = (lines: string[]) =>
  lines
    .join(" ")
    // A narrow PDF cell may break "triệu đồng/người/năm" after a slash, where Word keeps it whole.
    .replaceAll("/", "/ ")
    .split(/\s+/)
    .filter(Boolean);

/**
 * The words of `expected` (a DOCX's paragraphs) that the PDF's pages do not say, each counted
 * as often as it occurs. A word the PDF broke inside, as a too narrow cell does, counts as said
 * when its two parts are there; the PDF may say more (page numbers, heading rows repeated).
 */
export function wordsMissing(expected: string[], pages: string[][]): string[] {
  const bag = new Map<string, number>();
  for (const word of words(pages.flat())) bag.set(word, (bag.get(word) ?? 0) + 1);
  const take = (word: string) => {
    const count = bag.get(word) ?? 0;
    if (count > 0) bag.set(word, count - 1);
    return count > 0;
  };
  const missing = words(expected).filter((word) => !take(word));
  return missing.filter((word) => {
    for (let cut = 1; cut < word.length; cut++) {
      const [head, tail] = [word.slice(0, cut), word.slice(cut)];
      if ((bag.get(head) ?? 0) > 0 && (bag.get(tail) ?? 0) > 0) return !(take(head) && take(tail));
    }
    return true;
  });
}
