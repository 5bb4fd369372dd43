import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { parsedYaml } from '../../platform/yamlDocuments';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date written 2026-12-25' });

/**
 * A language's words for the waste data (waste/<locale>/words.yaml, for each language the council
 * declares besides English): the containers' names, the bank holidays' names by date, the reasons
 * of the explicit changes by their `from` date, the reason told when the rule moved a collection,
 * and what residents are told of each crew event. Dates, rounds and rules stay in the English files.
 */
const wordsSchema = z
  .object({
    containers: z.record(z.string(), z.string()),
    moved_reason: z.string().includes('{holiday}', { message: 'must say {holiday}' }),
    holidays: z.record(isoDate, z.string()).default({}),
    changes: z.record(isoDate, z.string()).default({}),
    events: z.record(z.string(), z.object({ name: z.string(), message: z.string(), next: z.string() }).strict()).default({}),
  })
  .strict();
export type WasteWords = z.infer<typeof wordsSchema>;

/** The file of a language's waste words, beside the English files. */
export const wasteWordsFile = (dir: string, locale: string): string => path.join(dir, locale, 'words.yaml');

/** A language's waste words, and the file they came from (for messages); an error naming the file when missing or malformed. */
export function loadWasteWords(dir: string, locale: string): { words: WasteWords; where: string } {
  const file = wasteWordsFile(dir, locale);
  const where = path.relative(process.cwd(), file) || file;
  if (!fs.existsSync(file)) throw new Error(`${where}: the ${locale} words of the waste data are missing`);
  const parsed = wordsSchema.safeParse(parsedYaml(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${where}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; ')}`);
  return { words: parsed.data, where };
}
