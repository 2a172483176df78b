import { int, pick, type Rng } from './random.js';

/** Mutations of the text itself: broken JSON, duplicate keys, encodings. */
export function mutateText(r: Rng, text: string, log: string[]): string {
  const pos = int(r, 0, text.length);
  const kind = pick(r, [
    'truncate',
    'deleteChar',
    'insertChar',
    'singleQuotes',
    'trailingComma',
    'comment',
    'bom',
    'literal',
    'duplicateKey',
    'escapedDuplicate',
    'replaceAll',
    'deepText',
    'controlChar',
    'loneSurrogate',
    'huge',
  ] as const);
  log.push(`text ${kind}`);
  switch (kind) {
    case 'truncate':
      return text.slice(0, pos);
    case 'deleteChar':
      return text.slice(0, pos) + text.slice(pos + 1);
    case 'insertChar':
      return text.slice(0, pos) + pick(r, ['{', '}', '[', ']', ',', ':', '"', '\\', 'a', '0', '-', '\u2028', '\u0000', 'é', '😀', ' ']) + text.slice(pos);
    case 'singleQuotes':
      return text.replace(/"/g, () => (r() < 0.1 ? "'" : '"'));
    case 'trailingComma':
      return text.replace(/(\S)(\s*[}\]])/, '$1,$2');
    case 'comment':
      return text.replace(/\n/, pick(r, ['\n// a comment\n', '\n/* a comment */\n', '\n# a comment\n']));
    case 'bom':
      return '\uFEFF' + text;
    case 'literal':
      return text.replace(/"\d[^"]*"/, pick(r, ['NaN', 'Infinity', '-Infinity', 'undefined', '0x10', '01', '1.', '.5', '+1', "'45 kg'", 'true false']));
    case 'duplicateKey': {
      const lines = text.split('\n');
      const candidates = lines.map((l, i) => [l, i] as const).filter(([l]) => /^\s*"[^"]+":\s*[^{[]+,\s*$/.test(l));
      if (!candidates.length) return text;
      const [line, i] = pick(r, candidates);
      lines.splice(i + 1, 0, line);
      return lines.join('\n');
    }
    case 'escapedDuplicate':
      // "\u0077eight" is "weight": the same key spelt two ways
      return text.replace(/"weight": ("[^"]*"),/, '"weight": $1, "\\u0077eight": "90 kg",');
    case 'replaceAll':
      return pick(r, [
        '',
        ' ',
        '\n',
        'null',
        '[]',
        '42',
        '"scenario"',
        'true',
        '{}',
        '{"name": "x"}',
        '[{}]',
        '{"__proto__": {"polluted": 1}}',
        '\uFEFF',
        '\u0000',
      ]);
    case 'deepText': {
      const d = pick(r, [33, 100, 5000, 50_000]);
      return pick(r, ['[', '{"a":']).repeat(d) + '1' + pick(r, [']', '}']).repeat(d);
    }
    case 'controlChar':
      return text.replace(/"name": "/, `"name": "${pick(r, ['\u0000', '\u0007', '\b', '\u001f'])}`);
    case 'loneSurrogate':
      return text.replace(/"name": "/, pick(r, ['"name": "\\ud800', '"name": "\ud800', '"name": "\\udfff x']));
    case 'huge':
      return text.replace(/\n/, '\n' + ' '.repeat(pick(r, [100_000, 5 * 1024 * 1024 + 10])));
  }
}
