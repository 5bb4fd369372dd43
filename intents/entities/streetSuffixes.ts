import { BASE_LOCALE, numberWords } from './numberWords';

/**
 * Street-type words. The words are content (knowledge/messages/en-GB/numbers.yaml `street_words`, read in every
 * language); the readers (addresses.ts, welshAddresses.ts, servicerequests/gazetteer/streets.ts, dialogs/router.ts) ask
 * for them here. `strength` says how much evidence a street needs:
 * - strong: "station road" counts even in lower case and without a house number;
 * - weak: common English words too ("the car park", "my drive", "in a row"), so they need a
 *   house number or capitalised name words ("Elm Grove", "Riverside Walk");
 * - numbered: ambiguous abbreviations ("Dr Patel", "Ct") that count only after a house number.
 */
export type SuffixStrength = 'strong' | 'weak' | 'numbered';

export interface StreetSuffix {
  /** How the suffix is written in the street's value ("Rd" -> "Road"). */
  canonical: string;
  strength: SuffixStrength;
}

/** Lower-case suffix word -> how to treat it, in the file's order. */
export const streetSuffixes = (): ReadonlyMap<string, StreetSuffix> => numberWords(BASE_LOCALE).streetWords.suffixes;

/** Streets named "The <suffix>" ("12 The Avenue"); only recognised after a house number. */
export const theStreets = (): ReadonlySet<string> => numberWords(BASE_LOCALE).streetWords.theStreets;

/** A suffix word followed by one of these is not a street: "street light", "road works". */
export const notStreetAfter = (): ReadonlySet<string> => numberWords(BASE_LOCALE).streetWords.notStreetAfter;

/**
 * Words that end a street name when reading backwards from the suffix: function words, and
 * the nouns and verbs residents put just before an address ("pothole on", "bins outside").
 */
export const notInStreetName = (): ReadonlySet<string> => numberWords(BASE_LOCALE).streetWords.notInStreetName;
