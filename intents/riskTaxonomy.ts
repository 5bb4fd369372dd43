import fs from 'node:fs';
import { isNode, type Document, type LineCounter } from 'yaml';
import { z } from 'zod';
import type { ContentProblem } from './trainingData';
import { parsedDocument } from '../platform/yamlDocuments';

/** The five kinds of risk (the evaluation sets use these ids). */
export const RISK_CATEGORIES = ['immediate_danger', 'suicide_self_harm', 'domestic_abuse', 'child_at_risk', 'adult_at_risk'] as const;
export type RiskCategory = (typeof RISK_CATEGORIES)[number];

/** Who a message is about: the resident, someone they know, someone they don't, a child. */
export const RISK_ABOUT = ['self', 'known', 'stranger', 'child'] as const;
export type RiskAbout = (typeof RISK_ABOUT)[number];

/** Council profile phone numbers a taxonomy line may name as {council:KEY} (name is the council's name). */
export const COUNCIL_KEYS = ['name', 'phone', 'outOfHoursPhone', 'safeguardingPhone', 'childrensServicesPhone', 'adultSafeguardingPhone'] as const;

const PLACEHOLDER = /\{(helpline|number|council):([A-Za-z_]+)\}/g;

const helplineSchema = z
  .object({
    name: z.string().min(1),
    number: z.string().regex(/^[0-9 ]{3,16}$/, 'must be a phone number as residents should read it'),
    /** A number to text rather than call. */
    text: z.boolean().optional(),
  })
  .strict();

const categorySchema = z
  .object({
    id: z.enum(RISK_CATEGORIES),
    label: z.string().min(1),
    description: z.string().min(1),
    urgency: z.enum(['now', 'today']),
    about: z.array(z.enum(RISK_ABOUT)).min(1),
    action: z
      .object({
        default: z.string().min(1),
        self: z.string().min(1).optional(),
        known: z.string().min(1).optional(),
        stranger: z.string().min(1).optional(),
        child: z.string().min(1).optional(),
      })
      .strict(),
    help: z.array(z.object({ text: z.string().min(1) }).strict()).min(1),
  })
  .strict();

const generalSchema = z.object({ action: z.string().min(1), help: z.array(z.object({ text: z.string().min(1) }).strict()).min(1) }).strict();

const taxonomySchema = z
  .object({
    helplines: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be lower_snake_case'), helplineSchema),
    general: generalSchema,
    categories: z.array(categorySchema).min(1),
    aboutCues: z.array(z.object({ about: z.enum(RISK_ABOUT), pattern: z.string().min(1) }).strict()).min(1),
  })
  .strict();

export type Helpline = z.infer<typeof helplineSchema>;
export type RiskCategoryDefinition = z.infer<typeof categorySchema>;

export interface RiskTaxonomy {
  helplines: Record<string, Helpline>;
  /** The reply when the category is not known, and the helplines repeated around a handoff. */
  general: z.infer<typeof generalSchema>;
  /** Most urgent first: a message in two categories follows the first. */
  categories: RiskCategoryDefinition[];
  aboutCues: Array<{ about: RiskAbout; pattern: RegExp }>;
}

/** Reads and checks intents/risk-taxonomy.yaml; every mistake is returned with its file and line. */
export function readRiskTaxonomy(file: string, text?: string): { taxonomy?: RiskTaxonomy; problems: ContentProblem[] } {
  let doc: Document;
  let lineCounter: LineCounter;
  try {
    ({ doc, lineCounter } = parsedDocument(text ?? fs.readFileSync(file, 'utf8')));
  } catch (err) {
    return { problems: [{ severity: 'error', file, message: (err as Error).message.split('\n')[0] }] };
  }
  if (doc.errors.length)
    return { problems: doc.errors.map((e) => ({ severity: 'error', file, line: e.linePos?.[0]?.line, message: e.message.split('\n')[0] })) };
  const lineOf = (path: ReadonlyArray<string | number>): number | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  const parsed = taxonomySchema.safeParse(doc.toJS());
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((i) => {
        // An unknown key is reported on its own line, not on the line of the object around it.
        const where = i.code === 'unrecognized_keys' ? [...i.path, i.keys[0]] : i.path;
        return { severity: 'error' as const, file, line: lineOf(where), message: `${i.path.join('.') || 'file'}: ${i.message}` };
      }),
    };
  }
  const data = parsed.data;
  const problems: ContentProblem[] = [];
  const seen = new Set<string>();
  const checkPlaceholders = (where: ReadonlyArray<string | number>, text: string): void => {
    for (const [, kind, key] of text.matchAll(PLACEHOLDER)) {
      const known = kind !== 'council' ? key in data.helplines : (COUNCIL_KEYS as readonly string[]).includes(key);
      if (!known)
        problems.push({
          severity: 'error',
          file,
          line: lineOf(where),
          message: `{${kind}:${key}} is not ${kind !== 'council' ? 'a helpline listed under helplines' : `a council profile key (${COUNCIL_KEYS.join(', ')})`}`,
        });
    }
    if (/\{(?!(helpline|number|council):)/.test(text))
      problems.push({ severity: 'error', file, line: lineOf(where), message: 'a placeholder must be {helpline:ID}, {number:ID} or {council:KEY}' });
  };
  checkPlaceholders(['general', 'action'], data.general.action);
  data.general.help.forEach((h, j) => checkPlaceholders(['general', 'help', j, 'text'], h.text));
  data.categories.forEach((c, i) => {
    if (seen.has(c.id)) problems.push({ severity: 'error', file, line: lineOf(['categories', i, 'id']), message: `category "${c.id}" is listed twice` });
    seen.add(c.id);
    for (const about of Object.keys(c.action)) {
      if (about !== 'default' && !c.about.includes(about as RiskAbout))
        problems.push({
          severity: 'error',
          file,
          line: lineOf(['categories', i, 'action', about]),
          message: `action for "${about}", which is not in this category's about list`,
        });
    }
    const texts: Array<[ReadonlyArray<string | number>, string]> = [
      ...Object.entries(c.action).map(([k, v]) => [['categories', i, 'action', k], v ?? ''] as [ReadonlyArray<string | number>, string]),
      ...c.help.map((h, j) => [['categories', i, 'help', j, 'text'], h.text] as [ReadonlyArray<string | number>, string]),
    ];
    for (const [where, text] of texts) checkPlaceholders(where, text);
  });
  for (const id of RISK_CATEGORIES) {
    if (!seen.has(id)) problems.push({ severity: 'error', file, line: lineOf(['categories']), message: `category "${id}" is missing` });
  }
  const aboutCues: RiskTaxonomy['aboutCues'] = [];
  data.aboutCues.forEach((cue, i) => {
    try {
      aboutCues.push({ about: cue.about, pattern: new RegExp(cue.pattern, 'u') });
    } catch (err) {
      problems.push({
        severity: 'error',
        file,
        line: lineOf(['aboutCues', i, 'pattern']),
        message: `not a valid regular expression (${(err as Error).message})`,
      });
    }
  });
  if (problems.length) return { problems };
  return { taxonomy: { helplines: data.helplines, general: data.general, categories: data.categories, aboutCues }, problems };
}

/** Loads the taxonomy or throws with every problem, file and line named; `text`: the file's content as another language sees it (its words over the English). */
export function loadRiskTaxonomy(file: string, text?: string): RiskTaxonomy {
  const { taxonomy, problems } = readRiskTaxonomy(file, text);
  if (!taxonomy) throw new Error(problems.map((p) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`).join('; '));
  return taxonomy;
}

/** Who the (folded) message is about, when the taxonomy's cues can tell. */
export function aboutOf(taxonomy: RiskTaxonomy, folded: string): RiskAbout | undefined {
  return taxonomy.aboutCues.find((c) => c.pattern.test(folded))?.about;
}

/** Fills {helpline:ID} (name and number), {number:ID} (the number alone) and {council:KEY}; `link` turns a number into what the channel shows. */
export function fillPlaceholders(
  text: string,
  taxonomy: RiskTaxonomy,
  council: Record<string, unknown>,
  link: (number: string, sms: boolean) => string,
): string {
  return text.replace(PLACEHOLDER, (whole, kind: string, key: string) => {
    if (kind !== 'council') {
      const h = taxonomy.helplines[key];
      if (!h) return whole;
      return kind === 'number' ? link(h.number, h.text === true) : `${h.name}: ${link(h.number, h.text === true)}`;
    }
    const value = council[key] ?? (key.endsWith('Phone') ? council.safeguardingPhone : undefined);
    if (typeof value !== 'string') return whole;
    return key === 'name' ? value : link(value, false);
  });
}
