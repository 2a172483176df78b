/**
 * Mistakes in a quantity's text that the unit parser would misreport: a space that only looks like one (a
 * non-breaking space pasted from a document: the parser says `Unexpected " "`), and an angle where a fraction is
 * expected (the unit library counts deg and rad as dimensionless, so "0.5 deg" would read as 0.0087).
 */
const LOOKALIKE_SPACES: Record<string, string> = {
  '\u00A0': 'non-breaking space (U+00A0)',
  '\u202F': 'narrow non-breaking space (U+202F)',
  '\u2007': 'figure space (U+2007)',
  '\u2009': 'thin space (U+2009)',
  '\u200A': 'hair space (U+200A)',
  '\u200B': 'zero-width space (U+200B)',
  '\u2060': 'word joiner (U+2060)',
  '\uFEFF': 'zero-width no-break space (U+FEFF)',
  '\t': 'tab',
};
const ANGLE = /(^|[\s\d/*^(])(deg|degs?|degrees?|rad|rads|radians?|grad|gradians?|arcmin|arcsec|cycles?)\s*$/i;

/** Why `raw` is not a quantity the parser should read, in words; undefined when it may be parsed. */
export function quantityTextProblem(raw: unknown, unit: string): string | undefined {
  if (typeof raw !== 'string') return undefined;
  for (let i = 0; i < raw.length; i++) {
    const name = LOOKALIKE_SPACES[raw[i]];
    if (name) return `a ${name} at index ${i} (write a plain space)`;
  }
  const angle = unit === '1' ? ANGLE.exec(raw.trim()) : null;
  if (angle) return `${angle[2]} is an angle, not a fraction`;
  return undefined;
}
