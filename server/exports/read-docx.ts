import JSZip from "jszip";

const unescape = (text: string) =>
  text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/**
 * A generated DOCX read back the way Word stores it, for the tests: the raw parts and the
 * text of every paragraph (table cells included), in document order.
 */
export async function readDocx(data: Buffer) {
  const zip = await JSZip.loadAsync(data);
  const part = async (name: string) => (await zip.file(name)?.async("string")) ?? "";
  const [document, styles, numbering] = await Promise.all([
    part("word/document.xml"),
    part("word/styles.xml"),
    part("word/numbering.xml"),
  ]);
  const paragraphXml = document.split("</w:p>").slice(0, -1);
  const textOf = (xml: string) =>
    unescape([...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""));
  const paragraphs = paragraphXml.map(textOf);
  return {
    document,
    styles,
    numbering,
    paragraphs,
    /** The XML of the first paragraph whose text contains `text` (to check its run properties). */
    paragraph: (text: string) => paragraphXml.find((xml) => textOf(xml).includes(text)) ?? "",
  };
}
