/**
 * A rough English gloss of a Welsh message, for the risk check only (docs/safeguarding.md, thirteenth round). The Welsh
 * rules and classifier were written and trained on Welsh wordings and reach other writers' wordings less well than the
 * English detector reaches English ones; a word-by-word gloss lets the English rules and classifier (trained on far more
 * varied data) read a Welsh message too, as one more decider. The word list is content (intents/cy-GB/risk-gloss.yaml,
 * its format in its header; docs/welsh.md says how a council extends it); mutated forms are made here from each
 * entry's radical (intents/entities/welshMutations.ts), and a form typed without accents finds its entry.
 *
 * The gloss is for a detector, not a reader: word order stays Welsh except where the list's phrases and the few
 * grammatical turns below put it right ("mae o'n fy nharo i" → "he hit me", "mae hi'n sâl" → "she is ill").
 */
import fs from 'node:fs';
import { z } from 'zod';
import { foldWelsh } from './entities/welshFold';
import { welshMutations } from './entities/welshMutations';
import type { ContentProblem } from './trainingData';
import { yamlSchemaProblems } from './yamlProblems';
import { parsedDocument } from '../platform/yamlDocuments';

/** A language's word list, beside its safeguarding rules (intents/<locale>/risk-gloss.yaml). */
export const RISK_GLOSS_FILE = 'risk-gloss.yaml';

const section = z.record(z.string().trim().min(1), z.string()).optional();
const glossSchema = z.object({ fixed: section, verbs: section, describing: section, words: section, phrases: section }).strict();

type Kind = 'fixed' | 'verb' | 'describing' | 'word';
/** Which mutation made a form from its radical: it tells "ei" his (soft) from her (aspirate, or an h before a vowel). */
type Mutation = 'radical' | 'soft' | 'nasal' | 'aspirate';

interface Entry {
  english: string;
  kind: Kind;
  mutation: Mutation;
}

/** The possessives, and what they are as the object of a verb-noun ("fy nharo i": hitting me); "ei" is decided by the mutation. */
const POSSESSIVES: Readonly<Record<string, { owner: string; object: string }>> = {
  fy: { owner: 'my', object: 'me' },
  m: { owner: 'my', object: 'me' },
  dy: { owner: 'your', object: 'you' },
  ei: { owner: 'his', object: 'him' },
  w: { owner: 'his', object: 'him' },
  ein: { owner: 'our', object: 'us' },
  eich: { owner: 'your', object: 'you' },
  eu: { owner: 'their', object: 'them' },
};
/** The pronoun that may echo a possessive after its noun or verb ("fy ngŵr i", "ei tharo hi"): left out of the gloss. */
const ECHOES = new Set(['i', 'fi', 'mi', 'di', 'ti', 'e', 'o', 'fe', 'fo', 'hi', 'ni', 'nhw', 'chi']);
/** "yn" and its shortened "'n": nothing before a verb-noun or a possessive, "is" before an adjective, "in" before a noun or "y". */
const YN = new Set(['yn', 'n']);
const ARTICLES = new Set(['y', 'yr', 'r']);
/**
 * A personal pronoun before "'n" ("fi'n", "hi'n", "nhw'n": I am, she is, they are), typed with or without its apostrophe: the
 * rules read a message with its apostrophes out, so "fi'n" comes as "fin", which the list would take for "bin" softened. The
 * pronoun is read as the subject with its "be", and "'n" then as after any "be" ("hi'n sâl": she is ill). Not "i" ("dw i'n" has
 * its own phrase, and "in" is English too).
 */
const SUBJECTS: Readonly<Record<string, string>> = {
  fi: 'i am',
  ti: 'you are',
  hi: 'she is',
  ni: 'we are',
  chi: 'you are',
  nhw: 'they are',
  fe: 'he is',
  fo: 'he is',
  e: 'he is',
  o: 'he is',
};
const PRONOUN_N = new RegExp(`^(${Object.keys(SUBJECTS).join('|')})(n)$`, 'u');
/** Greetings that open a message in English words the list reads as Welsh ("hi": she). */
const GREETINGS = new Set(['hi']);
/** "cael" and its mutations: with a possessive and a verb-noun, the passive ("cael ei ladd": be killed). */
const PASSIVE = new Set(['cael', 'gael', 'chael']);
/** Glosses that are not verbs to put in "…ing" ("methu": cannot). */
const NOT_ING = new Set(['cannot', 'can', 'have', 'be', 'need', 'want', 'is', 'am']);

/** An English verb's "…ing" form, roughly: hit → hitting, die → dying, take → taking; the first word of a phrase ("pick up"). */
export function ing(english: string): string {
  const [verb, ...rest] = english.split(' ');
  if (!/^[a-z]+$/.test(verb) || NOT_ING.has(verb)) return english;
  const form = verb.endsWith('ie')
    ? `${verb.slice(0, -2)}ying`
    : /[^aeiou]e$/.test(verb) && verb.length > 2
      ? `${verb.slice(0, -1)}ing`
      : /^[^aeiou]*[aeiou][bdgmnprt]$/.test(verb)
        ? `${verb}${verb.slice(-1)}ing`
        : `${verb}ing`;
  return [form, ...rest].join(' ');
}

/** A radical's forms, each with the mutation that made it ("taro": taro radical, daro soft, nharo nasal, tharo aspirate). */
function mutatedForms(radical: string): [string, Mutation][] {
  const forms = welshMutations(radical);
  if (forms.length < 2) return [[radical, 'radical']];
  if (/^[aeiouwyâêîôûŵŷ]/.test(radical))
    return [
      [forms[0], 'radical'],
      [forms[1], 'aspirate'],
    ];
  // welshMutations lists radical, soft, nasal, aspirate (g's soft form, the dropped letter, is left out of its list).
  const kinds: Mutation[] = radical.startsWith('g') ? ['radical', 'nasal'] : ['radical', 'soft', 'nasal', 'aspirate'];
  const out: [string, Mutation][] = forms.map((f, i) => [f, kinds[i] ?? 'radical']);
  if (radical.startsWith('g') && radical.length > 3) out.push([radical.slice(1), 'soft']);
  return out;
}

/** Lower case, apostrophes as "’" is typed too, a shortened word after an apostrophe made a word of its own ("tŷ'n" → "tŷ n"). */
function tokens(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/(\p{L})'(n|r|i|w|m)(?![\p{L}\p{N}])/gu, '$1 $2')
    .replace(/'/g, '')
    .replace(/[^\p{L}\p{N}-]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
}

const fold = (s: string) => foldWelsh(s);

export class RiskGloss {
  /** Exact forms first, then the same forms without accents; a written entry beats a made form. */
  private readonly exact = new Map<string, Entry>();
  private readonly folded = new Map<string, Entry>();
  private readonly phrases = new Map<string, string>();
  private readonly longest: number;

  constructor(list: z.infer<typeof glossSchema>) {
    const written: [string, Entry][] = [];
    const add = (words: Record<string, string> | undefined, kind: Kind) => {
      for (const [w, english] of Object.entries(words ?? {})) written.push([tokens(w).join(' '), { english, kind, mutation: 'radical' }]);
    };
    add(list.fixed, 'fixed');
    add(list.verbs, 'verb');
    add(list.describing, 'describing');
    add(list.words, 'word');
    const single = written.filter(([w]) => !w.includes(' '));
    for (const [w, e] of single) this.exact.set(w, e);
    for (const [w, e] of single) if (!this.folded.has(fold(w))) this.folded.set(fold(w), e);
    // Made forms last, only where nothing written holds the form; little words (fixed, or of two letters) are not mutated.
    for (const [w, e] of single) {
      if (e.kind === 'fixed' || w.length < 3) continue;
      for (const [form, mutation] of mutatedForms(w)) {
        if (form.length < 2) continue;
        if (!this.exact.has(form)) this.exact.set(form, { ...e, mutation });
        if (!this.folded.has(fold(form))) this.folded.set(fold(form), { ...e, mutation });
      }
    }
    const phraseList: [string, string][] = [...written.filter(([w]) => w.includes(' ')).map(([w, e]): [string, string] => [w, e.english])];
    for (const [w, english] of Object.entries(list.phrases ?? {})) phraseList.push([tokens(w).join(' '), english]);
    for (const [w, english] of phraseList) {
      const [first, ...rest] = w.split(' ');
      const firsts = first.length < 3 ? [first] : mutatedForms(first).map(([f]) => f);
      for (const f of firsts) {
        const key = fold([f, ...rest].join(' '));
        if (!this.phrases.has(key) || f === first) this.phrases.set(key, english);
      }
    }
    this.longest = Math.max(1, ...[...this.phrases.keys()].map((k) => k.split(' ').length));
  }

  /** The message in rough English: listed phrases and words glossed, the rest (English mixed in, names, numbers) kept. */
  gloss(text: string): string {
    // "'n" and "'r" typed without the apostrophe ("babin", "drwyr", as the rules read a message): the word before, then
    // "yn" or "yr", so that phrases meet them too ("drwy'r nos": all night).
    const words = tokens(text).flatMap((w) => {
      // A pronoun's "'n" wins over a form made by mutation ("fin": fi'n, not "bin" softened), never over a word written in the list.
      const pronoun = PRONOUN_N.exec(w);
      if (pronoun && this.entry(w)?.mutation !== 'radical') return [pronoun[1], pronoun[2]];
      const joined = this.entry(w) ? null : /^(.{3,})(n|r)$/u.exec(w);
      return joined && this.entry(joined[1]) ? [joined[1], joined[2]] : [w];
    });
    const out: string[] = [];
    for (let i = 0; i < words.length;) {
      const phrase = this.phraseAt(words, i);
      if (phrase) {
        out.push(phrase.english);
        i += phrase.length;
        continue;
      }
      const word = words[i];
      const before = words[i - 1];
      const owner = POSSESSIVES[word];
      const next = i + 1 < words.length ? this.entry(words[i + 1]) : undefined;
      // A phrase from the next word wins over the possessive ("ei gŵn nos": her nightie, not "his dogs").
      const phraseNext = owner ? this.phraseAt(words, i + 1) : undefined;
      if (owner && phraseNext) {
        out.push(word === 'ei' ? 'their' : owner.owner, phraseNext.english);
        i += 1 + phraseNext.length;
        continue;
      }
      if (owner && next && next.kind !== 'fixed') {
        const her = word === 'ei' && (next.mutation === 'aspirate' || (next.mutation === 'radical' && /^(?:b|d|g|m|ll|rh)/.test(words[i + 1])));
        const who = her ? { owner: 'her', object: 'her' } : owner;
        if (next.kind !== 'verb') out.push(`${who.owner} ${next.english}`);
        // "cael fy nharo" (to be hit) and "heb ei gyffwrdd" (not touched): the possessive is the verb's subject, not its object.
        else if (PASSIVE.has(before ?? '') || before === 'heb') out.push(next.english);
        else out.push(`${this.progressive(before) ? ing(next.english) : next.english} ${who.object}`);
        i += 2;
        if (i < words.length && ECHOES.has(words[i]) && !this.phraseAt(words, i)) i++;
        continue;
      }
      // "Hi" opening a message is the English greeting, not "she": a Welsh sentence puts its verb first ("Mae hi…").
      if (i === 0 && GREETINGS.has(word) && !YN.has(words[1] ?? '')) {
        i++;
        continue;
      }
      const subject = SUBJECTS[word];
      if (subject && YN.has(words[i + 1] ?? '')) {
        out.push(subject);
        i++;
        continue;
      }
      if (YN.has(word)) {
        out.push(this.yn(words, i, out[out.length - 1]));
        i++;
        continue;
      }
      const entry = this.entry(word);
      // An adjective follows its noun in Welsh ("chwaer fach"): put it before, as English does ("little sister").
      const noun = this.entry(before ?? '');
      const last = out[out.length - 1] ?? '';
      if (entry?.kind === 'describing' && noun?.kind === 'word' && (last === noun.english || last.endsWith(` ${noun.english}`))) {
        out[out.length - 1] = `${last.slice(0, last.length - noun.english.length)}${entry.english} ${noun.english}`;
        i++;
        continue;
      }
      if (entry?.kind === 'verb') out.push(this.progressive(before) ? ing(entry.english) : entry.english);
      else if (entry) out.push(word === 'heb' && this.isVerbAhead(words, i + 1) ? 'not' : entry.english);
      else out.push(word);
      i++;
    }
    return out.filter(Boolean).join(' ').replace(/\s+/g, ' ').trim();
  }

  /** "yn" before a verb-noun, alone or after a possessive ("mae o'n fy nharo i"): the verb is read as "…ing". */
  private progressive(before: string | undefined): boolean {
    return before !== undefined && YN.has(before);
  }

  /** A verb-noun next, or a possessive and then one ("heb ei weld"). */
  private isVerbAhead(words: string[], i: number): boolean {
    const at = (j: number) => (j < words.length ? this.entry(words[j]) : undefined);
    return at(i)?.kind === 'verb' || (!!POSSESSIVES[words[i]] && at(i + 1)?.kind === 'verb');
  }

  /** "yn": "is" before a verb-noun (unless a form of "be" was just said), an adjective, "in" before a noun or "y". */
  private yn(words: string[], i: number, said: string | undefined): string {
    const nextWord = words[i + 1];
    if (nextWord === undefined) return '';
    const be = /\b(?:am|is|are|was|were|will|would|be)$/.test(said ?? '') ? '' : 'is';
    if (POSSESSIVES[nextWord]) return this.isVerbAhead(words, i + 1) ? be : 'in';
    if (ARTICLES.has(nextWord)) return 'in';
    const next = this.entry(nextWord);
    if (!next) return '';
    return next.kind === 'verb' || next.kind === 'describing' ? be : next.kind === 'word' ? 'in' : '';
  }

  private entry(word: string): Entry | undefined {
    return this.exact.get(word) ?? this.folded.get(fold(word));
  }

  private phraseAt(words: string[], i: number): { english: string; length: number } | undefined {
    for (let n = Math.min(this.longest, words.length - i); n >= 2; n--) {
      const english = this.phrases.get(fold(words.slice(i, i + n).join(' ')));
      if (english !== undefined) return { english, length: n };
    }
    return undefined;
  }
}

/** The mistakes in a word list (the file's format; an entry's line), for `npm run validate`. */
export function riskGlossProblems(file: string): ContentProblem[] {
  const text = fs.readFileSync(file, 'utf8');
  const { data, problems } = yamlSchemaProblems(file, text, glossSchema);
  if (!data) return problems;
  // A word in two sections would be read two ways ("byw" a verb and an adjective): one entry each.
  const { doc, lineCounter } = parsedDocument(text);
  const seen = new Map<string, string>();
  for (const name of ['fixed', 'verbs', 'describing', 'words', 'phrases'] as const) {
    for (const word of Object.keys(data[name] ?? {})) {
      const key = tokens(word).join(' ');
      const first = seen.get(key);
      if (!first) seen.set(key, name);
      else {
        const node = doc.getIn([name, word], true) as { range?: [number, number, number] } | undefined;
        const line = node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
        problems.push({ severity: 'error', file, line, message: `"${word}" is in ${first} and in ${name}: keep it in one section` });
      }
    }
  }
  return problems;
}

/** Loads a word list; throws naming the file and line of a mistake. */
export function loadRiskGloss(file: string): RiskGloss {
  const { data, problems } = yamlSchemaProblems(file, fs.readFileSync(file, 'utf8'), glossSchema);
  if (problems.length || !data) throw new Error(problems.map((p) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`).join('; '));
  return new RiskGloss(data);
}
