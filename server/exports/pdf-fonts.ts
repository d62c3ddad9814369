import { createRequire } from "node:module";
import path from "node:path";
import type { TFontDictionary } from "pdfmake/interfaces";

/**
 * Tinos (Steve Matteson for Google, SIL Open Font License 1.1, from the npm package
 * @expo-google-fonts/tinos): a serif drawn to the metrics of Times New Roman, with every
 * Vietnamese letter, so a PDF sets its lines exactly as Word sets the DOCX in Times New Roman
 * and, embedded (subset), prints the same on any machine.
 */
export const PDF_FONT = "Tinos";

const FILES = {
  normal: "400Regular/Tinos_400Regular.ttf",
  bold: "700Bold/Tinos_700Bold.ttf",
  italics: "400Regular_Italic/Tinos_400Regular_Italic.ttf",
  bolditalics: "700Bold_Italic/Tinos_700Bold_Italic.ttf",
} as const;

let fonts: { dictionary: TFontDictionary; files: Set<string> } | undefined;

/**
 * The four faces' files, resolved from the project's root as Node resolves packages (the
 * server runs from there), so that the bundler of the web routes leaves them where they are;
 * `files` is every path pdfmake may read.
 */
export function pdfFonts() {
  if (!fonts) {
    const resolve = createRequire(path.join(process.cwd(), "package.json")).resolve;
    const [normal, bold, italics, bolditalics] = [FILES.normal, FILES.bold, FILES.italics, FILES.bolditalics].map(
      (file) => resolve(`@expo-google-fonts/tinos/${file}`),
    ) as [string, string, string, string];
    fonts = {
      dictionary: { [PDF_FONT]: { normal, bold, italics, bolditalics } },
      files: new Set([normal, bold, italics, bolditalics]),
    };
  }
  return fonts;
}
