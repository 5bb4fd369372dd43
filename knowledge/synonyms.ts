import fs from 'node:fs';
import { z } from 'zod';
import { parsedYaml } from '../platform/yamlDocuments';

const schema = z.object({ groups: z.array(z.array(z.string().trim().min(1)).min(2, 'a group needs at least two phrases')) });

/** Groups of phrases searched as the same thing; the first phrase of each group is the one used. */
export type SynonymGroups = string[][];

/** Reads knowledge/synonyms.yaml. Throws with the file name when it cannot be used. */
export function loadSynonyms(file: string): SynonymGroups {
  let raw: unknown;
  try {
    raw = parsedYaml(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${file}: ${(err as Error).message.split('\n')[0]}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data.groups;
}
