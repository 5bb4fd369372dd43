/**
 * English or Welsh, for a resident's message: switches the conversation's language only when sure.
 *
 * Written for this project rather than taken from npm: the identifiers there either leave Welsh out
 * (franc-min keeps languages of 8 million speakers or more) or are trained for 50-400 languages on
 * long texts, and what the assistant must decide is narrower and harder: en-GB or cy-GB on a message
 * of two to ten words, and "don't know" for "ok", "ie", "1", a postcode or a name. (Comparing them
 * here needs an install in the project, which this change could not make: see docs/welsh.md.)
 *
 * Two parts, both from the council's own content in each language: a naive Bayes model of
 * character trigrams (words padded with spaces, accents kept: ŵ, ŷ, â are Welsh signs), and each
 * language's function words. It answers a language only when the message holds at least one of that
 * language's function words and the trigrams lean the same way by a margin; anything else is
 * undefined, and the conversation keeps its language.
 */
export type Language = 'en-GB' | 'cy-GB';

/** Words that carry no subject and are frequent in one language only; a message must hold one to switch to it. */
const FUNCTION_WORDS: Readonly<Record<Language, ReadonlySet<string>>> = {
  'en-GB': new Set(
    'the and my is was are were to of in on for not it this that with have has had be been do does did can could would should will what when where why how which who i me you your we our they them their there here an a from at by about please hi hello thanks yes no'.split(
      ' ',
    ),
  ),
  'cy-GB': new Set(
    'y yr mae maer oes ydy yw ydw dw dwi rwy rydw roedd oedd bod fod ddim dim fy dy ei ein eich eu yn yng ym i ir or ar gyda efo gan am at o a ac ag hefyd sut pam ble pryd beth pwy faint shwmae helo diolch ie na nage naddo plis chi ni nhw fe fo hi hwn hon hyn yna yma wedi sydd syn eisiau isio moyn angen gallu cael'.split(
      ' ',
    ),
  ),
};

/**
 * Never a sign on their own: words both languages write the same way, and those in place names
 * residents type in either language ("Heol y Bont", "Bryn yr Eos", "The Green").
 */
const NOT_A_SIGN = new Set(['a', 'i', 'hi', 'am', 'at', 'yn', 'no', 'na', 'helo', 'plis', 'y', 'yr', 'ym', 'yng', 'ar', 'o', 'the']);

const LANGUAGES: readonly Language[] = ['en-GB', 'cy-GB'];

/** How far (natural log of the odds) the trigrams must lean for an answer; with fewer, undefined. */
const MARGIN = 3;

function words(text: string): string[] {
  return (
    text
      .normalize('NFC')
      .toLowerCase()
      .replace(/['’`]/g, '')
      .match(/\p{L}+/gu) ?? []
  );
}

function trigrams(word: string): string[] {
  const padded = ` ${word} `;
  const out: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) out.push(padded.slice(i, i + 3));
  return out;
}

export interface LanguageGuess {
  /** The language, when sure; undefined for a message either could write (ok, 1, a postcode, a name). */
  language?: Language;
  /** Natural log of the odds Welsh : English from the trigrams (positive = Welsh). */
  score: number;
}

export class LanguageIdentifier {
  private constructor(
    private readonly logOdds: ReadonlyMap<string, number>,
    private readonly unseen: number,
  ) {}

  /** Counts the trigrams of each language's texts (the council's articles, training data and messages). */
  static train(texts: Readonly<Record<Language, readonly string[]>>): LanguageIdentifier {
    const counts = LANGUAGES.map(() => new Map<string, number>());
    const totals = [0, 0];
    LANGUAGES.forEach((lang, l) => {
      for (const text of texts[lang])
        for (const w of words(text))
          for (const g of trigrams(w)) {
            counts[l].set(g, (counts[l].get(g) ?? 0) + 1);
            totals[l]++;
          }
    });
    const vocabulary = new Set([...counts[0].keys(), ...counts[1].keys()]);
    const v = vocabulary.size + 1;
    const logOdds = new Map<string, number>();
    // Add-one smoothing; log P(g | cy) - log P(g | en).
    for (const g of vocabulary)
      logOdds.set(g, Math.log(((counts[1].get(g) ?? 0) + 1) / (totals[1] + v)) - Math.log(((counts[0].get(g) ?? 0) + 1) / (totals[0] + v)));
    return new LanguageIdentifier(logOdds, Math.log((totals[0] + v) / (totals[1] + v)));
  }

  identify(text: string): LanguageGuess {
    const all = words(text);
    let score = 0;
    for (const w of all) for (const g of trigrams(w)) score += this.logOdds.get(g) ?? this.unseen;
    const leaning: Language | undefined = score >= MARGIN ? 'cy-GB' : score <= -MARGIN ? 'en-GB' : undefined;
    // One word ("ok", "ie", "diolch") is never enough: a short reply keeps the conversation's language.
    if (!leaning || all.length < 2) return { score };
    const signs = all.filter((w) => !NOT_A_SIGN.has(w) && FUNCTION_WORDS[leaning].has(w));
    return signs.length ? { language: leaning, score } : { score };
  }
}
