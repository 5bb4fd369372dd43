/**
 * Removes residents' personal data from free text before anything is logged or sent
 * as telemetry. Deliberately over-eager: a redacted house number in a log costs
 * nothing, a leaked phone number costs trust.
 */
import { escapeRegExp } from './escapeRegExp';
// e-mail addresses (bounded as RFC 5321 bounds them: unbounded, a long run of letters without an @
// took time quadratic in its length, seconds for one hostile 70 KB field, with the event loop blocked)
const EMAIL: [RegExp, string] = [/[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}.-]{1,253}\.[\p{L}]{2,63}/gu, '[email]'];
// UK postcodes, full or outward-only when followed by an inward part (with or without space)
const POSTCODE: [RegExp, string] = [/\b(GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b/giu, '[postcode]'];
// phone numbers: +44 / 0 followed by 9–10 more digits, spaces, dots, dashes or brackets allowed
const PHONE: [RegExp, string] = [/(?:\+44\s?\(?0?\)?|\(?0)[\d\s().-]{8,14}\d/g, '[phone]'];
// card numbers and other long digit runs
const LONG_NUMBER: [RegExp, string] = [/\b(?:\d[ -]?){12,19}\b/g, '[number]'];
const NAMES: Array<[RegExp, string]> = [
  // "my name is Jane Smith", "I'm called Jo", "name: Sam O'Neil"
  [/\b(my name is|my name's|i am called|i'm called|this is|name\s*[:=])\s+([\p{L}'’-]+(?:\s+[\p{Lu}][\p{L}'’-]+){0,3})/giu, '$1 [name]'],
  // "I'm Jane Smith", "I am Jo" — a capitalised word after "I'm/I am" (case-sensitive, so "I'm unhappy" stays)
  [
    /\b(I am|I'm|I’m|Im)\s+(?!(?:A|An|The|Not|So|Very|In|On|At|From|Here|Still|Just|Sorry|Trying|Looking|Calling|Writing|Worried|Unable)\b)([\p{Lu}][\p{L}'’-]+(?:\s+[\p{Lu}][\p{L}'’-]+){0,3})/gu,
    '$1 [name]',
  ],
  // titles: "Mrs Smith", "Dr. Jane Okafor"
  [/\b(Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.?\s+([\p{Lu}][\p{L}'’-]+(?:\s+[\p{Lu}][\p{L}'’-]+){0,2})/gu, '$1 [name]'],
  // sign-offs: "Thanks, Jane" / "Regards, Sam Patel" at the end of a message
  [
    /\b(thanks|thank you|regards|cheers|kind regards|best wishes|many thanks)\s*,?\s+([\p{Lu}][\p{L}'’-]+(?:\s+[\p{Lu}][\p{L}'’-]+){0,2})\s*[.!]?\s*$/giu,
    '$1 [name]',
  ],
];
// house number + street: "12 High Street", "Flat 3, 4 Mill Lane"
const STREET_ADDRESS: [RegExp, string] = [
  /\b\d{1,4}[a-z]?,?\s+(?:[\p{L}'’-]+\s+){1,3}(?:street|st|road|rd|lane|ln|avenue|ave|close|drive|dr|way|court|ct|crescent|place|pl|gardens|grove|terrace|hill|row|square|walk|mews|park)\b/giu,
  '[address]',
];

/** For logs and telemetry: everything that could identify a resident. */
const patterns: Array<[RegExp, string]> = [EMAIL, POSTCODE, PHONE, LONG_NUMBER, ...NAMES, STREET_ADDRESS];
/** For publication (the public Open311 list): who the resident is and how to reach them; the place stays, as the report is about it. */
const contactPatterns: Array<[RegExp, string]> = [EMAIL, PHONE, LONG_NUMBER, ...NAMES];

function applyAll(text: string, list: Array<[RegExp, string]>): string {
  let out = text;
  for (const [re, replacement] of list) out = out.replace(re, replacement);
  return out;
}

export function redactText(text: string): string {
  return applyAll(text, patterns);
}

/**
 * Text a resident typed, made fit to publish: e-mail addresses, phone numbers, long numbers,
 * "my name is …"-style names and the given `names` (e.g. the request's own first and last
 * name, wherever they appear, in any case) are replaced. Places are kept.
 */
export function redactContactDetails(text: string, names: Array<string | null | undefined> = []): string {
  let out = applyAll(text, contactPatterns);
  const given = names.flatMap((n) => (n ?? '').split(/\s+/)).filter((n) => n.length >= 2);
  for (const name of new Set(given)) {
    const escaped = escapeRegExp(name);
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'giu'), '[name]');
  }
  return out;
}

/** Field names whose values are never logged at all, whatever they contain. */
const secretKeys =
  /^(text|utterance|speak|email|phone|name|first_?name|last_?name|address|address_string|description|password|token|secret|authorization|cookie|value)$/i;

/** Deep copy of `value` with personal data redacted; safe to log. */
export function redactValue(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[deep]';
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => redactValue(v, depth + 1));
  if (value instanceof Error) {
    return { type: value.name, message: redactText(value.message), stack: value.stack ? redactText(value.stack) : undefined };
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] =
        secretKeys.test(k) && v !== undefined && v !== null && typeof v !== 'boolean' && typeof v !== 'number' ? '[redacted]' : redactValue(v, depth + 1);
    }
    return out;
  }
  return value;
}
