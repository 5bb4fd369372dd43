/** The languages a council may declare in knowledge/council.yaml (`languages`); the first is English, the default. */
export const SUPPORTED_LOCALES = ['en-GB', 'cy-GB'] as const;

export type Locale = (typeof SUPPORTED_LOCALES)[number];

/** Welsh, for councils under the Welsh Language Standards. */
export const WELSH: Locale = 'cy-GB';
