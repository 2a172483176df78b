/**
 * Figures as the docs pages print them, for the scripts whose tables are pasted into a page as printed
 * (doseResponse.ts, standardCareLevers.ts): a negative figure with the page's minus sign (U+2212).
 */

/** x to `digits` places, a negative one with U+2212 (a rounded −0 printed as 0); NaN or infinite as a dash. */
export function pageFixed(x: number, digits: number): string {
  if (!Number.isFinite(x)) return '—';
  const text = x.toFixed(digits);
  return text.startsWith('-') ? (Number(text) === 0 ? text.slice(1) : `−${text.slice(1)}`) : text;
}

/** As pageFixed, with a + before a positive figure (a change). */
export function pageSigned(x: number, digits: number): string {
  return Number(x.toFixed(digits)) > 0 ? `+${pageFixed(x, digits)}` : pageFixed(x, digits);
}
