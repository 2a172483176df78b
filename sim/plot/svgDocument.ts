/**
 * Plots drawn in Node: a light DOM (linkedom) for Observable Plot to draw into, and the pieces of a chart stacked
 * into one standalone SVG file (title, legend, panels), with the SVG namespace a file needs.
 */
import { parseHTML } from 'linkedom';

export function lightDocument(): Document {
  return parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const MARGIN = 10;
const size = (el: Element, attr: 'width' | 'height') => Number(el.getAttribute(attr) ?? 0);

/** One SVG document: a title line, then each piece (an <svg> drawn by Plot) below the one before. */
export function stackSvg(title: string, pieces: Element[]): string {
  const gap = 8;
  let y = 28;
  const placed: string[] = [];
  for (const piece of pieces) {
    piece.setAttribute('x', String(MARGIN));
    piece.setAttribute('y', String(y));
    placed.push(piece.outerHTML);
    y += size(piece, 'height') + gap;
  }
  const width = MARGIN + Math.max(...pieces.map((p) => size(p, 'width')));
  const height = y;
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="${SVG_NS}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="10" y="18" font-size="14" font-weight="bold">${escapeXml(title)}</text>`,
    ...placed,
    `</svg>`,
    '',
  ].join('\n');
}
