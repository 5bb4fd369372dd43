import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { ContentProblem } from '../intents/trainingData';
import { yamlSchemaProblems } from '../intents/yamlProblems';
import { localeFolders } from '../platform/localeFolders';
import { packageRoot } from '../platform/packageRoot';
import type { CouncilProfile } from './councilProfile';
import { DEFAULT_LOCALE } from './intentMessages';

/** The council's details every message may use (knowledge/council.yaml). */
export const COUNCIL_PLACEHOLDERS = [
  'name',
  'shortName',
  'phone',
  'openingHours',
  'email',
  'website',
  'contactPage',
  'privacyNotice',
  'outOfHoursPhone',
  'safeguardingPhone',
] as const;

/** Each message id of a file and the placeholders it may use besides the council's details. */
export type MessageSpec = Record<string, readonly string[]>;

/** A locale's words for each id of a spec. */
export type MessageWords<S extends MessageSpec> = Record<keyof S & string, string>;

/**
 * One message file of every locale, `<messagesDir>/<locale>/<name>.yaml`: an id per message, the
 * words as content. The code asks for the ids; the file must have every id, no other, and no
 * placeholder a message may not use. A mistake names the file and the line; a missing id is named
 * at the line of the id that follows it in the project's own order, where it can be added.
 */
export class MessageFile<S extends MessageSpec> {
  private readonly schema: z.ZodType<MessageWords<S>>;
  private shippedWords?: MessageWords<S>;

  constructor(
    /** The file's name without `.yaml`: "services". */
    readonly name: string,
    readonly spec: S,
  ) {
    // Each id optional here: a missing one is reported by read(), with the line where it belongs.
    this.schema = z.object(Object.fromEntries(Object.keys(spec).map((id) => [id, z.string().min(1).optional()]))).strict() as unknown as z.ZodType<
      MessageWords<S>
    >;
  }

  /** The path of a locale's file: `<messagesDir>/<locale>/<name>.yaml`. */
  file(messagesDir: string, locale = DEFAULT_LOCALE): string {
    return path.join(messagesDir, locale, `${this.name}.yaml`);
  }

  /** A file's words and its problems (each with its line): a missing or unknown id, an unknown placeholder. */
  read(file: string): { words?: MessageWords<S>; problems: ContentProblem[] } {
    const text = fs.readFileSync(file, 'utf8');
    const { data, problems, keyLines: lines, readable } = yamlSchemaProblems(file, text, this.schema);
    // Only a file that is a list of ids can lack one (a file YAML cannot read has its own problem).
    if (lines.size && readable) problems.push(...this.missing(file, lines, text.split('\n').length));
    if (!data) return { problems };
    for (const [id, words] of Object.entries(data) as Array<[keyof S & string, string]>) {
      const allowed = new Set<string>([...COUNCIL_PLACEHOLDERS, ...this.spec[id]]);
      for (const [, name] of words.matchAll(/\{(\w*)\}/g)) {
        if (!allowed.has(name))
          problems.push({
            severity: 'error',
            file,
            line: lines.get(id),
            message: `${id}: unknown placeholder {${name}} (it may use ${[...allowed].map((p) => `{${p}}`).join(', ')})`,
          });
      }
    }
    return problems.length ? { problems } : { words: data, problems };
  }

  /** Each id the file lacks, at the line of the next id it has in the project's own order (else its last line): add it there. */
  private missing(file: string, lines: Map<string, number>, lastLine: number): ContentProblem[] {
    const ids = Object.keys(this.spec);
    return ids
      .filter((id) => !lines.has(id))
      .map((id) => {
        const next = ids.slice(ids.indexOf(id) + 1).find((other) => lines.has(other));
        return {
          severity: 'error' as const,
          file,
          line: next ? lines.get(next) : lastLine,
          message: `${id}: missing (add it ${next ? `before ${next}` : 'at the end'})`,
        };
      });
  }

  /** Reads and checks a locale's file; throws naming file and line of each mistake. */
  load(file: string): MessageWords<S> {
    const { words, problems } = this.read(file);
    if (!words) throw new Error(problems.map((p) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`).join('; '));
    return words;
  }

  /** The council's own words when its messages folder has this file, else the project's own. */
  loadOrShipped(messagesDir: string | undefined, locale = DEFAULT_LOCALE): MessageWords<S> {
    return messagesDir && fs.existsSync(this.file(messagesDir, locale)) ? this.load(this.file(messagesDir, locale)) : this.shipped();
  }

  /** The project's own words (knowledge/messages/en-GB/<name>.yaml), for a council whose content has none and for tests. */
  shipped(): MessageWords<S> {
    this.shippedWords ??= this.load(this.file(path.join(packageRoot(__dirname), 'knowledge', 'messages')));
    return this.shippedWords;
  }

  /** The checks of `npm run validate`: every locale folder under `messagesDir` must have this file, right. */
  problems(messagesDir: string): ContentProblem[] {
    return localeFolders(messagesDir).flatMap((locale) => {
      const file = this.file(messagesDir, locale);
      return fs.existsSync(file)
        ? this.read(file).problems
        : [{ severity: 'error' as const, file, message: `the ${locale} ${this.name} messages are missing` }];
    });
  }
}

/** A message with the council's details ({name}, {phone}, …) and its own values filled in; unknown placeholders stay as written. */
export function fillCouncilWords(template: string, c: CouncilProfile, values: Record<string, string | number> = {}): string {
  const all: Record<string, string | number> = {
    name: c.name,
    shortName: c.shortName,
    phone: c.phone,
    openingHours: c.openingHours,
    email: c.email,
    website: c.website,
    contactPage: c.contactPage,
    privacyNotice: c.privacyNotice,
    outOfHoursPhone: c.outOfHoursPhone,
    safeguardingPhone: c.safeguardingPhone,
    ...values,
  };
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (all[name] === undefined ? whole : String(all[name])));
}

/** A locale's words with the council's details and each message's own values filled in. */
export class MessageTexts<S extends MessageSpec> {
  constructor(
    private readonly words: MessageWords<S>,
    private readonly council: CouncilProfile,
  ) {}

  say(id: keyof S & string, values: Record<string, string | number> = {}): string {
    return fillCouncilWords(this.words[id], this.council, values);
  }

  /** Every message with the council's details filled in and its own placeholders left as written, for a page's script to fill. */
  all(): Record<keyof S & string, string> {
    return Object.fromEntries(Object.keys(this.words).map((id) => [id, this.say(id)])) as Record<keyof S & string, string>;
  }
}
