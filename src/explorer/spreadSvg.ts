/**
 * Small SVG pieces the spread, A/B and Morris charts share, drawn with presentation attributes only (the page's
 * Content-Security-Policy refuses inline styles): an element, a text, a number in 4 significant digits, the
 * prescriptions' colours and a linear scale.
 */
const NS = 'http://www.w3.org/2000/svg';

/** A, B (and more): colours told apart in print and by most colour-blind readers (Okabe & Ito's blue and vermilion). */
export const SERIES_COLOURS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7'] as const;

export function svgEl<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}, text?: string): SVGElementTagNameMap[K] {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

export const short = (x: number) => String(Number(x.toPrecision(4)));

/** The linear map of [lo, hi] onto [a, b]; a range of no width maps to the middle. */
export function scale(lo: number, hi: number, a: number, b: number): (x: number) => number {
  return hi > lo ? (x) => a + ((x - lo) / (hi - lo)) * (b - a) : () => (a + b) / 2;
}

/** A legend: a swatch and a name per series, in a row from (x, y). */
export function legend(names: readonly string[], x: number, y: number, dashed = false): SVGGElement {
  const g = svgEl('g', { 'aria-label': 'legend' });
  let at = x;
  names.forEach((name, i) => {
    const colour = SERIES_COLOURS[i % SERIES_COLOURS.length];
    g.append(
      svgEl('line', {
        x1: at,
        x2: at + 18,
        y1: y - 4,
        y2: y - 4,
        stroke: colour,
        'stroke-width': 3,
        ...(dashed && i % 2 ? { 'stroke-dasharray': '5 3' } : {}),
      }),
    );
    g.append(svgEl('text', { x: at + 22, y, 'font-size': 12 }, name));
    at += 30 + 7 * name.length;
  });
  return g;
}
