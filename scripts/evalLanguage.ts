/**
 * `npm run eval:language -- FILE`: the language identifier (intents/languageIdentifier.ts), trained on
 * the council's content in each language, against JSON Lines {"text", "lang"} ("en"/"en-GB" or
 * "cy"/"cy-GB"). Prints the misses and per-language figures; the last line of stdout is one JSON
 * object {"total","correct","accuracy","undecided","wrong","byLanguage"}. A message the identifier is
 * not sure of (it keeps the conversation's language) counts as undecided, not correct. Exits 0
 * whatever the score. Figures to quote come only from sets written blind by someone else.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LanguageIdentifier, type Language } from '../intents/languageIdentifier';
import { languageTexts } from '../knowledge/languageTexts';

const root = path.resolve(__dirname, '..');
const LANGS: Readonly<Record<string, Language>> = { en: 'en-GB', 'en-gb': 'en-GB', cy: 'cy-GB', 'cy-gb': 'cy-GB' };

export interface LanguageCase {
  text: string;
  lang: Language;
}

/** The cases of a JSON Lines file; a line that is not one is named (file:line) and left out. */
export function parseLanguageCases(source: string, file: string, warn: (message: string) => void): LanguageCase[] {
  const cases: LanguageCase[] = [];
  source.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    try {
      const c = JSON.parse(line) as { text?: unknown; lang?: unknown };
      const lang = typeof c.lang === 'string' ? LANGS[c.lang.toLowerCase()] : undefined;
      if (typeof c.text !== 'string' || !lang) throw new Error('needs "text" and "lang" ("en" or "cy")');
      cases.push({ text: c.text, lang });
    } catch (err) {
      warn(`${file}:${i + 1}: left out: ${(err as Error).message}`);
    }
  });
  return cases;
}

export function scoreLanguage(cases: readonly LanguageCase[], identifier: LanguageIdentifier) {
  const byLanguage: Record<string, { total: number; correct: number; undecided: number; wrong: number }> = {};
  const misses: Array<{ text: string; expected: Language; got?: Language }> = [];
  for (const c of cases) {
    const got = identifier.identify(c.text).language;
    const s = (byLanguage[c.lang] ??= { total: 0, correct: 0, undecided: 0, wrong: 0 });
    s.total++;
    if (got === c.lang) s.correct++;
    else {
      if (got) s.wrong++;
      else s.undecided++;
      misses.push({ text: c.text, expected: c.lang, got });
    }
  }
  const sum = (k: 'correct' | 'undecided' | 'wrong') => Object.values(byLanguage).reduce((n, s) => n + s[k], 0);
  const correct = sum('correct');
  return {
    report: { total: cases.length, correct, accuracy: cases.length ? correct / cases.length : 0, undecided: sum('undecided'), wrong: sum('wrong'), byLanguage },
    misses,
  };
}

function main(): void {
  const file = process.argv.slice(2).find((a) => !a.startsWith('--'));
  if (!file) {
    process.stderr.write('usage: npm run eval:language -- FILE.jsonl   (lines of {"text": …, "lang": "en" | "cy"})\n');
    process.exit(2);
  }
  const cases = parseLanguageCases(fs.readFileSync(file, 'utf8'), file, (m) => process.stderr.write(`${m}\n`));
  const identifier = LanguageIdentifier.train(
    languageTexts({
      intentsDir: path.join(root, 'intents', 'data'),
      articlesDir: path.join(root, 'knowledge', 'articles'),
      messagesDir: path.join(root, 'knowledge', 'messages'),
    }),
  );
  const { report, misses } = scoreLanguage(cases, identifier);
  const out = (s: string) => process.stdout.write(`${s}\n`);
  for (const m of misses) out(`${m.got ? '✗' : '?'} ${m.expected} ${m.got ? `read as ${m.got}` : 'undecided'}: ${JSON.stringify(m.text)}`);
  for (const [lang, s] of Object.entries(report.byLanguage).sort())
    out(`${lang}: ${s.correct}/${s.total} right (${((s.correct / s.total) * 100).toFixed(1)}%), ${s.undecided} undecided, ${s.wrong} wrong`);
  out(`accuracy ${(report.accuracy * 100).toFixed(1)}% (${report.correct}/${report.total}); undecided ${report.undecided}, wrong ${report.wrong}`);
  out(JSON.stringify(report));
}

if (require.main === module) main();
