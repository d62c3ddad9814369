import { createTranslator } from "next-intl";
import en from "@/messages/en.json";
import vi from "@/messages/vi.json";
import type { Locale } from "./locales";

const catalogues = { vi, en } as const;
const typedTranslator = (locale: Locale) => createTranslator({ locale, messages: catalogues[locale] as typeof vi });
const translators = new Map<Locale, ReturnType<typeof typedTranslator>>();

/**
 * The interface's translator (next-intl's, over the same catalogues as the pages) for code that
 * runs outside a page: exports, the command line, logs.
 */
export function translatorFor(locale: Locale) {
  let translator = translators.get(locale);
  if (!translator) translators.set(locale, (translator = typedTranslator(locale)));
  return translator;
}

/** A message whose key comes as data (a refusal, an import issue), or the key itself when there is none. */
export function sayIn(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  const translate = translatorFor(locale) as unknown as {
    (key: string, params: Record<string, string | number>): string;
    has(key: string): boolean;
  };
  return translate.has(key) ? translate(key, params) : key;
}
