/**
 * Behaviour kept across engine reshapes: the bundled scenarios' 48 h outputs and the cohort's 24 h and 72 h
 * replays equal those saved before the change (test/fixtures/reference-outputs/SOURCE.md names the commit).
 *
 * "Equal" is to the solver's tolerance, not to the bit: a new state (urea) changes odex's error norm, an RMS over
 * every component, and so its step sizes. Each number must agree within RELATIVE of the largest magnitude of its
 * own series (or of itself, for a single value); series added since (urea's) are allowed, none may go missing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REFERENCE_DIR, referenceDocuments } from './helpers/referenceOutputs.js';

/** odex runs at relative tolerance 1e-8; the global error over 48–72 h stays below 1e-6 of each quantity's scale. */
const RELATIVE = 1e-6;
/** Names that may appear in the new outputs without a saved counterpart. */
const ADDED = /urea/;

function scaleOf(v: unknown): number {
  if (typeof v === 'number') return Math.abs(v);
  if (Array.isArray(v)) return v.reduce((a: number, x) => Math.max(a, scaleOf(x)), 0);
  return 0;
}

/** Every difference between a saved and a new document, by JSON path. */
function differences(saved: unknown, now: unknown, path: string, scale: number, out: string[]): void {
  if (out.length > 20) return;
  if (typeof saved === 'number' && typeof now === 'number') {
    const tol = RELATIVE * Math.max(scale, Math.abs(saved), 1e-12);
    if (!(Math.abs(saved - now) <= tol)) out.push(`${path}: saved ${saved}, now ${now}`);
    return;
  }
  if (Array.isArray(saved) && Array.isArray(now)) {
    if (saved.length !== now.length) out.push(`${path}: saved ${saved.length} entries, now ${now.length}`);
    const s = scaleOf(saved);
    saved.forEach((v, i) => differences(v, now[i], `${path}[${i}]`, typeof v === 'number' ? s : 0, out));
    return;
  }
  if (saved && now && typeof saved === 'object' && typeof now === 'object') {
    const a = saved as Record<string, unknown>;
    const b = now as Record<string, unknown>;
    for (const k of Object.keys(a)) {
      if (!(k in b)) out.push(`${path}.${k}: missing now`);
      else differences(a[k], b[k], `${path}.${k}`, 0, out);
    }
    for (const k of Object.keys(b)) if (!(k in a) && !ADDED.test(k)) out.push(`${path}.${k}: new, not saved`);
    return;
  }
  if (saved !== now) out.push(`${path}: saved ${JSON.stringify(saved)}, now ${JSON.stringify(now)}`);
}

describe('reference outputs: the engine behaves as it did when they were saved', () => {
  const now = referenceDocuments();
  for (const [name, doc] of Object.entries(now)) {
    it(`${name} equals the saved outputs`, () => {
      const saved: unknown = JSON.parse(readFileSync(join(REFERENCE_DIR, name), 'utf8'));
      const out: string[] = [];
      differences(saved, doc, name, 0, out);
      expect(out).toEqual([]);
    });
  }
  it('the comparison can fail: a changed number is reported', () => {
    const out: string[] = [];
    differences({ a: [1, 2, 3] }, { a: [1, 2, 3.001] }, 'doc', 0, out);
    differences({ b: 1 }, { c: 1 }, 'doc', 0, out);
    expect(out).toEqual(['doc.a[2]: saved 3, now 3.001', 'doc.b: missing now', 'doc.c: new, not saved']);
  });
});
