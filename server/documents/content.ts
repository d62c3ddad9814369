import { getSchema, type JSONContent } from "@tiptap/core";
import type { Schema } from "@tiptap/pm/model";
import { ProsemirrorTransformer } from "@hocuspocus/transformer";
import * as Y from "yjs";
import { documentExtensions } from "@/lib/editor/extensions";

/** The Yjs fragment TipTap's Collaboration extension writes to. */
export const FRAGMENT = "default";

/**
 * The document as ProseMirror JSON, as the editor and the DOCX export read it. Reading needs no
 * schema (the Yjs nodes carry their names): building TipTap's extensions here on each call was
 * most of what compacting a small document cost.
 */
export function contentOf(doc: Y.Doc): JSONContent {
  return ProsemirrorTransformer.fromYdoc(doc, FRAGMENT) as JSONContent;
}

let schema: Schema | undefined;
/** The plan schema, built once: the extensions never change while the process runs. */
const documentSchema = () => (schema ??= getSchema(documentExtensions()));

/** Plain text with one line per block, for search and for comparing versions. */
export function plainText(content: JSONContent): string {
  const lines: string[] = [];
  const walk = (node: JSONContent, line: string[]): void => {
    if (node.type === "text") {
      line.push(node.text ?? "");
      return;
    }
    if (node.type === "hardBreak") {
      line.push("\n");
      return;
    }
    const isBlock = ["paragraph", "heading", "tableCell", "tableHeader"].includes(node.type ?? "");
    if (isBlock) {
      const own: string[] = [];
      for (const child of node.content ?? []) walk(child, own);
      lines.push(own.join(""));
    } else {
      for (const child of node.content ?? []) walk(child, line);
    }
  };
  walk(content, []);
  return lines
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** A new Yjs document holding `content`. */
export const toYdoc = (content: JSONContent): Y.Doc =>
  ProsemirrorTransformer.toYdoc(content, FRAGMENT, documentSchema());

/** Replaces the whole document with `content`, as one change that every editor receives. */
export function replaceContent(doc: Y.Doc, content: JSONContent): void {
  const fresh = toYdoc(content);
  const fragment = doc.getXmlFragment(FRAGMENT);
  doc.transact(() => {
    fragment.delete(0, fragment.length);
    fragment.insert(
      0,
      fresh
        .getXmlFragment(FRAGMENT)
        .toArray()
        .map((node) => (node as Y.XmlElement).clone()),
    );
  });
}
