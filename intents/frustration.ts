import fs from 'node:fs';
import { isMap, isScalar, isSeq } from 'yaml';
import type { ContentProblem } from './trainingData';
import { parsedDocument } from '../platform/yamlDocuments';

/** What intents/tone.yaml says: phrases that show frustration, how many capital words in a row are shouting, and phrases that show distress. */
export interface ToneVocabulary {
  phrases: string[];
  shouting: number;
  /** A resident at the end of their tether rather than angry ("I can't cope", "I've got nothing left"); optional. */
  distress?: string[];
}

/** How a message sounds, when it is not plain: angry or rude, or in distress. */
export type Mood = 'frustrated' | 'distressed';

const fold = (s: string) =>
  ` ${s
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;

/**
 * Tells a frustrated, angry or rude message ("USELESS", "third time this month", "absolute joke")
 * so that the assistant can apologise and offer a person before dealing with it. Word lists from
 * content rather than a sentiment library: the npm sentiment packages (AFINN word scores) rate
 * "missed", "broken" and "dumped" as negative, and every report a resident makes is full of those.
 */
export class FrustrationDetector {
  private readonly phrases: string[];
  private readonly distress: string[];

  constructor(private readonly vocabulary: ToneVocabulary) {
    this.phrases = vocabulary.phrases.map(fold);
    this.distress = (vocabulary.distress ?? []).map(fold);
  }

  isFrustrated(text: string): boolean {
    return this.mood(text) === 'frustrated';
  }

  /** Distress first: a resident who is struggling and shouting needs kindness more than an apology. */
  mood(text: string): Mood | undefined {
    const t = fold(text);
    if (this.distress.some((p) => t.includes(p))) return 'distressed';
    return this.phrases.some((p) => t.includes(p)) || this.shouts(text) ? 'frustrated' : undefined;
  }

  /** Enough words in capitals in a row ("THIRD TIME THIS MONTH"); not postcodes, references or short acronyms. */
  private shouts(text: string): boolean {
    let run = 0;
    for (const word of text.split(/[^\p{L}\p{N}']+/u).filter(Boolean)) {
      const letters = word.replace(/[^\p{L}]/gu, '');
      const capitals = letters.length >= 3 && !/\d/.test(word) && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
      run = capitals ? run + 1 : 0;
      if (run >= this.vocabulary.shouting) return true;
    }
    return false;
  }
}

/** Reads intents/tone.yaml; problems name the file and line. */
export function readToneVocabulary(file: string): {
  vocabulary: ToneVocabulary;
  problems: ContentProblem[];
} {
  const problems: ContentProblem[] = [];
  const vocabulary: ToneVocabulary = { phrases: [], shouting: 3 };
  let source: string;
  try {
    source = fs.readFileSync(file, 'utf8');
  } catch (err) {
    return {
      vocabulary,
      problems: [
        {
          severity: 'error',
          file,
          message: `cannot read the file: ${(err as Error).message}`,
        },
      ],
    };
  }
  const { doc, lineCounter } = parsedDocument(source);
  for (const e of doc.errors)
    problems.push({
      severity: 'error',
      file,
      line: e.linePos?.[0]?.line,
      message: e.message.split('\n')[0],
    });
  if (doc.errors.length) return { vocabulary, problems };
  if (!isMap(doc.contents))
    return {
      vocabulary,
      problems: [
        {
          severity: 'error',
          file,
          line: 1,
          message: 'expected `shouting:` and `phrases:`',
        },
      ],
    };
  const lineOf = (node: unknown) =>
    node && typeof node === 'object' && 'range' in node && Array.isArray(node.range) ? lineCounter.linePos(node.range[0] as number).line : undefined;
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (key !== 'shouting' && key !== 'phrases' && key !== 'distress')
      problems.push({
        severity: 'error',
        file,
        line: lineOf(pair.key),
        message: `unknown key "${key}" (expected shouting, phrases or distress)`,
      });
  }
  const shouting = doc.get('shouting', true);
  if (shouting !== undefined) {
    const n = isScalar(shouting) ? shouting.value : undefined;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 2)
      problems.push({
        severity: 'error',
        file,
        line: lineOf(shouting),
        message: 'shouting must be a whole number, 2 or more',
      });
    else vocabulary.shouting = n;
  }
  const seen = new Map<string, number>();
  const list = (name: 'phrases' | 'distress', required: boolean): string[] | undefined => {
    const node = doc.get(name, true);
    if (node === undefined && !required) return undefined;
    if (!isSeq(node)) {
      problems.push({ severity: 'error', file, line: lineOf(node) ?? 1, message: `\`${name}:\` must be a list of words or phrases` });
      return undefined;
    }
    const values: string[] = [];
    for (const item of node.items) {
      const line = lineOf(item);
      const value = isScalar(item) ? item.value : undefined;
      if (typeof value !== 'string' || !fold(value).trim()) {
        problems.push({ severity: 'error', file, line, message: 'each phrase must be some words' });
        continue;
      }
      const key = fold(value);
      if (seen.has(key)) problems.push({ severity: 'warning', file, line, message: `"${value}" is listed twice (first on line ${seen.get(key)})` });
      else seen.set(key, line ?? 0);
      values.push(value);
    }
    return values;
  };
  const phrases = list('phrases', true);
  if (!phrases) return { vocabulary, problems };
  vocabulary.phrases.push(...phrases);
  const distress = list('distress', false);
  if (distress) vocabulary.distress = distress;
  return { vocabulary, problems };
}

/** Reads intents/tone.yaml for the assistant: throws with the file and line of the first error. */
export function loadToneVocabulary(file: string): ToneVocabulary {
  const { vocabulary, problems } = readToneVocabulary(file);
  const error = problems.find((p) => p.severity === 'error');
  if (error) throw new Error(`${file}${error.line ? `:${error.line}` : ''}: ${error.message}`);
  return vocabulary;
}
