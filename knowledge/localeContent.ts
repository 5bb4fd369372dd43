import path from 'node:path';
import type { OverlayWords } from './overlay';

/**
 * Where a locale's content lives, beside the English (which stays where it is, the default locale).
 * Content a locale has of its own (articles, training data, cue rules, synonyms, bin words) is in a
 * `<locale>` folder next to the English; a file that mixes settings and words gets an overlay with
 * only the words, in a `<locale>` folder next to it (see {@link OVERLAYS}).
 */
export const localeDir = (dir: string, locale: string): string => path.join(dir, locale);

/** A file of settings and words next to its overlay: `knowledge/chat-page.yaml` → `knowledge/cy-GB/chat-page.yaml`. */
export const overlayFile = (englishFile: string, locale: string): string => path.join(path.dirname(englishFile), locale, path.basename(englishFile));

/**
 * Which keys are words, per file that mixes settings and words. Decided per file: what a resident
 * (or, for canned replies, a resident through staff) sees is words; times, codes, numbers, patterns
 * and addresses are settings and stay in the English file only.
 */
export const OVERLAYS = {
  /** knowledge/chat-page.yaml: every key is a line of the page (the script's at the top, the page's own under `page`). */
  chatPage: { words: ['*', 'page.*', 'embed.*'] },
  /** knowledge/delivery-messages.yaml: every message. */
  deliveryMessages: { words: ['**'] },
  /** knowledge/service-requests.yaml: notices, refusals, urgent advice, labels; the phrases residents use (understands) replaced whole, optional. */
  serviceRequests: {
    words: ['*.notice', '*.refuse.*.say', '*.urgent.*.say', '*.labels.*', '*.cost.label', '*.cost.bands.*.say'],
    lists: ['*.understands.*.*'],
  },
  /** knowledge/contact-centre.yaml: the canned replies staff send to residents (by index). */
  contactCentre: { words: ['cannedReplies.*'] },
  /** knowledge/council.yaml: the council's names; Welsh web pages and opening hours in words, optional. */
  council: { words: ['name', 'shortName'], optional: ['openingHours', 'website', 'contactPage', 'privacyNotice', 'servicePages.*'] },
  /** intents/risk-taxonomy.yaml: helpline names, labels, actions, help lines; Welsh `aboutCues` are used besides the English. */
  riskTaxonomy: {
    words: ['helplines.*.name', 'general.action', 'general.help.*.text', 'categories.*.label', 'categories.*.action.*', 'categories.*.help.*.text'],
    optional: ['categories.*.description'],
    lists: ['aboutCues'],
  },
  /** services/<service>.yaml (GeoReport service definitions): names, descriptions, questions, answers; keywords replaced whole, optional. */
  service: {
    words: [
      'service_name',
      'description',
      'group',
      'service_notice',
      'attributes.*.description',
      'attributes.*.datatype_description',
      'attributes.*.values.*.name',
    ],
    lists: ['keywords'],
  },
} as const satisfies Record<string, OverlayWords>;
