/**
 * A hint for the shell's word splitting: `--set prescription.effluentDose=30 mL/kg/h` unquoted reaches the command as
 * two words, and commander only says "too many arguments". The hint shows the value quoted.
 */
const VALUE_OPTIONS = ['--set', '--vary'];

export function quoteHint(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length - 2; i++) {
    const [option, value, next] = argv.slice(i, i + 3);
    if (VALUE_OPTIONS.includes(option) && value.includes('=') && !next.startsWith('-')) {
      return `hint: a value with spaces must be quoted, as one word: ${option} "${value} ${next}"`;
    }
  }
  return undefined;
}
