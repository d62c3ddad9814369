/**
 * "2543/KH-SGDĐT": how officials write a document's number and symbol. A plan not numbered yet
 * (an amendment being drafted) reads as a draft document does, "…/KH-UBND". Safe in the browser.
 */
export const planReference = (plan: { number: string | null; symbol: string }) =>
  `${plan.number ?? "…"}/${plan.symbol}`;
