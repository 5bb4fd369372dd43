import type { ContentProblem } from '../trainingData';

/**
 * Which languages' file has a part of a per-language words file (numbers.yaml, dates.yaml): every language (`each`), only
 * the base language, whose words are read in every language (`base`), or every language but the base one (`own`: the
 * words a language's own reader puts into the base language's).
 */
export type PartKind = 'each' | 'base' | 'own';

/**
 * The parts a language's file lacks (at the line of the next part it has, where the missing one belongs) and those it
 * has that belong to another language's file (at their own line). `lines` are the lines of the file's top-level keys.
 */
export function localePartProblems(file: {
  path: string;
  /** The file's name in every language's folder ("numbers.yaml"). */
  name: string;
  locale: string;
  /** The language whose words are read in every language. */
  baseLocale: string;
  parts: Readonly<Record<string, PartKind>>;
  lines: ReadonlyMap<string, number>;
  lastLine: number;
}): ContentProblem[] {
  const { name: fileName, parts, lines, lastLine, baseLocale } = file;
  const base = file.locale === baseLocale;
  const names = Object.keys(parts);
  const wanted = (p: string): boolean => parts[p] === 'each' || (parts[p] === 'base') === base;
  const problems: ContentProblem[] = [];
  for (const part of names) {
    if (wanted(part)) {
      if (lines.has(part)) continue;
      const next = names.slice(names.indexOf(part) + 1).find((p) => lines.has(p) && wanted(p));
      problems.push({
        severity: 'error',
        file: file.path,
        line: next ? lines.get(next) : lastLine,
        message: `${part}: missing (add it ${next ? `before ${next}` : 'at the end'})`,
      });
    } else if (lines.has(part))
      problems.push({
        severity: 'error',
        file: file.path,
        line: lines.get(part),
        message: base
          ? `${part}: the words of another language, read by its own reader, not of ${baseLocale} (add them to that language's ${fileName})`
          : `${part}: read from ${baseLocale}/${fileName} in every language, not from here (add its words there)`,
      });
  }
  return problems;
}
