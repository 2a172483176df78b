import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('architecture (design.md): the engine is headless and scenario text is never evaluated', () => {
  it('sim/ never touches the DOM, pixi or the visualiser', () => {
    for (const f of files('sim')) {
      const text = readFileSync(f, 'utf8');
      expect(text, f).not.toMatch(/\b(document|window|navigator)\./);
      expect(text, f).not.toMatch(/from ['"](pixi\.js|\.\.\/src|\.\.\/\.\.\/src)/);
    }
  });
  it('no expression evaluator is called anywhere in sim/ or src/', () => {
    const roots = ['sim', ...(statSync('src', { throwIfNoEntry: false })?.isDirectory() ? ['src'] : [])];
    for (const f of roots.flatMap(files)) {
      const text = readFileSync(f, 'utf8');
      expect(text, f).not.toMatch(/\b(evaluate|compile)\(|math\.parse\(|\beval\(|new Function\(/);
    }
  });
});
