/** Safe to import in the browser: how a plan's number and symbol are written. */

export interface Numbered {
  /** Null while a draft has no number yet. */
  number: string | null;
  /** "" while a draft has no symbol yet. */
  symbol: string;
}

/** "2543/KH-SGDĐT", or null while the plan has no number (a draft): the interface then says "Chưa có số". */
export function formatReference(plan: Numbered): string | null {
  return plan.number ? `${plan.number}/${plan.symbol}` : null;
}

/** What a plan's form shows in its number field: the whole reference, or the symbol alone of a draft. */
export const referenceInput = (plan: Numbered) => formatReference(plan) ?? plan.symbol;

/** Blank room for the number on a draft's heading, which the clerk fills in when the plan is issued. */
export const UNNUMBERED = "\u00a0".repeat(8);

/**
 * The "Số:" of an exported document's heading: the reference, or for a draft without one a
 * blank and its symbol ("        /KH-UBND"), as officials print their drafts; a draft without a
 * symbol takes the kind and issuer's abbreviation (`fallbackSymbol`).
 */
export const headingReference = (plan: Numbered, fallbackSymbol: string) =>
  formatReference(plan) ?? `${UNNUMBERED}/${plan.symbol || fallbackSymbol}`;
