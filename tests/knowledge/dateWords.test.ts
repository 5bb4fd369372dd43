import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dateWords, dateWordsFile, dateWordsProblems, loadDateWordsOrShipped } from '../../intents/entities/dateWords';
import { englishDatePatterns, extractDates } from '../../intents/entities/dates';
import { extractWelshDates, welshDatePatterns } from '../../intents/entities/welshDates';
import { foldWelsh } from '../../intents/entities/welshFold';
import { DEFAULT_PATHS, validateAll } from '../../scripts/validate';

const shippedMessages = path.resolve(__dirname, '../../knowledge/messages');
const ROOT = path.resolve(__dirname, '../..');

/** A copy of the shipped messages in a new temporary folder, with a locale's dates.yaml and its lines, to break. */
function shippedCopy(locale: string): { dir: string; file: string; lines: string[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dates-'));
  fs.cpSync(shippedMessages, dir, { recursive: true });
  const file = dateWordsFile(dir, locale);
  return { dir, file, lines: fs.readFileSync(file, 'utf8').split('\n') };
}

const lineOf = (lines: string[], start: string): number => lines.findIndex((l) => l.startsWith(start)) + 1;

describe('date words are content (knowledge/messages/<locale>/dates.yaml)', () => {
  afterEach(() => {
    // Back to the project's own words for the other tests of this file.
    for (const locale of ['en-GB', 'cy-GB']) loadDateWordsOrShipped(undefined, locale);
  });

  it('the shipped files are valid, and validate reads them', () => {
    expect(dateWordsProblems(shippedMessages)).toEqual([]);
    expect(dateWords('en-GB').not_alone).toContain('right now');
    expect(dateWords('cy-GB').weekdays?.llun).toBe('monday');
  });

  it('a Welsh part missing is an error at the line where it belongs, in npm run validate too', () => {
    const { dir, file, lines } = shippedCopy('cy-GB');
    const next = lineOf(lines, 'next:');
    fs.writeFileSync(file, lines.filter((l) => !l.startsWith('last:')).join('\n'));
    const problems = validateAll({ ...DEFAULT_PATHS, messagesDir: dir }).filter((p) => p.file === file);
    expect(problems).toEqual([expect.objectContaining({ severity: 'error', line: next - 1, message: 'last: missing (add it before next)' })]);
  });

  it('a misspelt part, a word with a capital or an accent, an unknown weekday and a part of the other language are errors with their lines', () => {
    const { dir, file, lines } = shippedCopy('cy-GB');
    const week = lineOf(lines, 'week:');
    const sul = lineOf(lines, '  sul:');
    const lun = lineOf(lines, '  lun:');
    const night = lineOf(lines, 'night:');
    lines[week - 1] = lines[week - 1].replace('week:', 'wek:');
    lines[sul - 1] = '  sul: sundy';
    lines[lun - 1] = '  Lun: monday';
    lines[night - 1] = 'night: [nôs]';
    lines.push('not_alone: [sul]');
    fs.writeFileSync(file, lines.join('\n'));
    const problems = validateAll({ ...DEFAULT_PATHS, messagesDir: dir }).filter((p) => p.file === file);
    expect(problems).toContainEqual(expect.objectContaining({ line: week, message: expect.stringMatching(/wek/) }));
    expect(problems).toContainEqual(expect.objectContaining({ line: sul, message: expect.stringMatching(/weekdays\.sul/) }));
    expect(problems).toContainEqual(expect.objectContaining({ line: lun, message: expect.stringMatching(/Lun.*lower case/) }));
    expect(problems).toContainEqual(expect.objectContaining({ line: night, message: expect.stringMatching(/without accents/) }));
    expect(problems).toContainEqual(expect.objectContaining({ line: lines.length, message: expect.stringMatching(/^not_alone: read from en-GB/) }));
  });

  it('English must have its parts and not the words of another language', () => {
    const { dir, file, lines } = shippedCopy('en-GB');
    const next = lineOf(lines, 'hints:');
    fs.writeFileSync(file, [...lines.filter((l) => !l.startsWith('not_alone:')), 'week: [wythnos]'].join('\n'));
    const problems = dateWordsProblems(dir).filter((p) => p.file === file);
    expect(problems).toContainEqual(expect.objectContaining({ severity: 'error', line: next - 1, message: 'not_alone: missing (add it before hints)' }));
    expect(problems).toContainEqual(
      expect.objectContaining({
        line: lines.length,
        message: expect.stringMatching(
          /^week: the words of another language, read by its own reader, not of en-GB \(add them to that language's dates.yaml\)$/,
        ),
      }),
    );
  });

  it('a locale folder without the file is an error naming the file', () => {
    const { dir, file } = shippedCopy('cy-GB');
    fs.rmSync(file);
    expect(dateWordsProblems(dir)).toEqual([expect.objectContaining({ severity: 'error', file, message: 'the cy-GB date words are missing' })]);
  });

  it("a council's own words are read once the assistant starts with them, and a mistake in them stops it naming file and line", () => {
    const now = new Date('2026-12-09T12:00:00Z');
    expect(extractWelshDates('dydd Llun dwetha', now).map((d) => d.value)).toEqual(['2026-12-07']);
    const cy = shippedCopy('cy-GB');
    fs.writeFileSync(cy.file, cy.lines.join('\n').replace('sul: sunday', 'sul: sunday\n  llin: monday'));
    loadDateWordsOrShipped(cy.dir, 'cy-GB');
    expect(extractWelshDates('dydd Llin', now).map((d) => d.value)).toEqual(['2026-12-07']);
    const onFriday = extractDates('on friday', now).map((d) => d.value);
    expect(extractDates('friday', now).map((d) => d.value)).toEqual(onFriday);
    const en = shippedCopy('en-GB');
    fs.writeFileSync(en.file, en.lines.join('\n').replace('not_alone: [sun, sat,', 'not_alone: [sun, sat, friday,'));
    loadDateWordsOrShipped(en.dir, 'en-GB');
    expect(extractDates('friday', now)).toEqual([]);
    expect(extractDates('on friday', now).map((d) => d.value)).toEqual(onFriday);
    fs.writeFileSync(en.file, en.lines.join('\n').replace('not_alone: [sun,', 'not_alone: [Sun,'));
    const at = lineOf(en.lines, 'not_alone:');
    expect(() => loadDateWordsOrShipped(en.dir, 'en-GB')).toThrow(`${en.file}:${at}`);
  });
});

// ---------------------------------------------------------------------------------------------------------------------
// The regexes as they were in TypeScript before their words moved to dates.yaml (b5d7fab), held to what the content makes.

/** intents/entities/dates.ts, before. */
const OLD_ENGLISH = {
  todayPhrase: /\b(?:this\s+(?:morning|afternoon|evening)|tonight|today)\b/i,
  ambiguousAlone: /^(?:sun|sat|wed|now|right now)$/i,
  mightHoldADate:
    /\d|now|tod|ton|tom|tmr|yest|night|morn|noon|eve|mid|ago|later|mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|sec|min|hour|hr|day|week|wk|fortnight|month|quarter|year|yr/i,
  loneOrdinalDay:
    /\b(?:on\s+)?(?:the\s+)?([0-3]?\d)(?:st|nd|rd|th)\b(?=\s*(?:$|[.,!?;:)]|(?:and|but|so|or|when|at|in|i|it|its|we|they|he|she|this|last|as|because|cos|then|please|pls|too|though|x+)\b))/i,
};

/** intents/entities/welshDates.ts, before: its word lists and the regexes made from them. */
const OLD_WELSH = (() => {
  const L = '(?<![\\p{L}\\p{N}])';
  const R = '(?![\\p{L}\\p{N}])';
  const WEEKDAYS = 'llun lun mawrth fawrth maw mercher fercher mer iau gwener wener gwe sadwrn sad sul'.split(' ');
  const MONTHS =
    'ionawr ion chwefror chwef mawrth fawrth maw ebrill ebr mai fai mehefin fehefin meh gorffennaf orffennaf gorff orff awst medi fedi med hydref hyd tachwedd dachwedd tach rhagfyr ragfyr rhag'.split(
      ' ',
    );
  const LAST = "d?diwethaf|d?diwetha|d?dwytha|d?dwetha|d?d'wetha";
  const NEXT = 'nesaf|nesa';
  const THIS = "yma|'ma|ma|hwn";
  const alternation = (words: Iterable<string>): string => [...words].sort((a, b) => b.length - a.length).join('|');
  const DAY = alternation(WEEKDAYS);
  const MONTH = alternation(MONTHS);
  const ORDINAL = '(?:af|il|ail|ydd|edd|ed|fed|eg|ain)';
  const BEFORE = '(?:(?:ar|ers|tan)\\s+)?';
  const LONE_DAY_OF_MONTH_CY = `${BEFORE}y\\s+([0-3]?\\d)${ORDINAL}(?=\\s*(?:$|[.,!?;:)]|(?:a|ac|ond|pan|achos|oherwydd|felly|wedyn|plis|diolch|dw|mi|fe|ac)(?![\\p{L}\\p{N}])))`;
  return {
    rules: [
      `${L}${BEFORE}(?:(?:dydd|ddydd)\\s+(${DAY}),?\\s+)?(?:y\\s+)?(\\d{1,2})${ORDINAL}?\\s+(?:o\\s+)?(?:(?:fis|mis)\\s+)?(${MONTH})\\.?(?:,?\\s+(\\d{4}))?${R}`,
      `${L}${BEFORE}(?:y\\s+)?(?:dydd|ddydd|nos)\\s+(${DAY})\\.?(?:\\s+(${LAST}|${NEXT}|${THIS}))?${R}`,
      `${L}(${BEFORE})(${DAY})\\.?(?:\\s+(${LAST}|${NEXT}))?${R}`,
      `${L}${LONE_DAY_OF_MONTH_CY}`,
      `${L}heddiw${R}`,
      `${L}d?doe${R}`,
      `${L}echdoe${R}`,
      `${L}y?fory${R}`,
      `${L}heno${R}`,
      `${L}neithiwr${R}`,
      `${L}(?:y\\s+)?(?:bore|fore)\\s+(?:yma|'ma|ma|heddiw)${R}`,
      `${L}(?:y\\s+)?(?:prynhawn|pnawn|p'nawn)\\s+(?:yma|'ma|ma|heddiw)${R}`,
      `${L}(?:yr?\\s+)?wythnos\\s+(?:${LAST})${R}`,
      `${L}(?:yr?\\s+)?wythnos\\s+(?:${NEXT})${R}`,
    ].map((r) => new RegExp(r, 'gu')),
    loneDayOfMonth: new RegExp(`^${LONE_DAY_OF_MONTH_CY}\\.?$`, 'u'),
    loneWeekday: new RegExp(`^${BEFORE}(?:(?:y\\s+)?(?:dydd|ddydd|nos)\\s+)?(?:${DAY})\\.?$`, 'u'),
    words: { WEEKDAYS, MONTHS },
  };
})();

/** What people write: every example of the shipped intents, every resident's line of the dev conversations, the strings of the date tests. */
function shippedSayings(): string[] {
  const files = (dir: string, ext: RegExp) =>
    fs
      .readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => ext.test(f) && !f.includes('sealed'))
      .map((f) => fs.readFileSync(path.join(ROOT, dir, f), 'utf8'));
  const examples = files('intents/data', /\.yaml$/).flatMap((t) => [...t.matchAll(/^\s+- (.+)$/gm)].map((m) => m[1]));
  const said = files('tests/conversations', /\.yaml$/).flatMap((t) => [...t.matchAll(/^\s*- user: (.+)$/gm)].map((m) => m[1]));
  const tests = ['dates.test.ts', 'welshDates.test.ts', 'EntityExtractor.test.ts'].flatMap((f) =>
    [...fs.readFileSync(path.join(ROOT, 'tests/intents/entities', f), 'utf8').matchAll(/'([^'\n]{1,120})'|"([^"\n]{1,120})"/g)].map((m) => m[1] ?? m[2]),
  );
  return [...examples, ...said, ...tests].map((s) => s.replace(/^["']|["']$/g, ''));
}

/** Every Welsh weekday and month word with what may come before and after it, and the phrases of the other rules. */
function welshProbes(): string[] {
  const { WEEKDAYS, MONTHS } = OLD_WELSH.words;
  const befores = ['', 'ar ', 'ers ', 'tan ', 'y ', 'ar y ', 'fis ', 'mis '];
  const days = ['dydd ', 'ddydd ', 'nos ', ''];
  const afters = [
    '',
    ' diwethaf',
    ' ddiwethaf',
    ' diwetha',
    ' dwytha',
    ' ddwetha',
    " d'wetha",
    " dd'wetha",
    ' nesaf',
    ' nesa',
    ' yma',
    " 'ma",
    ' ma',
    ' hwn',
    '.',
    ' i',
    ' x',
  ];
  const out: string[] = [];
  for (const w of [...WEEKDAYS, ...MONTHS, 'llin', 'sul'])
    for (const b of befores) for (const d of days) for (const a of afters) out.push(`${b}${d}${w}${a}`, `${b}${d}${w[0].toUpperCase()}${w.slice(1)}${a}`);
  for (const m of MONTHS)
    for (const n of ['3', '3ydd', '21ain', '1af', '2il', '2ail', '5ed', '7fed', '11eg', '5edd'])
      for (const lead of ['', 'dydd Llun ', 'ar y ', 'ddydd Gwener, y '])
        out.push(`${lead}${n} ${m}`, `${lead}${n} o ${m}`, `${lead}${n} o fis ${m} 2025`, `${lead}${n} ${m}, 2026`, `${lead}${n} ${m}.`);
  for (const n of ['4ydd', '21ain', '1af', '2il', '11eg', '5ed', '3rd'])
    for (const lead of ['y ', 'ar y ', 'ers y ', 'tan y ', 'yr '])
      for (const tail of [
        '',
        '.',
        ' a',
        ' ac',
        ' ond',
        ' pan',
        ' achos',
        ' oherwydd',
        ' felly',
        ' wedyn',
        ' plis',
        ' diolch',
        ' dw',
        ' mi',
        ' fe',
        ' llawr',
        ' ai',
        '!',
      ])
        out.push(`${lead}${n}${tail}`, `bin heb ei gasglu ${lead}${n}${tail}`);
  for (const w of ['heddiw', 'ddoe', 'doe', 'echdoe', 'fory', 'yfory', 'heno', 'neithiwr', 'ddoeth', 'forys'])
    out.push(w, `ers ${w}`, `${w}.`, `y bin ${w} plis`);
  for (const p of ['bore', 'fore', 'prynhawn', 'pnawn', "p'nawn", 'y bore', 'y prynhawn'])
    for (const t of ['yma', "'ma", 'ma', 'heddiw', 'hwn', 'ddoe']) out.push(`${p} ${t}`, `casglu ${p} ${t}.`);
  for (const a of ['', 'y ', 'yr '])
    for (const t of ['diwethaf', 'ddiwethaf', 'dwetha', "d'wetha", 'nesaf', 'nesa', 'yma']) out.push(`${a}wythnos ${t}`, `ers ${a}wythnos ${t}`);
  return out;
}

const matches = (pattern: RegExp, text: string): string[] =>
  pattern.global ? [...text.matchAll(pattern)].map((m) => `${m.index}:${m.slice(0).join('|')}`) : [String(pattern.exec(text)?.slice(0).join('|'))];

describe('the date words in content make the regexes they were in code', () => {
  const sayings = shippedSayings();

  it('reads a corpus of real sayings and probes', () => {
    expect(sayings.length).toBeGreaterThan(2000);
    expect(welshProbes().length).toBeGreaterThan(10000);
  });

  it('English: today_phrases, not_alone, hints and lone_day_followers match as TODAY_PHRASE, AMBIGUOUS_ALONE, MIGHT_HOLD_A_DATE and LONE_ORDINAL_DAY did', () => {
    const now = englishDatePatterns();
    const probes = [
      ...sayings,
      ...[
        'this morning',
        'this  afternoon',
        'This Evening',
        'tonite',
        'tonight',
        'today',
        'todays',
        'this mornings',
        'right now',
        'right  now',
        'sun',
        'Sat',
        'now',
        'sunday',
      ],
      ...[
        'the 4th',
        'on the 21st.',
        '28th',
        'the 4th floor',
        'my 3rd call',
        'the 4th xx',
        'the 4th x',
        'the 4th xy',
        'the 3rd pls',
        'the 3rd its',
        'the 3rd itself',
      ],
      ...['on the 2nd and', 'the 1st because', 'the 1st cos', 'the 1st coz', 'the 22nd though', 'the 30th then', 'the 5th as', 'the 5th ask'],
    ];
    const differ: string[] = [];
    for (const key of Object.keys(OLD_ENGLISH) as Array<keyof typeof OLD_ENGLISH>)
      for (const text of probes) {
        // Only LONE_ORDINAL_DAY's match is read (by chrono); the others are asked only whether they match.
        const same =
          key === 'loneOrdinalDay'
            ? matches(now[key], text).join() === matches(OLD_ENGLISH[key], text).join()
            : now[key].test(text) === OLD_ENGLISH[key].test(text);
        if (!same) differ.push(`${key}: ${text}`);
      }
    expect(differ).toEqual([]);
  });

  it('Welsh: the rules, the lone day of the month and the lone weekday match as they did, on folded text', () => {
    const now = welshDatePatterns();
    expect(now.rules).toHaveLength(OLD_WELSH.rules.length);
    const probes = [...sayings, ...welshProbes()].map(foldWelsh);
    const differ: string[] = [];
    for (const text of probes) {
      now.rules.forEach((rule, i) => {
        if (matches(rule, text).join() !== matches(OLD_WELSH.rules[i], text).join()) differ.push(`rule ${i}: ${text}`);
      });
      if (now.loneDayOfMonth.test(text) !== OLD_WELSH.loneDayOfMonth.test(text)) differ.push(`lone day of month: ${text}`);
      if (now.loneWeekday.test(text) !== OLD_WELSH.loneWeekday.test(text)) differ.push(`lone weekday: ${text}`);
    }
    expect(differ).toEqual([]);
  });

  it('the English words and the Welsh words are the same sets as the code had', () => {
    const cy = dateWords('cy-GB');
    expect(Object.keys(cy.weekdays ?? {})).toEqual(OLD_WELSH.words.WEEKDAYS);
    expect(Object.keys(cy.months ?? {})).toEqual(OLD_WELSH.words.MONTHS);
  });
});
