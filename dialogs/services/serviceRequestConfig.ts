import fs from 'node:fs';
import { z } from 'zod';
import { DEFAULT_LOCALE } from '../../knowledge/intentMessages';
import { OVERLAYS, overlayFile } from '../../knowledge/localeContent';
import type { Locale } from '../../knowledge/locales';
import { readWithOverlay } from '../../knowledge/overlay';
import { parsedYaml } from '../../platform/yamlDocuments';

/** Something to say when the answers hold: `when` maps attribute codes to value keys (all must hold). */
const answerRule = z.object({
  when: z.record(z.string(), z.string()).refine((w) => Object.keys(w).length > 0, 'name at least one attribute'),
  say: z.string().min(1),
});

const entrySchema = z.object({
  service_code: z.string().min(1),
  location: z.enum(['address', 'street']).default('street'),
  location_first: z.boolean().default(false),
  contact: z.enum(['optional', 'required']).default('optional'),
  /**
   * The resident's name: `optional` (the default; GeoReport v2 makes it optional) is never asked (the summary invites it
   * once there are contact details, and a name said is sent); `required` is asked once there are contact details.
   */
  name: z.enum(['optional', 'required']).default('optional'),
  dates: z.enum(['past', 'future', 'any']).default('any'),
  precheck: z.enum(['missed_bin']).optional(),
  notice: z.string().default(''),
  /**
   * The knowledge article about this request (knowledge/articles/<id>.md): a question asked in the middle of it that names
   * no topic of its own ("how much does it cost?", "is it free?") is answered from it. Checked by `npm run validate`.
   */
  article: z.string().min(1).optional(),
  /**
   * Safety advice said at once when an answer shows danger, e.g. `{ when: { fault_type: wiring },
   * say: "Keep away…" }`: `when` maps attribute codes to value keys (all must hold); `say` may use
   * {phone} and {outOfHoursPhone} from the council profile.
   */
  /**
   * Limits the back office's definition can only say in words ("up to 5 items"): per attribute
   * code, `max` choices of a list or `min`/`max` of a number. A number's `min` may name a list
   * attribute: at least as many as were chosen there.
   */
  limits: z.record(z.string(), z.object({ min: z.union([z.number(), z.string()]).optional(), max: z.number().optional() })).default({}),
  urgent: z.array(answerRule).default([]),
  /** Answers that mean the request cannot be taken (a bin that was not out by 7am): `say` why, and nothing is filed. */
  refuse: z.array(answerRule).default([]),
  /**
   * What residents say, per attribute code: for a list, value key → words and phrases that mean
   * that value ("black bags" → household); for a number, `near`: the words said next to it
   * ("wide", "across"); for a string, `near` (the words before a code: "number", "lamp post") and
   * `skip` (phrases that mean it can't be given: "can't see a number"); for text, `answer`
   * (phrases that answer it: "front garden", "garage"). Checked by `npm run validate`.
   */
  understands: z.record(z.string(), z.record(z.string(), z.array(z.string().min(1)).min(1))).default({}),
  /**
   * A list answer estimated from how many things were counted in a list attribute ("8 black bags
   * and a tyre" → a car boot load), per attribute code: `from` the list attribute, `bands` in order,
   * the first whose `up_to` holds the total (the last may leave it out). Only when the resident gave
   * a number; shown in the summary, so it can be changed. Checked by `npm run validate`.
   */
  estimates: z
    .record(
      z.string(),
      z.object({ from: z.string().min(1), bands: z.array(z.object({ up_to: z.number().int().positive().optional(), value: z.string().min(1) })).min(1) }),
    )
    .default({}),
  /**
   * What the request costs, shown in the summary: `label` (its short name there), and by bands of a number attribute's
   * answer (`from`), what to say: the first band whose `up_to` holds the answer (the last may leave it out). Checked by
   * `npm run validate`.
   */
  cost: z
    .object({
      label: z.string().min(1),
      from: z.string().min(1),
      bands: z.array(z.object({ up_to: z.number().int().positive().optional(), say: z.string().min(1) })).min(1),
    })
    .optional(),
  /** A short name per attribute code for "I've changed the bin to …". */
  labels: z.record(z.string(), z.string().min(1)).default({}),
});

export type AnswerRule = z.infer<typeof answerRule>;

export type ServiceRequestConfig = z.infer<typeof entrySchema>;

/** knowledge/service-requests.yaml: intent → how to take that service request. */
export function loadServiceRequestConfig(file: string, locale: Locale = DEFAULT_LOCALE): Record<string, ServiceRequestConfig> {
  // Another language: its words (notices, refusals, labels, the phrases residents use) over the English settings.
  const raw =
    locale === DEFAULT_LOCALE ? parsedYaml(fs.readFileSync(file, 'utf8')) : readWithOverlay(file, overlayFile(file, locale), OVERLAYS.serviceRequests);
  const parsed = z.record(z.string(), entrySchema).safeParse(raw);
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}
