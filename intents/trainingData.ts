import fs from 'node:fs';
import path from 'node:path';
import { isScalar, isSeq } from 'yaml';
import { z } from 'zod';
import { readSimpleFrontMatter } from '../platform/simpleFrontMatter';
import { schemaIssueProblems } from './yamlProblems';
import { parsedDocument } from '../platform/yamlDocuments';

/** One intent's training data, as a content designer writes it in intents/data/<intent>.yaml. */
export interface IntentDefinition {
  intent: string;
  description: string;
  lgsl: number | null;
  examples: Array<{ text: string; line: number }>;
  file: string;
}

/** A problem found in content, with where to look. Errors stop validation; warnings do not. */
export interface ContentProblem {
  severity: 'error' | 'warning';
  file: string;
  line?: number;
  message: string;
}

const fileSchema = z
  .object({
    intent: z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be lower_snake_case'),
    description: z.string().min(1),
    lgsl: z.number().int().positive().nullable().optional(),
    examples: z.array(z.string()).min(1, 'must list at least one example'),
  })
  .strict();

export interface TrainingData {
  intents: IntentDefinition[];
  problems: ContentProblem[];
}

/** Normal form used to spot the same utterance written twice. */
export function utteranceKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

type TrainingFile = z.infer<typeof fileSchema>;

/**
 * A training file written simply (`key: value` lines and a list of `- example` lines, as they all
 * are but a few), read without `yaml`: the same data and example lines as {@link readWithYaml}
 * (platform/simpleFrontMatter.ts), at a fraction of the time. Anything else, or data the schema
 * finds wrong, is left to `yaml`, whose positions name the line of each problem.
 */
function readQuickly(text: string): { parsed: { data: TrainingFile }; lines: number[] } | undefined {
  const itemLines = new Map<string, number[]>();
  const simple = readSimpleFrontMatter(text, itemLines);
  const parsed = simple && fileSchema.safeParse(simple);
  return parsed && parsed.success ? { parsed, lines: itemLines.get('examples') ?? [] } : undefined;
}

function readWithYaml(text: string, file: string): { parsed: { data: TrainingFile }; lines: number[] } | { problems: ContentProblem[] } {
  const { doc, lineCounter } = parsedDocument(text);
  if (doc.errors.length)
    return { problems: doc.errors.map((e) => ({ severity: 'error' as const, file, line: e.linePos?.[0]?.line, message: e.message.split('\n')[0] })) };
  const parsed = fileSchema.safeParse(doc.toJS());
  if (!parsed.success) return { problems: schemaIssueProblems(file, doc, lineCounter, parsed.error.issues) };
  const seq = doc.get('examples', true);
  const lines = isSeq(seq) ? seq.items.map((item) => (isScalar(item) && item.range ? lineCounter.linePos(item.range[0]).line : 0)) : [];
  return { parsed, lines };
}

/** Reads every *.yaml file in `dir`; files with errors are reported and left out. */
export function loadTrainingData(dir: string): TrainingData {
  const problems: ContentProblem[] = [];
  const intents: IntentDefinition[] = [];
  const files = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
    : [];
  if (files.length === 0) problems.push({ severity: 'error', file: dir, message: 'no intent files (*.yaml) found' });

  for (const name of files) {
    const file = path.join(dir, name);
    const text = fs.readFileSync(file, 'utf8');
    const read = readQuickly(text) ?? readWithYaml(text, file);
    if ('problems' in read) {
      problems.push(...read.problems);
      continue;
    }
    const { parsed, lines } = read;
    // <intent>.yaml, or <intent>.<part>.yaml for more examples of the same intent kept apart (by source or kind).
    const expected = path
      .basename(name)
      .replace(/\.ya?ml$/, '')
      .replace(/\..*$/, '');
    if (parsed.data.intent !== expected) {
      problems.push({
        severity: 'error',
        file,
        line: 1,
        message: `intent "${parsed.data.intent}" does not match the file name "${expected}" (<intent>.yaml or <intent>.<part>.yaml)`,
      });
    }
    const examples = parsed.data.examples.map((text, i) => ({ text: text.trim(), line: lines[i] ?? 0 }));
    examples.forEach((e) => {
      if (!e.text) problems.push({ severity: 'error', file, line: e.line, message: 'empty example' });
    });
    intents.push({
      intent: parsed.data.intent,
      description: parsed.data.description,
      lgsl: parsed.data.lgsl ?? null,
      examples: examples.filter((e) => e.text),
      file,
    });
  }

  // The same utterance under two intents (or twice in one) confuses the classifier.
  const seen = new Map<string, { intent: string; file: string; line: number }>();
  for (const def of intents) {
    for (const ex of def.examples) {
      const key = utteranceKey(ex.text);
      const first = seen.get(key);
      if (!first) {
        seen.set(key, { intent: def.intent, file: def.file, line: ex.line });
      } else if (first.intent !== def.intent) {
        problems.push({
          severity: 'error',
          file: def.file,
          line: ex.line,
          message: `"${ex.text}" is also an example of ${first.intent} (${path.basename(first.file)}:${first.line})`,
        });
      } else {
        problems.push({ severity: 'warning', file: def.file, line: ex.line, message: `"${ex.text}" repeats line ${first.line}` });
      }
    }
  }
  return { intents, problems };
}
