import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { INTENT_NAMES } from '../intents/catalogue';
import { packageRoot } from '../platform/packageRoot';
import type { ContentProblem } from '../intents/trainingData';
import { yamlSchemaProblems } from '../intents/yamlProblems';

/** The locale whose words every other locale must match, entry for entry. */
export const DEFAULT_LOCALE = 'en-GB';

/** Intents residents are never offered as a button nor answered with a reply of their own. */
const UNLABELLED = new Set(['none', 'safeguarding']);

const entrySchema = z
  .object({
    label: z.string().min(1).optional(),
    unfinished: z.string().min(1).optional(),
    reply: z.string().min(1).optional(),
  })
  .strict();
const fileSchema = z.record(z.string().regex(/^[a-z][a-z0-9_]*$/, 'an intent name is lower_snake_case'), entrySchema);

export type IntentMessage = z.infer<typeof entrySchema>;

/** The path of a locale's intent words: `<messagesDir>/<locale>/intents.yaml`. */
export function intentMessagesFile(messagesDir: string, locale = DEFAULT_LOCALE): string {
  return path.join(messagesDir, locale, 'intents.yaml');
}

/** What residents see for each intent (knowledge/messages/<locale>/intents.yaml): button labels, names of unfinished requests, replies. */
export class IntentMessages {
  private readonly byLabel: Map<string, string>;

  constructor(private readonly byIntent: ReadonlyMap<string, IntentMessage>) {
    this.byLabel = new Map([...byIntent].flatMap(([intent, m]) => (m.label ? [[m.label.toLowerCase(), intent] as [string, string]] : [])));
  }

  /** The button title of an intent ("Report a missed bin"); the intent's own name when it has none. */
  label(intent: string): string {
    return this.byIntent.get(intent)?.label ?? intent;
  }

  /** "your missed bin report", for "Do you want to carry on with …?". */
  unfinished(intent: string): string | undefined {
    return this.byIntent.get(intent)?.unfinished;
  }

  /** The reply of an intent that has no conversation of its own (one added by data alone). */
  reply(intent: string): string | undefined {
    return this.byIntent.get(intent)?.reply;
  }

  /** The intent whose label a message is, word for word (a button pressed): "report a missed bin" → report_missed_bin. */
  intentOfLabel(text: string): string | undefined {
    return this.byLabel.get(text.trim().toLowerCase());
  }
}

/** Reads a locale's intent words; a mistake is an error naming file and line. */
export function loadIntentMessages(file: string): IntentMessages {
  const { data, problems } = yamlSchemaProblems(file, fs.readFileSync(file, 'utf8'), fileSchema);
  if (problems.length || !data) throw new Error(problems.map((p) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`).join('; '));
  return new IntentMessages(new Map(Object.entries(data)));
}

let shipped: IntentMessages | undefined;

/** The project's own intent words (knowledge/messages/en-GB/intents.yaml), for a council whose content has none and for tests. */
export function shippedIntentMessages(): IntentMessages {
  shipped ??= loadIntentMessages(intentMessagesFile(path.join(packageRoot(__dirname), 'knowledge', 'messages')));
  return shipped;
}

/**
 * The checks of `npm run validate` on every locale's intents.yaml under `messagesDir`: the file's
 * form, an entry for an intent that has no training data (a warning: words never used), an intent residents can reach with no
 * label, an intent without a conversation of its own (not in intents/catalogue.ts, nor one of `withConversation`: the
 * intents a service request answers, knowledge/service-requests.yaml) and no reply, and an entry or a text that one locale
 * has and another lacks.
 */
export function intentMessagesProblems(messagesDir: string, intentNames: readonly string[], withConversation: readonly string[] = []): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const locales = fs.existsSync(messagesDir)
    ? fs
        .readdirSync(messagesDir)
        .filter((d) => fs.existsSync(intentMessagesFile(messagesDir, d)))
        .sort()
    : [];
  if (!locales.includes(DEFAULT_LOCALE)) {
    return [{ severity: 'error', file: intentMessagesFile(messagesDir), message: "the intents' labels and replies are missing" }];
  }
  const read = new Map<string, { data: Record<string, IntentMessage>; lines: Map<string, number>; lastLine: number }>();
  for (const locale of locales) {
    const file = intentMessagesFile(messagesDir, locale);
    const text = fs.readFileSync(file, 'utf8');
    const checked = yamlSchemaProblems(file, text, fileSchema);
    problems.push(...checked.problems);
    if (checked.data) read.set(locale, { data: checked.data, lines: checked.keyLines, lastLine: text.trimEnd().split('\n').length });
  }
  const base = read.get(DEFAULT_LOCALE);
  if (!base) return problems;
  const known = new Set(intentNames);
  const file = intentMessagesFile(messagesDir);
  for (const [intent, m] of Object.entries(base.data)) {
    if (!known.has(intent))
      problems.push({
        severity: 'warning',
        file,
        line: base.lines.get(intent),
        message: `"${intent}" is not an intent (no intents/data/${intent}.yaml): remove it or add the intent`,
      });
    if (!INTENT_NAMES.includes(intent) && !withConversation.includes(intent) && !m.reply)
      problems.push({ severity: 'error', file, line: base.lines.get(intent), message: `"${intent}" has no conversation of its own: give it a reply` });
  }
  for (const intent of intentNames) {
    if (UNLABELLED.has(intent) || base.data[intent]?.label) continue;
    problems.push({
      severity: 'error',
      file,
      // its entry, or the end of the file, where one can be added
      line: base.lines.get(intent) ?? base.lastLine,
      message: `the intent "${intent}" has no label (the button residents press for it): add "${intent}:" with "label:"`,
    });
  }
  for (const [locale, other] of read) {
    if (locale === DEFAULT_LOCALE) continue;
    const otherFile = intentMessagesFile(messagesDir, locale);
    for (const [intent, m] of Object.entries(base.data)) {
      for (const key of Object.keys(m) as Array<keyof IntentMessage>) {
        if (!other.data[intent]?.[key])
          problems.push({
            severity: 'error',
            file: otherFile,
            line: other.lines.get(intent),
            message: `${intent}.${key} is in ${DEFAULT_LOCALE} but not in ${locale}`,
          });
      }
    }
    for (const intent of Object.keys(other.data)) {
      if (!base.data[intent])
        problems.push({ severity: 'error', file: otherFile, line: other.lines.get(intent), message: `"${intent}" is not in ${DEFAULT_LOCALE}` });
    }
  }
  return problems;
}
