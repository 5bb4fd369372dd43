import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { describeHours, loadContactCentre } from './contactCentre';
import { HOURS_MESSAGES } from './messageFiles';
import { DEFAULT_LOCALE } from './intentMessages';
import { OVERLAYS, overlayFile } from './localeContent';
import { SUPPORTED_LOCALES, type Locale } from './locales';
import { readWithOverlay } from './overlay';
import { parsedYaml } from '../platform/yamlDocuments';

const phone = z.string().regex(/^[0-9 +()]{6,20}$/, 'must be a phone number as residents should read it');

export const councilProfileSchema = z.object({
  name: z.string().min(1),
  shortName: z.string().min(1),
  website: z.string().url(),
  contactPage: z.string().url(),
  privacyNotice: z.string().url(),
  phone,
  email: z.string().email(),
  /** Only for a council without a contact-centre file: the hours are otherwise those of contact-centre.yaml, in words. */
  openingHours: z.string().min(1).optional(),
  outOfHoursPhone: phone,
  safeguardingPhone: phone,
  /** Children's services front door (a worry about a child); without it, safeguardingPhone. */
  childrensServicesPhone: phone.optional(),
  /** Adult safeguarding line (a worry about an adult at risk); without it, safeguardingPhone. */
  adultSafeguardingPhone: phone.optional(),
  /**
   * The languages residents are served in: English (en-GB) first, the default; with Welsh (cy-GB),
   * every word residents see must exist in Welsh too (`npm run validate` and start-up refuse a gap).
   */
  languages: z
    .array(z.enum(SUPPORTED_LOCALES, { errorMap: () => ({ message: `must be one of ${SUPPORTED_LOCALES.join(', ')}` }) }))
    .min(1)
    .refine((l) => l[0] === 'en-GB', 'en-GB (English) must come first')
    .refine((l) => new Set(l).size === l.length, 'a language is listed twice')
    .default(['en-GB']),
  servicePages: z.record(z.string(), z.string().url()).default({}),
  /**
   * The longest an article's answer should be, in words, per language, before `npm run validate` warns (a link counts as
   * its text); a language not listed: 160. A language that says the same in more words gets more (Welsh: council.yaml).
   */
  answerWords: z.record(z.enum(SUPPORTED_LOCALES), z.number().int().positive()).default({}),
  /**
   * The assumptions of the savings estimate on the insights page (docs/insights.md): the cost of a
   * contact by channel in pounds (Socitm's often-quoted figures by default), and the share of
   * resolved conversations that would otherwise have been a phone call, low and high.
   */
  insights: z
    .object({
      costPerContact: z.object({ online: z.number().nonnegative(), phone: z.number().nonnegative(), faceToFace: z.number().nonnegative() }).strict(),
      wouldHavePhoned: z
        .object({ low: z.number().min(0).max(1), high: z.number().min(0).max(1) })
        .strict()
        .refine((w) => w.low <= w.high, 'low must not be above high'),
      /** The published monthly figures (INSIGHTS_OPEN_DATA) show a count from 1 to one below this as suppressed. */
      suppressBelow: z.number().int().min(1).default(5),
    })
    .strict()
    .default({ costPerContact: { online: 0.15, phone: 2.83, faceToFace: 8.62 }, wouldHavePhoned: { low: 0.3, high: 0.7 }, suppressBelow: 5 }),
});

export type CouncilProfile = z.infer<typeof councilProfileSchema> & { openingHours: string };

/**
 * The council profile. Its opening hours come from the contact-centre file (contact-centre.yaml
 * next to it, or `contactCentrePath`), so every reply states the hours live chat and the phones keep,
 * in the words of `locale` (the days' names, and `<messagesDir>/<locale>/hours.yaml`, else the project's own).
 */
export function loadCouncilProfile(
  file: string,
  contactCentrePath = path.join(path.dirname(file), 'contact-centre.yaml'),
  locale?: Locale,
  messagesDir = path.join(path.dirname(file), 'messages'),
): CouncilProfile {
  let raw: unknown;
  try {
    // Another language: its words (the council's name, its pages, opening hours in words) over the English file.
    raw = locale && locale !== DEFAULT_LOCALE ? readWithOverlay(file, overlayFile(file, locale), OVERLAYS.council) : parsedYaml(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${file}: ${(err as Error).message.split('\n')[0]}`);
  }
  const own = (raw as { openingHours?: string }).openingHours;
  if (locale && locale !== DEFAULT_LOCALE && own) {
    const parsed = councilProfileSchema.safeParse(raw);
    if (parsed.success) return { ...parsed.data, openingHours: own };
  }
  const parsed = councilProfileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  if (fs.existsSync(contactCentrePath)) {
    const words = HOURS_MESSAGES.loadOrShipped(messagesDir, locale);
    return { ...parsed.data, openingHours: describeHours(loadContactCentre(contactCentrePath), words, locale) };
  }
  if (!parsed.data.openingHours) throw new Error(`${file}: openingHours: needed when there is no contact-centre file (${contactCentrePath})`);
  return { ...parsed.data, openingHours: parsed.data.openingHours };
}

/** The council profile's `answerWords` for a language (what `npm run validate` warns above); undefined when the profile cannot be read (its own problem is reported). */
export function answerWordsIn(file: string, locale: Locale): number | undefined {
  try {
    return loadCouncilProfile(file).answerWords[locale];
  } catch {
    return undefined;
  }
}
