import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { carriesOn, justAReference, withoutJoiningWord } from '../../dialogs/routingWords';
import { onlyAPlace } from '../../dialogs/router';
import {
  caseReferenceKeyword,
  caseReferenceWordsProblems,
  defaultCaseReferenceWords,
  extractCaseReferences,
  loadCaseReferenceWords,
} from '../../intents/entities/caseReferences';
import { foldWelsh } from '../../intents/entities/welshFold';
import { clausesOf } from '../../intents/messageClauses';
import { loadSafeguardingRuleSet, normaliseForRules, projectRuleWords } from '../../intents/safeguardingRules';
import { loadVocabularyOrShipped, readVocabulary, vocabularyFile, type Vocabulary } from '../../knowledge/vocabulary';

/** intents/entities/streetSuffixes.ts's street-type words before they moved to numbers.yaml `street_words`, in their order. */
/** intents/entities/welshStreets.ts's Welsh street types with their mutations before they moved to cy-GB/numbers.yaml `street_types`. */
const OLD_WELSH_STREET_TYPES =
  'heol|ffordd|stryd|lon|rhodfa|rodfa|cilgant|gilgant|nghilgant|chilgant|teras|deras|nheras|theras|maes|faes|cae|gae|nghae|chae|clos|glos|nghlos|chlos|llwyn|lwyn|plas|blas|mhlas|phlas|ffos|allt|hallt';
const OLD_STREET_SUFFIXES =
  'street|st|road|rd|lane|ln|avenue|ave|crescent|terrace|mews|close|drive|way|place|gardens|grove|hill|row|square|walk|park|court|cres|cl|dr|pl|gdns|gr|ter|terr|sq|ct|pk';

/** The regexes as they were in TypeScript before their words moved to vocabulary.yaml (file and name then). */
// dialogs/router.ts JUST_A_REFERENCE, CARRY_ON_PHRASE and the opener taken off before Router.partNeed's byQuestion.
const JUST_A_REFERENCE =
  /^\s*(?:(?:my |the |it'?s |its )?(?:ref|reference|case|status( of)?)(?: number| no\.?)?(?: is)?\s*:?\s*)?#?\s*[a-z]{2,4}[\s/\-–—]?\d{5,12}\s*(?:please|pls|thanks|thank you)?\s*[.!?]*\s*$/i;
const CARRY_ON_PHRASE =
  /^\s*(?:(?:no|nope|ok|okay|yes|yeah)[,\s]+)?(?:please\s+)?(?:carry on|continue|keep going|go on|resume|go back to it|back to where we were)(?:\s+please)?\s*[.!]*\s*$/i;
const JOINED = /^(and|also|but|so)\s+/i;
// dialogs/router.ts onlyAPlaceRegExp (PLACE_SUFFIXES) and ONLY_A_WELSH_PLACE.
const OLD_PLACE_SUFFIXES = [OLD_STREET_SUFFIXES, 'rise', 'view', 'green'].join('|');
const oldOnlyAPlace = (text: string, v: Vocabulary): boolean =>
  new RegExp(
    String.raw`^\s*(?:${v.place_said_opens.source}\s+)?(?:at|on|in)?\s*(?:no\.?\s*|number\s+)?\d{1,4}[a-z]?,?\s+(?:[a-z']+\s+){0,3}(?:${OLD_PLACE_SUFFIXES})\b(?:,\s*[a-z]+)?,?\s*(?:[a-z]{1,2}\d[a-z\d]?\s?\d[a-z]{2})?\s*[.!]*\s*$`,
    'i',
  ).test(text) ||
  new RegExp(
    String.raw`^\s*(?:\p{L}+\s+)?\d{1,4}[a-z]?,?\s+(?:${OLD_WELSH_STREET_TYPES})(?:['’]r)?(?:\s+[\p{L}'’]+){0,3},?\s*(?:[a-z]{1,2}\d[a-z\d]?\s?\d[a-z]{2})?\s*[.!]*\s*$`,
    'iu',
  ).test(foldWelsh(text));
// intents/messageClauses.ts BOUNDARY.
const BOUNDARY =
  /[.!?;:\n]+(?=\s|$)|\s[-–—]+\s|,?\s+(?=(?:also|and also|plus|btw|by the way|oh and|and another thing|another thing|anyway|whilst i have you|while i have you|whilst i have your attention|on another note|separately|p\.?s\.?)\b)/iu;
// intents/entities/caseReferences.ts KEYWORD.
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const KEYWORD = new RegExp(
  `${B}(?:(?:ref(?:erence)?|case)\\.?(?:[ \\t]+(?:no|num|number|id|ref|reference)\\b\\.?)?` +
    `|(?:enquiry|complaint|ticket|report|request|job|application)[ \\t]+(?:no|num|number|id|ref|reference)\\b\\.?)` +
    `(?:[ \\t]+(?:is|was))?[ \\t]*[:#]?[ \\t]*` +
    `((?:[a-z]{1,4}[- ]?)?\\d{4,12}(?:[-/]\\d{2,12}){0,3})${E}`,
  'giu',
);
// intents/safeguardingDetector.ts DEFAULT_CLASSIFIER_CUES.
const DEFAULT_CLASSIFIER_CUES =
  /\b(su[iy]?[cs]i?d\w*|die|dying|dead|death|kill\w*|end (it|my life|things)|overdos\w*|pills|tablets|meds|rope|jump\w*|cut(ting)? (my|me)|self|myself|harm\w*|hurt\w*|abus\w*|hit|hits|hitting|beat\w*|punch\w*|kick(s|ed)? me|slap\w*|chok\w*|push\w*|threat\w*|violen\w*|attack\w*|assault\w*|rap(e|ed|es|ing)|touch\w*|groom\w*|sex\w*|bruis\w*|neglect\w*|starv\w*|hungry|no food|not fed|feed|alone|locked|lock me|scared|afraid|frighten\w*|terrified|fear|danger\w*|unsafe|safe|homeless|rough|nowhere|tonight|freezing|bleed\w*|exploit\w*|traffick\w*|forced|force|made to|makes me|secret\w*|stole|steal\w*|money from|carer|help me|please help|cant cope|cant go on|any ?more|goodbye|wake up|point|worth|better off)\b/u;

const root = path.resolve(__dirname, '../..');

/** The texts of the shipped intents' examples (both languages) and of the development sets a router and the risk check read. */
function shippedTexts(): string[] {
  const dir = path.join(root, 'intents/data');
  const examples = fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.yaml') && !f.includes('sealed'))
    .flatMap((f) => [...fs.readFileSync(path.join(dir, f), 'utf8').matchAll(/^\s+- (.+)$/gm)].map((m) => m[1].replace(/^["']|["']$/g, '')));
  const sets = ['tests/eval/dev.jsonl', 'tests/eval/cy-blind-dev.jsonl', 'tests/safeguarding/dev.jsonl', 'tests/safeguarding/cases.jsonl'];
  const lines = sets.flatMap((f) =>
    fs
      .readFileSync(path.join(root, f), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as { text: string }).text),
  );
  return [...examples, ...lines];
}

/** What residents say around these words, each also in capitals, glued to a letter before, and with words after. */
const SAID = [
  'AT-12345678',
  'sr100002',
  '#AT 12345678',
  'my ref is AT 12345678 thanks',
  "it's ref no. AB12345 please",
  'its reference number: cr/1234567',
  'the case is xy 123456789!',
  'status of AT-12345678?',
  'status AT 1234',
  'AT-12345678 pls',
  'my ref AT12345678 thank you!',
  'my  ref AT12345678',
  'ref 123456',
  'reference number 4567890',
  'case no. 12345',
  'ref. 99887766',
  'complaint reference: 998877',
  'complaint ref is AB-2024-0012',
  'ticket id 55555',
  'report 12345 potholes',
  'request num #4444',
  'job no 77778888',
  'application number was AB 12345',
  'enquiry 12345',
  'reference1234',
  'refer 12345',
  'no, carry on',
  'ok carry on',
  'please continue',
  'keep going please.',
  'yeah, go back to it',
  'nope   resume!',
  'back to where we were',
  'carry on with it',
  'and what goes in the blue bin',
  'also when is my bin day',
  'but so what',
  'sofa collection',
  "I'm at 12 Mill Lane.",
  'we live at no 4 Forest Way',
  'no.4 hill rise',
  'number 4 summit view',
  'number4 summit view',
  'on 7 lower green',
  'in 3 Orchard Close AT5 1AA',
  '3 Lôn yr Ysgol.',
  'I want to report a missed garden waste collection at Rose Cottage. Also, whilst I have your attention, his nephew has taken his chequebook',
  'my bin was missed btw the lights are out on Elm Road',
  'my bin was missed p.s. the lights are out on Elm Road',
  'my bin was missed ps. the lights are out',
  'the bin was late, and another thing the lights are out',
  'the bin was late anyway my neighbour hits me',
  'bulky waste collection please - a broken tv and a door - he kicked it in again',
  'pass the alsoran plus-one separately',
];

const table = (() => {
  const near = (t: string): string[] => [t, t.toUpperCase(), `x${t}`, `${t} please`, `so ${t}`, `${t}.`];
  return [...new Set([...shippedTexts(), ...SAID].flatMap(near))];
})();

const [en, cy] = ['en-GB', 'cy-GB'].map((locale) => loadVocabularyOrShipped(undefined, locale));

describe('the routing words: the vocabulary read exactly as the old regexes', () => {
  it('the table is large and reaches both answers of each', () => {
    expect(table.length).toBeGreaterThan(3000);
    for (const old of [JUST_A_REFERENCE, CARRY_ON_PHRASE, JOINED, DEFAULT_CLASSIFIER_CUES]) {
      expect(table.filter((t) => old.test(t)).length, old.source.slice(0, 30)).toBeGreaterThan(5);
      expect(table.filter((t) => !old.test(t)).length).toBeGreaterThan(1000);
    }
    expect(table.filter((t) => oldOnlyAPlace(t, en)).length).toBeGreaterThan(10);
    expect(table.filter((t) => t.split(BOUNDARY).length > 1).length).toBeGreaterThan(100);
    expect(table.filter((t) => [...t.matchAll(KEYWORD)].length).length).toBeGreaterThan(20);
  });

  it.each([
    ['en-GB', en],
    ['cy-GB', cy],
  ] as const)('%s: a case reference alone, carry on, a joining word and a place alone read as before', (_, v) => {
    expect(table.filter((t) => JUST_A_REFERENCE.test(t) !== justAReference(t, v))).toEqual([]);
    expect(table.filter((t) => CARRY_ON_PHRASE.test(t) !== carriesOn(t, v))).toEqual([]);
    expect(table.filter((t) => t.replace(JOINED, '') !== withoutJoiningWord(t, v))).toEqual([]);
    expect(table.filter((t) => oldOnlyAPlace(t, v) !== onlyAPlace(t, v))).toEqual([]);
  });

  it.each(['intents/safeguarding-rules.yaml', 'intents/cy-GB/safeguarding-rules.yaml'])('%s: a long message is cut into the same pieces', (file) => {
    const turns = loadSafeguardingRuleSet(path.join(root, file)).clauseTurns!;
    const oldClauses = (t: string): string[] => {
      const pieces = t
        .split(BOUNDARY)
        .map((p) => p.trim())
        .filter((p) => p.split(/\s+/u).filter(Boolean).length >= 1);
      return pieces.length >= 2 ? pieces : [];
    };
    expect(table.filter((t) => JSON.stringify(oldClauses(t)) !== JSON.stringify(clausesOf(t, turns, 1)))).toEqual([]);
  });

  it('the words before a case reference find what KEYWORD found, where it found it', () => {
    const found = (t: string, re: RegExp): string => JSON.stringify([...t.matchAll(re)].map((m) => [m.index, m[0], m[1]]));
    const now = caseReferenceKeyword(defaultCaseReferenceWords());
    expect(table.filter((t) => found(t, KEYWORD) !== found(t, now))).toEqual([]);
    expect(table.filter((t) => extractCaseReferences(t, defaultCaseReferenceWords()).length).length).toBeGreaterThan(20);
  });

  it('the classifier cues of both rules files are the old regex, read against the folded message as before', () => {
    const folded = table.map(normaliseForRules);
    for (const file of ['intents/safeguarding-rules.yaml', 'intents/cy-GB/safeguarding-rules.yaml']) {
      const cues = loadSafeguardingRuleSet(path.join(root, file)).classifierCues!;
      expect(cues.source, file).toBe(DEFAULT_CLASSIFIER_CUES.source);
      expect(cues.flags, file).toBe(DEFAULT_CLASSIFIER_CUES.flags);
      expect(folded.filter((t) => cues.test(t) !== DEFAULT_CLASSIFIER_CUES.test(t))).toEqual([]);
    }
    expect(projectRuleWords().classifierCues.source).toBe(DEFAULT_CLASSIFIER_CUES.source);
  });
});

/** A copy of the shipped messages in a new temporary folder, with a locale's vocabulary file and its lines, to change. */
function shippedCopy(prefix: string, locale = 'en-GB'): { dir: string; file: string; lines: string[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.cpSync(path.join(root, 'knowledge/messages'), dir, { recursive: true });
  const file = vocabularyFile(dir, locale);
  return { dir, file, lines: fs.readFileSync(file, 'utf8').split('\n') };
}

describe('the routing words are content', () => {
  it('a council that adds a word is read with it, in each of the places the words moved from', () => {
    const { dir, file, lines } = shippedCopy('routing-words-', 'cy-GB');
    const add = (context: string, word: string): void => {
      const at = lines.findIndex((l) => l.startsWith(`${context}:`));
      lines[at + 1] = lines[at + 1].replace(/\]$/, `, ${word}]`);
    };
    add('reference_noun', 'cyfeirnod');
    add('carry_on_phrase', 'ymlaen');
    add('question_joined_opens', 'a');
    add('place_street_ends', 'fach');
    fs.writeFileSync(file, lines.join('\n'));
    const own = loadVocabularyOrShipped(dir, 'cy-GB');
    const both = (f: (v: Vocabulary) => unknown): unknown[] => [f(cy), f(own)];
    expect(both((v) => justAReference('cyfeirnod AT-12345678', v))).toEqual([false, true]);
    expect(both((v) => carriesOn('iawn, ymlaen', v))).toEqual([false, false]);
    expect(both((v) => carriesOn('ok ymlaen', v))).toEqual([false, true]);
    expect(both((v) => withoutJoiningWord('a beth am y bin glas', v))).toEqual(['a beth am y bin glas', 'beth am y bin glas']);
    expect(both((v) => onlyAPlace('12 mill fach', v))).toEqual([false, true]);
  });

  it('npm run validate names the file and line of a routing context with a key that does not apply, or missing', () => {
    const wrong = shippedCopy('routing-words-bad-');
    const at = wrong.lines.findIndex((l) => l.startsWith('carry_on_phrase:'));
    wrong.lines.splice(at + 2, 0, '  then: [now]');
    fs.writeFileSync(wrong.file, wrong.lines.join('\n'));
    expect(readVocabulary(wrong.file)).toEqual({
      problems: [
        {
          severity: 'error',
          file: wrong.file,
          line: at + 1,
          message: 'carry_on_phrase: "then" does not apply here (carry_on_phrase takes phrases, not_followed_by)',
        },
      ],
    });
    const missing = shippedCopy('routing-words-missing-', 'cy-GB');
    const gone = missing.lines.findIndex((l) => l.startsWith('carry_on_please:'));
    missing.lines.splice(gone, 2);
    fs.writeFileSync(missing.file, missing.lines.join('\n'));
    expect(readVocabulary(missing.file)).toEqual({
      problems: [
        {
          severity: 'error',
          file: missing.file,
          line: missing.lines.indexOf('carry_on_phrase:') + 1,
          message: 'carry_on_please: missing (add it before carry_on_phrase)',
        },
      ],
    });
  });

  it('a rules file or a case-references file with a word added is read with it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'turns-'));
    const rules = path.join(dir, 'safeguarding-rules.yaml');
    const text = fs.readFileSync(path.join(root, 'intents/cy-GB/safeguarding-rules.yaml'), 'utf8');
    fs.writeFileSync(rules, text.replace(/^clause_turns: \[/m, 'clause_turns: [hefyd, '));
    const said = 'mae fy min heb ei gasglu hefyd mae fy nghymydog yn fy mygwth';
    expect(clausesOf(said, projectRuleWords().clauseTurns)).toEqual([]);
    expect(clausesOf(said, loadSafeguardingRuleSet(rules).clauseTurns!)).toEqual(['mae fy min heb ei gasglu', 'hefyd mae fy nghymydog yn fy mygwth']);
    const words = path.join(dir, 'case-references.yaml');
    fs.writeFileSync(words, fs.readFileSync(path.join(root, 'intents/entities/case-references.yaml'), 'utf8').replace('word: [', 'word: [cyfeirnod, '));
    expect(extractCaseReferences('cyfeirnod 123456', defaultCaseReferenceWords())).toEqual([]);
    expect(extractCaseReferences('cyfeirnod 123456', loadCaseReferenceWords(words)).map((r) => r.value)).toEqual(['123456']);
  });

  it('npm run validate names the file and line of a case-references entry that is a pattern, or of a list left empty', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'case-words-'));
    const file = path.join(dir, 'case-references.yaml');
    const lines = fs.readFileSync(path.join(root, 'intents/entities/case-references.yaml'), 'utf8').split('\n');
    const word = lines.findIndex((l) => l.startsWith('word:'));
    const is = lines.findIndex((l) => l.startsWith('is:'));
    lines[word] = 'word: [ref(erence)?, case]';
    lines[is] = 'is: []';
    fs.writeFileSync(file, lines.join('\n'));
    expect(caseReferenceWordsProblems(file)).toEqual([
      expect.objectContaining({ severity: 'error', file, line: word + 1, message: expect.stringContaining('must be a word or words') }),
      expect.objectContaining({ severity: 'error', file, line: is + 1 }),
    ]);
    expect(() => loadCaseReferenceWords(file)).toThrow(`${file}:${word + 1}`);
    expect(caseReferenceWordsProblems()).toEqual([]);
  });

  it('a rules file whose classifier_cues is not a regular expression is refused, naming the file and the key', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cues-'));
    const file = path.join(dir, 'safeguarding-rules.yaml');
    const text = fs.readFileSync(path.join(root, 'intents/safeguarding-rules.yaml'), 'utf8');
    fs.writeFileSync(file, text.replace(/^classifier_cues: '\\b\(/m, "classifier_cues: '\\b(("));
    expect(() => loadSafeguardingRuleSet(file)).toThrow(
      new RegExp(`${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: rule "classifier_cues": pattern .* is not a valid regular expression`),
    );
  });
});
