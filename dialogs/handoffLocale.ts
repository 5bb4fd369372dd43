/** The languages a conversation is handed over in (the Welsh Language Standards: Welsh at parity with English). */
export const HANDOFF_LOCALES = ['en-GB', 'cy-GB'] as const;
export type HandoffLocale = (typeof HANDOFF_LOCALES)[number];
export const DEFAULT_HANDOFF_LOCALE: HandoffLocale = 'en-GB';

/**
 * A BCP 47 tag as a handoff's language: Welsh ('cy', 'cy-GB', 'CY_gb') is 'cy-GB'; anything else,
 * missing or not a tag at all, is 'en-GB'. Parsed with the built-in Intl.Locale (no hand-written
 * tag grammar); an underscore, as some channels send, is read as the hyphen it stands for.
 */
export function handoffLocale(tag: string | null | undefined): HandoffLocale {
  if (!tag) return DEFAULT_HANDOFF_LOCALE;
  try {
    return new Intl.Locale(tag.trim().replace(/_/g, '-')).language === 'cy' ? 'cy-GB' : DEFAULT_HANDOFF_LOCALE;
  } catch {
    return DEFAULT_HANDOFF_LOCALE;
  }
}

export const isWelsh = (locale: string | null | undefined): boolean => handoffLocale(locale) === 'cy-GB';
