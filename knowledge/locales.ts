/** The languages a council may declare in knowledge/council.yaml (`languages`); the first is English, the default. */
export const SUPPORTED_LOCALES = ['en-GB', 'cy-GB'] as const;

export type Locale = (typeof SUPPORTED_LOCALES)[number];

/** Each language's name as its speakers write it: the button that switches to it ("Cymraeg", "English") reads the same in every language. */
export const LANGUAGE_NAMES: Readonly<Record<Locale, string>> = { 'en-GB': 'English', 'cy-GB': 'Cymraeg' };
