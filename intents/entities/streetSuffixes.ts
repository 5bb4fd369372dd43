/**
 * Street-type words. `strength` says how much evidence a street needs:
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

const table: [string[], string, SuffixStrength][] = [
  [['street', 'st'], 'Street', 'strong'],
  [['road', 'rd'], 'Road', 'strong'],
  [['lane', 'ln'], 'Lane', 'strong'],
  [['avenue', 'ave'], 'Avenue', 'strong'],
  [['crescent'], 'Crescent', 'strong'],
  [['terrace'], 'Terrace', 'strong'],
  [['mews'], 'Mews', 'strong'],
  [['close'], 'Close', 'weak'],
  [['drive'], 'Drive', 'weak'],
  [['way'], 'Way', 'weak'],
  [['place'], 'Place', 'weak'],
  [['gardens'], 'Gardens', 'weak'],
  [['grove'], 'Grove', 'weak'],
  [['hill'], 'Hill', 'weak'],
  [['row'], 'Row', 'weak'],
  [['square'], 'Square', 'weak'],
  [['walk'], 'Walk', 'weak'],
  [['park'], 'Park', 'weak'],
  [['court'], 'Court', 'weak'],
  [['cres'], 'Crescent', 'numbered'],
  [['cl'], 'Close', 'numbered'],
  [['dr'], 'Drive', 'numbered'],
  [['pl'], 'Place', 'numbered'],
  [['gdns'], 'Gardens', 'numbered'],
  [['gr'], 'Grove', 'numbered'],
  [['ter', 'terr'], 'Terrace', 'numbered'],
  [['sq'], 'Square', 'numbered'],
  [['ct'], 'Court', 'numbered'],
  [['pk'], 'Park', 'numbered'],
];

/** Lower-case suffix word -> how to treat it. */
export const STREET_SUFFIXES: ReadonlyMap<string, StreetSuffix> = new Map(
  table.flatMap(([words, canonical, strength]) => words.map((w) => [w, { canonical, strength }] as const)),
);

/** Streets named "The <suffix>" ("12 The Avenue"); only recognised after a house number. */
export const THE_STREETS: ReadonlySet<string> = new Set(['avenue', 'crescent', 'close', 'drive', 'grove', 'mews', 'square', 'walk', 'terrace', 'row', 'gardens', 'park', 'hill', 'court']);

/** A suffix word followed by one of these is not a street: "street light", "road works". */
export const NOT_STREET_AFTER: ReadonlySet<string> = new Set([
  'light', 'lights', 'lighting', 'lamp', 'lamps', 'lamppost', 'lampposts', 'cleaning', 'cleaner', 'cleaners',
  'sweeper', 'sweepers', 'sweeping', 'works', 'sign', 'signs', 'name', 'names', 'furniture', 'party', 'parties',
  'markings', 'marking', 'surface', 'closure', 'closures', 'safety', 'users', 'user', 'food', 'art', 'drain', 'drains',
]);

/**
 * Words that end a street name when reading backwards from the suffix: function words, and
 * the nouns and verbs residents put just before an address ("pothole on", "bins outside").
 */
export const NOT_IN_STREET_NAME: ReadonlySet<string> = new Set([
  // function words
  'a', 'an', 'the', 'on', 'in', 'at', 'by', 'near', 'outside', 'opposite', 'behind', 'beside', 'next', 'to', 'of',
  'off', 'from', 'along', 'down', 'up', 'into', 'onto', 'over', 'under', 'round', 'around', 'past', 'across',
  'through', 'via', 'for', 'with', 'and', 'or', 'but', 'nor', 'my', 'our', 'your', 'his', 'her', 'their', 'its',
  'this', 'that', 'these', 'those', 'is', 'was', 'are', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'i',
  'we', 'you', 'he', 'she', 'they', 'it', 'me', 'us', 'them', 'there', 'here', 'im', 'ive', 'cant', 'dont',
  'wont', 'isnt', 'wasnt', 'whats', 'what', 'where', 'when', 'why', 'how', 'which', 'who', 'any', 'some', 'all',
  'both', 'can', 'could', 'would', 'should', 'will', 'shall', 'may', 'might', 'must', 'do', 'does', 'did', 'not',
  'no', 'yes', 'please', 'hi', 'hello', 'thanks', 'thank', 'just', 'still', 'again', 'also', 'every', 'each',
  'same', 'other', 'whole', 'number', 'flat', 'apartment', 'unit', 'house', 'called', 'named',
  // what residents report, and how
  'pothole', 'potholes', 'hole', 'holes', 'bin', 'bins', 'light', 'lights', 'lamp', 'streetlight', 'rubbish',
  'waste', 'tipping', 'tipped', 'dumped', 'dumping', 'broken', 'big', 'huge', 'massive', 'large', 'deep',
  'dangerous', 'busy', 'dark', 'car', 'cars', 'van', 'parked', 'blocked', 'blocking', 'flooded', 'flooding',
  'reported', 'report', 'missed', 'collected', 'collection', 'live', 'lives', 'living', 'moved', 'address',
  'problem', 'issue', 'today', 'yesterday',
]);
