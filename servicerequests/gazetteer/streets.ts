import { DamerauLevenshteinDistance } from 'natural/lib/natural/distance';
import { streetSuffixes } from '../../intents/entities/streetSuffixes';
import { foldWelsh } from '../../intents/entities/welshFold';
import { welshMutations } from '../../intents/entities/welshMutations';
import { isWelshStreetName, welshArticles, welshStreetType } from '../../intents/entities/welshStreets';
import type { Address } from './gazetteer';
import { BASE_LOCALE, numberWords, type AddressWords } from '../../intents/entities/numberWords';
import { escapeRegExp } from '../../platform/escapeRegExp';

/** One street of the gazetteer: its name as the council writes it, where it is, and its properties. */
export interface Street {
  /** Unique within the gazetteer: name, locality and town. */
  key: string;
  name: string;
  /** Its Welsh name, where it has one (the gazetteer's `street_cy`): "Heol yr Orsaf" for Station Road. */
  nameCy?: string;
  /** The locality, or the town: tells two streets of the same name apart. */
  place: string;
  addresses: Address[];
}

/** Where a message names a known street, and what it says about the house there. */
export interface StreetMention {
  /** The streets it may be (one, unless a misspelling is as close to two). */
  streets: Street[];
  /** Offsets of the street's words in the message, as typed ("fenwik rd"). */
  start: number;
  end: number;
  /** A house number said with it ("6 fenwik rd", "number 7 on Church Lane"), upper-cased. */
  houseNumber?: string;
  /** A flat said with it ("flat 3, 45 Mill Lane"), upper-cased. */
  flat?: string;
  /** Edits needed to read it as the street's name: 0 is written as the council writes it. */
  distance: number;
  /** Named by its Welsh name ("2 Heol yr Orsaf" for 2 Station Road): show that name back. */
  inWelsh?: boolean;
}

/**
 * A street as a resident who named it should see it: its Welsh name beside the English one when
 * they used the Welsh ("Heol yr Orsaf (Station Road)"), so they recognise their own words and the
 * back office, whose records hold the English name, still finds it; otherwise its name.
 */
export function streetShown(street: Street, inWelsh?: boolean): string {
  return inWelsh && street.nameCy ? `${street.nameCy} (${street.name})` : street.name;
}

interface Token {
  norm: string;
  text: string;
  start: number;
  end: number;
}

interface Entry {
  street: Street;
  /** Lower-case words, apostrophes and accents dropped: "st johns road", "rhodfar mor". */
  words: string[];
  /** The forms its first word may take: for a Welsh name ("Heol y Castell"), also mutated ("ar Rodfa'r Môr", "yng Nghilgant"). */
  firstForms: string[];
  welsh: boolean;
  /** This entry is the street's Welsh name (`nameCy`), not its own. */
  cyName?: boolean;
}

const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
const HOUSE_NUMBER = /^\d{1,4}[a-z]?$/i;
/**
 * The words around a house number or a flat, Welsh too ("rhif 6", "tŷ rhif 4", "rhif 7 ar Heol y Castell", "fflat 2", "uned 3"):
 * numbers.yaml `address_words` (street_number, street_place, street_flat), read in every language.
 */
const addressWords = (): AddressWords => numberWords(BASE_LOCALE).addressWords;
/** A flat's word and its number or letter ("flat 3", "uned B"), built once for each set of words. */
const flats = new WeakMap<ReadonlySet<string>, RegExp>();
function flatPattern(): RegExp {
  const words = addressWords().street_flat;
  let pattern = flats.get(words);
  if (!pattern) flats.set(words, (pattern = new RegExp(`\\b(?:${[...words].map(escapeRegExp).join('|')})\\s*(\\d{1,4}[a-z]?|[a-z])\\b`, 'i')));
  return pattern;
}

/** Abbreviations residents write that the entity extractor's suffix table does not hold: numbers.yaml `street_words.more_abbreviations`. */
const moreAbbreviations = (): ReadonlyMap<string, string> => numberWords(BASE_LOCALE).streetWords.moreAbbreviations;

/**
 * Words before a street that make a common phrase a street ("on acorn close", "in the green", Welsh "yn Stryd Fawr"):
 * numbers.yaml `street_words.before_a_phrase_street`. A strong street word (road, street, lane…), a house number or capitals are
 * evidence enough.
 */
const beforeAStreet = (): ReadonlySet<string> => numberWords(BASE_LOCALE).streetWords.beforeAPhraseStreet;
/** Words after a phrase that show it is not a street ("the green bin", "the green one", "street light"): numbers.yaml `street_words.not_a_phrase_street_after`. */
const notAStreetAfter = (): ReadonlySet<string> => numberWords(BASE_LOCALE).streetWords.notAPhraseStreetAfter;

/** Lower case, apostrophes and accents dropped (residents often type "Lon Goed" for Lôn Goed). */
const fold = (s: string): string => foldWelsh(s).replace(/'/g, '');

function tokenise(text: string): Token[] {
  return [...text.matchAll(TOKEN)].map((m) => ({ text: m[0], norm: fold(m[0]), start: m.index, end: m.index + m[0].length }));
}

/** How many edits a misspelt word of this length may have: none for short words, where one edit is another word. */
function allowedEdits(word: string): number {
  return word.length >= 7 ? 2 : word.length >= 4 ? 1 : 0;
}

/**
 * Edits between a typed word and a street's word, or undefined when too far to be a misspelling.
 * Damerau-Levenshtein (natural's, already a dependency) counts a swapped pair of letters as one
 * edit ("Acron", "Fenwik", "Brok"); `restricted` (optimal string alignment) because natural's
 * unrestricted variant gives 0 for a doubled letter left out ("brok"/"brook"). The first letter
 * must agree, as it nearly always does in a misspelling, which keeps "Hill" from being "Mill".
 */
function edits(typed: string, word: string): number | undefined {
  if (typed === word) return 0;
  const allowed = allowedEdits(word);
  if (!allowed || typed[0] !== word[0] || Math.abs(typed.length - word.length) > allowed) return undefined;
  const d = DamerauLevenshteinDistance(typed, word, { restricted: true });
  return d <= allowed ? d : undefined;
}

/** The fewest edits from a typed word to any of a word's forms, or undefined when none is close. */
function closest(typed: string, forms: readonly string[]): number | undefined {
  let best: number | undefined;
  for (const form of forms) {
    const d = edits(typed, form);
    if (d !== undefined && (best === undefined || d < best)) best = d;
  }
  return best;
}

/** The street word ("road") a typed word stands for: itself, an abbreviation ("rd") or a misspelling ("raod"). */
function typeEdits(typed: string, word: string): number | undefined {
  if (typed === word) return 0;
  const expanded = streetSuffixes().get(typed)?.canonical.toLowerCase() ?? moreAbbreviations().get(typed);
  if (expanded === word) return 0;
  return word.length >= 5 ? edits(typed, word) : undefined;
}

/**
 * The gazetteer's streets, found in what residents write: "6 fenwik rd", "at 8 Acorn Close",
 * "outside no 15 on london rd", "Station Road near the school". Common abbreviations of the
 * street word and small misspellings are read; a phrase that is also ordinary English ("the
 * green") counts only with a house number, capitals, a word like "on" before it, or a strong
 * street word (road, street, lane…), and never before "bin" ("the green bin").
 */
export class StreetIndex {
  private readonly byLastWord = new Map<string, Entry[]>();
  private readonly byKey = new Map<string, Street>();

  constructor(addresses: readonly Address[]) {
    for (const a of addresses) {
      if (!a.street) continue;
      const place = a.locality || a.town;
      const key = `${a.street}|${a.locality}|${a.town}`;
      let street = this.byKey.get(key);
      if (!street) {
        const cy = a.street_cy && a.street_cy !== a.street ? a.street_cy : undefined;
        street = { key, name: a.street, place, addresses: [], ...(cy ? { nameCy: cy } : {}) };
        this.byKey.set(key, street);
        this.index(street, a.street, false);
        // "2 Heol yr Orsaf", "ar lon y felin": the Welsh name finds the same street.
        if (cy) this.index(street, cy, true);
      }
      street.addresses.push(a);
    }
  }

  private index(street: Street, name: string, cyName: boolean): void {
    const words = name.split(/\s+/).map(fold);
    const welsh = isWelshStreetName(name);
    const list = this.byLastWord.get(words.at(-1)!) ?? [];
    list.push({ street, words, welsh, cyName, firstForms: welsh ? welshMutations(words[0]) : [words[0]] });
    this.byLastWord.set(words.at(-1)!, list);
  }

  get all(): Street[] {
    return [...this.byKey.values()];
  }

  byStreetKey(key: string): Street | undefined {
    return this.byKey.get(key);
  }

  /** Every known street the text names, in order; where readings overlap, the closest and longest wins. */
  find(text: string): StreetMention[] {
    const tokens = tokenise(text);
    const readings: { entries: Entry[]; from: number; to: number; distance: number }[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const typed = tokens[i].norm;
      for (const [last, entries] of this.byLastWord) {
        const typeDistance = typeEdits(typed, last);
        if (typeDistance === undefined) continue;
        for (const entry of entries) {
          const from = i - (entry.words.length - 1);
          if (from < 0) continue;
          let distance: number | undefined = typeDistance;
          for (let j = 0; j < entry.words.length - 1 && distance !== undefined; j++) {
            const d = j === 0 ? closest(tokens[from].norm, entry.firstForms) : edits(tokens[from + j].norm, entry.words[j]);
            distance = d === undefined ? undefined : distance + d;
          }
          if (distance === undefined || !this.looksLikeAStreet(text, tokens, from, i, distance, entry.welsh, last)) continue;
          const same = readings.find((r) => r.from === from && r.to === i);
          if (!same) readings.push({ entries: [entry], from, to: i, distance });
          else if (distance < same.distance) Object.assign(same, { entries: [entry], distance });
          else if (distance === same.distance && !same.entries.some((e) => e.street === entry.street)) same.entries.push(entry);
        }
      }
    }
    // Longest first, then closest: "Manor Farm Road" over "Farm Road".
    readings.sort((a, b) => b.to - b.from - (a.to - a.from) || a.distance - b.distance || a.from - b.from);
    const kept: typeof readings = [];
    for (const r of readings) if (!kept.some((k) => r.from <= k.to && k.from <= r.to)) kept.push(r);
    kept.sort((a, b) => a.from - b.from);
    return kept.map((r) => {
      const houseNumber = numberWith(text, tokens, r.from, r.to);
      // "flat 3, 45 Mill Lane" or "45 Mill Lane, flat 3".
      const near = `${text.slice(Math.max(0, tokens[r.from].start - 30), tokens[r.from].start)} ${text.slice(tokens[r.to].end, tokens[r.to].end + 30)}`;
      const flat = flatPattern().exec(near)?.[1]?.toUpperCase();
      return {
        streets: r.entries.map((e) => e.street),
        start: tokens[r.from].start,
        end: tokens[r.to].end,
        distance: r.distance,
        ...(r.entries.every((e) => e.cyName) ? { inWelsh: true } : {}),
        ...(houseNumber ? { houseNumber } : {}),
        ...(flat && flat !== houseNumber ? { flat } : {}),
      };
    });
  }

  /** Properties with a name ("The Old Forge") that the text names, word for word. */
  byHouseName(text: string): Address[] {
    const said = ` ${tokenise(text)
      .map((t) => t.norm)
      .join(' ')} `;
    return this.all.flatMap((s) =>
      s.addresses.filter((a) => {
        if (!a.paon || /^\d/.test(a.paon)) return false;
        const name = tokenise(a.paon)
          .map((t) => t.norm)
          .join(' ');
        return name.length >= 6 && said.includes(` ${name} `);
      }),
    );
  }

  /** `type`: the street's own last word that the typed last word stands for ("crescent" for "cresent" or "cres"). */
  private looksLikeAStreet(text: string, tokens: Token[], from: number, to: number, distance: number, welsh = false, type = ''): boolean {
    const next = tokens[to + 1];
    if (next && /^[ \t]+$/.test(text.slice(tokens[to].end, next.start)) && notAStreetAfter().has(next.norm)) return false;
    const words = tokens.slice(from, to + 1);
    if (numberWith(text, tokens, from, to)) return true;
    // A Welsh name keeps its articles in lower case: "Heol y Castell", "Ffordd yr Orsaf".
    const capitalised = words.every((w, i) => /^\p{Lu}/u.test(w.text) || (i === 0 && w.norm === 'the') || (welsh && i > 0 && welshArticles().has(w.norm)));
    // A Welsh street's type comes first: "heol y castell" is a street as "castle road" is.
    if (welsh && welshStreetType(foldWelsh(tokens[from].text))?.strength === 'strong') return true;
    // "on the green" is grass; "The Green" or "2 the green" is the street.
    if (words[0].norm === 'the') return capitalised;
    if (capitalised) return true;
    // A strong street word as typed, or misspelt ("willow cresent": the street's own word is "crescent").
    if (streetSuffixes().get(words.at(-1)!.norm)?.strength === 'strong' || streetSuffixes().get(type)?.strength === 'strong') return true;
    // "on acron close": a word like "on" before it, and at most one letter wrong.
    if (distance <= 1 && beforeAStreet().has(tokens[from - 1]?.norm ?? '')) return true;
    // The whole message is the street: the answer to "what's the address?".
    return distance === 0 && tokens.length === words.length;
  }
}

/**
 * What is wrong with the gazetteer's Welsh street names (`street_cy`), for `npm run validate`:
 * one street with two Welsh names; a Welsh name not starting with a Welsh street type (Heol,
 * Ffordd, Stryd, Lôn…: how Welsh messages find it); a Welsh name that is another street's name
 * or Welsh name in the same place (every resident who said it would be asked which).
 */
export function welshStreetNameProblems(addresses: readonly Address[]): string[] {
  const problems: string[] = [];
  const cyOf = new Map<string, string>();
  for (const a of addresses) {
    const key = `${a.street}|${a.locality || a.town}`;
    const cy = a.street_cy ?? '';
    const before = cyOf.get(key);
    if (before === undefined) cyOf.set(key, cy);
    else if (before !== cy) problems.push(`UPRN ${a.uprn}: ${a.street} has two Welsh names, "${before}" and "${cy}"`);
  }
  const names = new Map<string, string>();
  const claim = (name: string, key: string, what: string) => {
    const k = `${fold(name)}|${key.split('|')[1]}`;
    const other = names.get(k);
    if (other && other !== key) problems.push(`${what} "${name}" is also the name of ${other.split('|')[0]}: residents who say it would be asked which`);
    names.set(k, key);
  };
  for (const key of cyOf.keys()) claim(key.split('|')[0], key, 'the street');
  for (const [key, cy] of cyOf) {
    if (!cy) continue;
    if (!isWelshStreetName(cy))
      problems.push(`${key.split('|')[0]}: the Welsh name "${cy}" does not start with a Welsh street type (intents/entities/welshStreets.ts)`);
    claim(cy, key, `${key.split('|')[0]}'s Welsh name`);
  }
  return problems;
}

/** A house number said with the street at tokens from..to: "12 Mill Lane", "12, Mill Lane", "number 7 on Church Lane", "Mill Lane, no 12". */
function numberWith(text: string, tokens: Token[], from: number, to: number): string | undefined {
  const gap = (a: Token, b: Token) => text.slice(a.end, b.start);
  const before = tokens[from - 1];
  if (before && HOUSE_NUMBER.test(before.text) && /^[ \t]*,?[ \t]*$/.test(gap(before, tokens[from]))) return before.text.toUpperCase();
  const n = tokens[from - 2];
  if (
    before &&
    n &&
    addressWords().street_place.has(before.norm) &&
    HOUSE_NUMBER.test(n.text) &&
    addressWords().street_number.has(tokens[from - 3]?.norm ?? '')
  )
    return n.text.toUpperCase();
  const after = tokens[to + 1];
  const afterNumber = tokens[to + 2];
  if (
    after &&
    afterNumber &&
    addressWords().street_number.has(after.norm) &&
    HOUSE_NUMBER.test(afterNumber.text) &&
    /^[ \t]*,?[ \t]*$/.test(gap(tokens[to], after))
  )
    return afterNumber.text.toUpperCase();
  // "Mill Lane 12" (the number last, as in much of Europe), when nothing follows it in the sentence.
  const ends = !afterNumber || /[.,;!?]/.test(gap(after, afterNumber));
  if (after && HOUSE_NUMBER.test(after.text) && /^[ \t]*,?[ \t]*$/.test(gap(tokens[to], after)) && ends) return after.text.toUpperCase();
  return undefined;
}
