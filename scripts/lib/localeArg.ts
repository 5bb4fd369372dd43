import { SUPPORTED_LOCALES, type Locale } from '../../knowledge/locales';

/**
 * The eval commands' `--locale cy-GB` (any declared language; en-GB when left out) and the other
 * arguments without it. An unknown language is a usage error, not English.
 */
export function localeArg(argv: readonly string[]): { locale: Locale; rest: string[] } | { error: string } {
  const at = argv.indexOf('--locale');
  if (at < 0) return { locale: 'en-GB', rest: [...argv] };
  const value = argv[at + 1];
  if (!value || !(SUPPORTED_LOCALES as readonly string[]).includes(value)) return { error: `--locale takes one of ${SUPPORTED_LOCALES.join(', ')}` };
  return { locale: value as Locale, rest: [...argv.slice(0, at), ...argv.slice(at + 2)] };
}

/** The arguments with `--locale` read, or a usage error printed and exit code 2. */
export function localeOrExit(argv: readonly string[]): { locale: Locale; rest: string[] } {
  const parsed = localeArg(argv);
  if ('error' in parsed) {
    process.stderr.write(`${parsed.error}\n`);
    process.exit(2);
  }
  return parsed;
}
