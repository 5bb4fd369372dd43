/**
 * Removes residents' personal data from free text before anything is logged or sent
 * as telemetry. Deliberately over-eager: a redacted house number in a log costs
 * nothing, a leaked phone number costs trust.
 */
const patterns: Array<[RegExp, string]> = [
  // e-mail addresses (bounded as RFC 5321 bounds them: unbounded, a long run of letters without an @
  // took time quadratic in its length, seconds for one hostile 70 KB field, with the event loop blocked)
  [/[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}.-]{1,253}\.[\p{L}]{2,63}/gu, '[email]'],
  // UK postcodes, full or outward-only when followed by an inward part (with or without space)
  [/\b(GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b/giu, '[postcode]'],
  // phone numbers: +44 / 0 followed by 9–10 more digits, spaces, dots, dashes or brackets allowed
  [/(?:\+44\s?\(?0?\)?|\(?0)[\d\s().-]{8,14}\d/g, '[phone]'],
  // card numbers and other long digit runs
  [/\b(?:\d[ -]?){12,19}\b/g, '[number]'],
  // "my name is Jane Smith", "I'm called Jo", "name: Sam O'Neil"
  [/\b(my name is|my name's|i am called|i'm called|this is|name\s*[:=])\s+([\p{L}'’-]+(?:\s+[\p{Lu}][\p{L}'’-]+){0,3})/giu, '$1 [name]'],
  // "I'm Jane Smith", "I am Jo" — a capitalised word after "I'm/I am" (case-sensitive, so "I'm unhappy" stays)
  [/\b(I am|I'm|I’m|Im)\s+(?!(?:A|An|The|Not|So|Very|In|On|At|From|Here|Still|Just|Sorry|Trying|Looking|Calling|Writing|Worried|Unable)\b)([\p{Lu}][\p{L}'’-]+(?:\s+[\p{Lu}][\p{L}'’-]+){0,3})/gu, '$1 [name]'],
  // titles: "Mrs Smith", "Dr. Jane Okafor"
  [/\b(Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.?\s+([\p{Lu}][\p{L}'’-]+(?:\s+[\p{Lu}][\p{L}'’-]+){0,2})/gu, '$1 [name]'],
  // sign-offs: "Thanks, Jane" / "Regards, Sam Patel" at the end of a message
  [/\b(thanks|thank you|regards|cheers|kind regards|best wishes|many thanks)\s*,?\s+([\p{Lu}][\p{L}'’-]+(?:\s+[\p{Lu}][\p{L}'’-]+){0,2})\s*[.!]?\s*$/giu, '$1 [name]'],
  // house number + street: "12 High Street", "Flat 3, 4 Mill Lane"
  [/\b\d{1,4}[a-z]?,?\s+(?:[\p{L}'’-]+\s+){1,3}(?:street|st|road|rd|lane|ln|avenue|ave|close|drive|dr|way|court|ct|crescent|place|pl|gardens|grove|terrace|hill|row|square|walk|mews|park)\b/giu, '[address]'],
];

export function redactText(text: string): string {
  let out = text;
  for (const [re, replacement] of patterns) out = out.replace(re, replacement);
  return out;
}

/** Field names whose values are never logged at all, whatever they contain. */
const secretKeys = /^(text|utterance|speak|email|phone|name|first_?name|last_?name|address|address_string|description|password|token|secret|authorization|cookie|value)$/i;

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
      out[k] = secretKeys.test(k) && v !== undefined && v !== null && typeof v !== 'boolean' && typeof v !== 'number' ? '[redacted]' : redactValue(v, depth + 1);
    }
    return out;
  }
  return value;
}
