import { fullAddress, shortAddress, type Address, type Gazetteer } from '../../servicerequests/gazetteer/gazetteer';
import { readPostcode } from '../../servicerequests/gazetteer/postcodes';
import { streetShown, type Street, type StreetMention } from '../../servicerequests/gazetteer/streets';
import type { Vocabulary } from '../../knowledge/vocabulary';
import { welshListPosition } from '../../intents/entities/welshOrdinals';
import type { Reply } from '../responses';
import { placeWords } from './placeWords';
import type { ServiceResponses } from './serviceResponses';
import { BASE_LOCALE, numberWords } from '../../intents/entities/numberWords';
import { escapeRegExp } from '../../platform/escapeRegExp';
import { houseNumberSaid, houseNumberWords, listPositionIn, listPositionSaid, type AnswerWords } from './answerWords';

/** Where a request is: a gazetteer address, or the resident's own words. */
export type Location =
  | { kind: 'address'; uprn: string; text: string; postcode: string; lat: number; long: number; round: string }
  | { kind: 'description'; text: string; lat?: number; long?: number };

/**
 * `choose`: `postcode` names the list offered (kept in dialog state, given back to `choose`): a
 * postcode's addresses, or, for an address given by its street, a street's addresses
 * (`street:`), the same number or name on several streets (`uprns:`), or streets (`streets:`).
 * `done` from a street the resident named has `found`, the address to show them.
 */
export type PostcodeOutcome =
  | { next: 'choose'; postcode: string; reply: Reply }
  | { next: 'done'; location: Location; found?: Reply }
  | { next: 'not_listed' }
  | { next: 'again'; reply: Reply };

const MIN_DESCRIPTION = 8;
/** A postcode anywhere in a sentence. */
const POSTCODE_IN_TEXT = /\b[a-z]{1,2}\d[a-z\d]?\s?\d[a-z]{2}\b/i;
const STREET_LIST = 'street:';
/** After a street's list: the resident named the street in Welsh, so the list and the address chosen show its Welsh name. */
const IN_WELSH = '\tcy';
const STREETS_LIST = 'streets:';
const UPRN_LIST = 'uprns:';

/** The English ordinals as a regex choice ("first|1st|second|…|last"), built once for each set of number words. */
const ordinalChoices = new WeakMap<object, string>();
function ordinalChoice(): string {
  const ordinals = numberWords(BASE_LOCALE).ordinals;
  let choice = ordinalChoices.get(ordinals);
  if (choice === undefined) {
    choice = Object.keys(ordinals).map(escapeRegExp).join('|');
    ordinalChoices.set(ordinals, choice);
  }
  return choice;
}

/**
 * "the second one", "2nd", "the last one", "second address": the 0-based place in a list of `size`; undefined otherwise.
 * The words around the ordinal are the vocabulary's (`position_opens` … `position_ends`).
 */
export function listPosition(text: string, size: number, vocabulary: AnswerWords): number | undefined {
  const m = listPositionSaid(vocabulary, ordinalChoice()).exec(text.trim().replace(/[.!]+$/, ''));
  if (!m) return undefined;
  const place = numberWords(BASE_LOCALE).ordinals[m[1].toLowerCase()];
  const index = place < 0 ? size - 1 : place - 1;
  return index !== undefined && index >= 0 && index < size ? index : undefined;
}

/** "AT4 3GQ no 7", "7, AT4 3GQ": a house number said with the postcode and nothing else (the vocabulary's words before it). */
function numberBesidePostcode(text: string, vocabulary: AnswerWords): string | undefined {
  const rest = text
    .replace(/\b[A-Za-z]{1,2}\d[A-Za-z\d]?\s*\d[A-Za-z]{2}\b/, ' ')
    .replace(/[.,!?]+/g, ' ')
    .trim();
  const said = rest.replace(houseNumberWords(vocabulary), '').trim();
  return /^\d{1,4}[a-z]?$/i.test(said) ? said.toUpperCase() : undefined;
}

export function toLocation(a: Address): Location {
  return { kind: 'address', uprn: a.uprn, text: fullAddress(a), postcode: a.postcode, lat: a.lat, long: a.long, round: a.round };
}

/** Postcode → choose an address (or "not listed" → free text), shared by every dialog that needs an address. */
export class AddressLookup {
  constructor(
    private readonly gazetteer: Gazetteer,
    private readonly responses: ServiceResponses,
    /** The vocabulary (knowledge/messages/<locale>/vocabulary.yaml): "my address isn't listed" (`address_not_listed`). */
    private readonly vocabulary: Vocabulary,
  ) {}

  /**
   * The home address a sentence names somewhere ("…I'm at 4 Mill Lane, AT3 1NF…", "outside 10 station rd"): by its postcode
   * and the number said with it, else by its street.
   */
  namedIn(text: string): PostcodeOutcome | undefined {
    const postcode = POSTCODE_IN_TEXT.exec(text)?.[0];
    const byPostcode = postcode ? this.postcode(postcode, 'address', undefined, text) : undefined;
    return byPostcode?.next === 'done' ? byPostcode : this.fromWords(text, 'address');
  }

  /**
   * A message at the "postcode" question. `kind: street` also accepts a description of the place.
   * `said`: the whole message when `text` is the postcode taken from it (where a street problem is).
   */
  postcode(text: string, kind: 'address' | 'street', houseNumber?: string, said: string = text): PostcodeOutcome {
    if (this.vocabulary.address_not_listed.test(text)) return { next: 'not_listed' };
    const reading = readPostcode(text);
    if (reading.kind === 'invalid') return { next: 'again', reply: this.responses.invalidPostcode() };
    if (reading.kind === 'none') {
      if (kind === 'street') {
        // "Station Rd by the bus stop": the street as the council writes it.
        const mention = this.mention(text);
        if (mention?.streets.length === 1)
          return {
            next: 'done',
            location: {
              kind: 'description',
              text: `${text.slice(0, mention.start)}${streetShown(mention.streets[0], mention.inWelsh)}${text.slice(mention.end)}`.trim(),
            },
          };
        if (text.trim().length >= MIN_DESCRIPTION) return { next: 'done', location: { kind: 'description', text: text.trim() } };
        return { next: 'again', reply: this.responses.locationTooShort() };
      }
      // "it's 15 Brook Street", "6 fenwik rd", "The Old Forge": the street or the house's name.
      return this.fromWords(text, 'address') ?? { next: 'again', reply: this.responses.needPostcode() };
    }
    if (!this.gazetteer.serves(reading.outward)) return { next: 'again', reply: this.responses.outsideArea(reading.postcode) };
    const addresses = this.gazetteer.byPostcode(reading.postcode);
    if (!addresses.length) {
      // "6 Ffordd yr Orsaf, AT2 3BD" with the postcode mistyped: the street and number said with it, when they name one address.
      const named = this.fromWords(said, kind);
      if (named?.next === 'done' && named.location.kind === 'address') return named;
      return { next: 'again', reply: this.responses.noAddresses(reading.postcode, kind) };
    }
    // "11 Hill Rise AT6 1AW", alone or in a longer message: the number said with a street of this postcode.
    houseNumber ??= numberBesidePostcode(text, this.vocabulary) ?? this.numberOnPostcode(said, reading.postcode);
    if (houseNumber) {
      const same = addresses.filter((a) => a.paon.toUpperCase() === houseNumber.toUpperCase() && !a.sao);
      if (same.length === 1) return { next: 'done', location: toLocation(same[0]) };
      // "14 Castle Hill, AT1 2XD" when 14 is at the street's other postcode: the house on the street named, shown so the
      // resident sees the postcode it has, rather than the list of a postcode that does not hold it.
      const onStreet = kind === 'address' ? this.houseOnStreetOf(said, reading.postcode, houseNumber) : undefined;
      if (onStreet) return onStreet;
    }
    if (addresses.length === 1) return { next: 'done', location: toLocation(addresses[0]) };
    if (kind === 'street') {
      const place = this.streetPlace(said, addresses, reading.postcode);
      if (place) return place;
    }
    return { next: 'choose', postcode: reading.postcode, reply: this.responses.chooseAddress(reading.postcode, addresses.map(shortAddress)) };
  }

  /**
   * A street problem with a postcode is on a street, not at a house: the place in the resident's words
   * with the street's proper name ("On Fenwick Road outside number 3, AT8 2HF"), or the postcode's one
   * street; never a list of houses to pick from. Several streets and none named: undefined (the list).
   */
  private streetPlace(text: string, addresses: readonly Address[], postcode: string): PostcodeOutcome | undefined {
    const mention = this.mention(text);
    const streets = [...new Set(addresses.map((a) => a.street))];
    let place: string | undefined;
    if (mention?.streets.length === 1) place = placeWords(text, mention.start, mention.end, streetShown(mention.streets[0], mention.inWelsh), this.vocabulary);
    else if (streets.length === 1) place = streets[0]!;
    if (!place) return undefined;
    if (!place.toUpperCase().replace(/\s+/g, '').includes(postcode.replace(/\s+/g, ''))) place = `${place}, ${postcode}`;
    // The back office gets a point too: the middle of the postcode's addresses (a postcode covers a few dozen metres).
    const lat = addresses.reduce((sum, a) => sum + a.lat, 0) / addresses.length;
    const long = addresses.reduce((sum, a) => sum + a.long, 0) / addresses.length;
    return { next: 'done', location: { kind: 'description', text: place, lat, long }, found: this.responses.placeFound(place) };
  }

  /**
   * A message that names a street or a house instead of a postcode (the first message of a
   * request, or the answer to the postcode question); undefined when it names none. A `street`
   * place is the words that say where, with the street's proper name ("On London Road outside
   * no 15"); an address is the one the street and number or name give, or a list to choose from.
   */
  fromWords(text: string, kind: 'address' | 'street'): PostcodeOutcome | undefined {
    const mention = this.mention(text);
    if (kind === 'street') {
      if (mention?.streets.length !== 1) return undefined;
      const place = placeWords(text, mention.start, mention.end, streetShown(mention.streets[0], mention.inWelsh), this.vocabulary);
      return { next: 'done', location: { kind: 'description', text: place }, found: this.responses.placeFound(place) };
    }
    if (mention) return this.onStreets(mention.streets, text, mention.houseNumber, mention.flat, mention.inWelsh);
    const named = this.gazetteer.streets.byHouseName(text);
    return named.length ? this.among(named) : undefined;
  }

  /** The house number the text says with a street of this postcode ("It's 3 Orchard Close, AT3 3WF"). */
  private numberOnPostcode(text: string, postcode: string): string | undefined {
    const named = this.mention(text);
    return named?.streets.some((s) => s.addresses.some((a) => a.postcode === postcode)) ? named.houseNumber : undefined;
  }

  /**
   * The one house with this number on the street the text names with it, when that street has addresses at `postcode`
   * (the postcode of the street's other end, or its neighbour's); undefined when the street has none or several.
   */
  private houseOnStreetOf(text: string, postcode: string, houseNumber: string): PostcodeOutcome | undefined {
    const named = this.mention(text);
    if (!named || named.houseNumber?.toUpperCase() !== houseNumber.toUpperCase()) return undefined;
    const streets = named.streets.filter((s) => s.addresses.some((a) => a.postcode === postcode));
    const same = streets.flatMap((s) => s.addresses.filter((a) => a.paon.toUpperCase() === houseNumber.toUpperCase() && !a.sao));
    return same.length === 1 ? this.found(same[0], named.inWelsh) : undefined;
  }

  /** The one house (not a flat) with this number on the streets of a list's addresses, at any of their postcodes. */
  private numberOnStreetsOf(addresses: Address[], houseNumber: string): PostcodeOutcome | undefined {
    const uprns = new Set(addresses.map((a) => a.uprn));
    const streets = this.gazetteer.streets.all.filter((s) => s.addresses.some((a) => uprns.has(a.uprn)));
    const same = streets.flatMap((s) => s.addresses.filter((a) => a.paon.toUpperCase() === houseNumber.toUpperCase() && !a.sao));
    return same.length === 1 ? this.found(same[0]) : undefined;
  }

  /** The street the text names: the one with a house number when it names several. */
  private mention(text: string): StreetMention | undefined {
    const all = this.gazetteer.streets.find(text);
    return all.find((m) => m.houseNumber) ?? all[0];
  }

  /** `inWelsh`: the street was named by its Welsh name, which the address found then shows. */
  private onStreets(streets: Street[], text: string, houseNumber?: string, flat?: string, inWelsh?: boolean): PostcodeOutcome {
    if (houseNumber) {
      const same = streets.flatMap((s) => s.addresses.filter((a) => a.paon.toUpperCase() === houseNumber));
      const inFlat = flat ? same.filter((a) => a.sao.toUpperCase().replace(/^(FLAT|APARTMENT|UNIT)\s*/, '') === flat) : [];
      if (inFlat.length === 1) return this.found(inFlat[0], inWelsh);
      if (same.length) return this.among(same, inWelsh);
      if (streets.length === 1)
        return this.streetList(
          streets[0],
          this.responses.numberNotOnStreet(houseNumber, streetShown(streets[0], inWelsh), streets[0].addresses.map(shortAddress)),
          inWelsh,
        );
      return this.streetChoice(streets);
    }
    // "The Old Forge, North Road": a house name on the street.
    const folded = ` ${foldPlace(text)} `;
    const named = streets.flatMap((s) => s.addresses.filter((a) => !/^\d/.test(a.paon) && folded.includes(` ${foldPlace(a.paon)} `)));
    if (named.length) return this.among(named, inWelsh);
    return streets.length === 1 ? this.streetList(streets[0], undefined, inWelsh) : this.streetChoice(streets);
  }

  /**
   * The address found, shown with the street's Welsh name when the resident used it ("2 Heol yr
   * Orsaf (Station Road), Anytown, AT2 1GU"); the case keeps the UPRN and the English name too.
   */
  private found(a: Address, inWelsh?: boolean): PostcodeOutcome {
    const street = this.gazetteer.streets.byStreetKey(`${a.street}|${a.locality}|${a.town}`);
    const shown = inWelsh && street ? fullAddress({ ...a, street: streetShown(street, true) }) : fullAddress(a);
    return { next: 'done', location: { ...toLocation(a), text: shown }, found: this.responses.addressFound(shown) };
  }

  /** One address is it; several (flats, a name on several streets) are a list to choose from. */
  private among(addresses: Address[], inWelsh?: boolean): PostcodeOutcome {
    if (addresses.length === 1) return this.found(addresses[0], inWelsh);
    const list = `${UPRN_LIST}${addresses.map((a) => a.uprn).join(',')}`;
    return { next: 'choose', postcode: list, reply: this.chooseReply(list) };
  }

  private streetList(street: Street, reply?: Reply, inWelsh?: boolean): PostcodeOutcome {
    const list = `${STREET_LIST}${street.key}${inWelsh && street.nameCy ? IN_WELSH : ''}`;
    return { next: 'choose', postcode: list, reply: reply ?? this.chooseReply(list) };
  }

  private streetChoice(streets: Street[]): PostcodeOutcome {
    const list = `${STREETS_LIST}${streets.map((s) => s.key).join('\t')}`;
    return { next: 'choose', postcode: list, reply: this.chooseReply(list) };
  }

  private streetsOf(list: string): Street[] {
    return list
      .slice(STREETS_LIST.length)
      .split('\t')
      .map((k) => this.gazetteer.streets.byStreetKey(k))
      .filter((s): s is Street => !!s);
  }

  /** The question for a list (`postcode` of a `choose` outcome), with its choices. */
  chooseReply(list: string): Reply {
    if (list.startsWith(STREETS_LIST)) return this.responses.chooseStreet(streetLabels(this.streetsOf(list)));
    const addresses = this.addresses(list).map(shortAddress);
    if (list.startsWith(STREET_LIST))
      return this.responses.chooseOnStreet(this.streetOfList(list, (s) => streetShown(s, list.endsWith(IN_WELSH))) ?? '', addresses);
    if (list.startsWith(UPRN_LIST)) return this.responses.chooseAmong(addresses);
    return this.responses.chooseAddress(list, addresses);
  }

  /** A message at the "which street" question: the street (then its address, or its list). */
  private chooseStreet(text: string, list: string): ReturnType<AddressLookup['choose']> {
    const streets = this.streetsOf(list);
    const labels = streetLabels(streets).map((l) => l.toLowerCase());
    const t = text
      .trim()
      .toLowerCase()
      .replace(/[.!]+$/, '');
    const mention = this.gazetteer.streets.find(text).find((m) => m.streets.some((s) => streets.includes(s)));
    const position = listPosition(t, streets.length, this.vocabulary) ?? welshListPosition(t, streets.length, this.vocabulary.choice_filler);
    const number = /^\d{1,2}$/.test(t) ? Number(t) - 1 : undefined;
    const street =
      streets[labels.indexOf(t)] ??
      (mention?.streets.length === 1 ? mention.streets[0] : undefined) ??
      (position !== undefined ? streets[position] : undefined) ??
      (number !== undefined ? streets[number] : undefined) ??
      (labels.filter((l) => l.includes(t)).length === 1 && t.length >= 3 ? streets[labels.findIndex((l) => l.includes(t))] : undefined);
    if (street) return { postcodeAgain: this.onStreets([street], text, mention?.houseNumber, mention?.flat) };
    if (readPostcode(text).kind === 'postcode') return { postcodeAgain: this.postcode(text, 'address') };
    // Another street altogether ("no, it's 4 Forest Way").
    const other = this.fromWords(text, 'address');
    if (other) return { postcodeAgain: other };
    return { reply: { ...this.responses.addressNotMatched(), choices: this.chooseReply(list).choices } };
  }

  /** A message at the "which address" question (`list`: the `postcode` of the `choose` outcome). */
  choose(text: string, postcode: string): { location?: Location; notListed?: boolean; postcodeAgain?: PostcodeOutcome; reply?: Reply } {
    if (this.vocabulary.address_not_listed.test(text)) return { notListed: true };
    if (postcode.startsWith(STREETS_LIST)) return this.chooseStreet(text, postcode);
    const addresses = this.addresses(postcode);
    const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
    // "number 12", "no 3", "it's 14", "I live at 9": the house number, as the list shows it.
    const said = spelledHouseNumber(
      t
        .replace(/[.,!?]+$/g, '')
        .replace(houseNumberWords(this.vocabulary), '')
        .trim(),
    );
    // "rhif 3", "tŷ rhif 3": the number after a word of the vocabulary's `house_number_cue`.
    const cued = cuedHouseNumber(t, this.vocabulary);
    const exact = addresses.filter((a) => shortAddress(a).toLowerCase() === t || fullAddress(a).toLowerCase() === t);
    const byNumber = addresses.filter(
      (a) => [t, said].some((x) => a.paon.toLowerCase() === x || x.startsWith(`${a.paon.toLowerCase()} `)) || (cued === a.paon.toLowerCase() && !a.sao),
    );
    const partial = addresses.filter((a) => shortAddress(a).toLowerCase().includes(t));
    // "the second one", "2nd", "the last one": a place in the list as shown.
    const position = listPosition(t, addresses.length, this.vocabulary) ?? welshListPosition(t, addresses.length, this.vocabulary.choice_filler);
    const byPosition = position === undefined ? [] : [addresses[position]];
    const found = exact.length === 1 ? exact : byNumber.length === 1 ? byNumber : partial.length === 1 ? partial : byPosition;
    if (found[0]) return { location: this.chosen(found[0], postcode) };
    const within = withinLongerAnswer(t, addresses, this.vocabulary);
    if (within) return { location: this.chosen(within, postcode) };
    // "I meant number 9" at a postcode's list, where number 9 of the same street has the street's other postcode: that house.
    const number = cued ?? (/^\d+[a-z]?$/i.test(said) ? said : undefined);
    const onStreet = number ? this.numberOnStreetsOf(addresses, number) : undefined;
    if (onStreet) return { postcodeAgain: onStreet };
    if (readPostcode(text).kind === 'postcode') return { postcodeAgain: this.postcode(text, 'address') };
    // "it's 15 Brook Street": another address, given by its street.
    const words = this.fromWords(text, 'address');
    if (words) return { postcodeAgain: words };
    return { reply: { ...this.responses.addressNotMatched(), choices: this.chooseReply(postcode).choices } };
  }

  /**
   * The home address this chat already used, when `outcome` is a list to choose from that holds it: "Yes, Vicarage Close.
   * Which bin goes out this Friday?" right after 9 Vicarage Close names the street, not another house on it.
   */
  knownOnList(outcome: PostcodeOutcome | undefined, known: Location | undefined): Location | undefined {
    if (outcome?.next !== 'choose' || !known) return undefined;
    if (known.kind === 'address') return this.addresses(outcome.postcode).some((a) => a.uprn === known.uprn) ? known : undefined;
    // An address said in an earlier message ("…from 3 Market Place to 16 Westbrook Drive…"): the one on the list it names.
    const said = ` ${foldPlace(known.text)} `;
    const named = this.addresses(outcome.postcode).filter((a) => said.includes(` ${foldPlace(shortAddress(a))} `));
    return named.length === 1 ? toLocation(named[0]) : undefined;
  }

  /** The addresses of a list: a postcode's, or a street's (see `PostcodeOutcome`). */
  addresses(postcode: string): Address[] {
    if (postcode.startsWith(STREET_LIST)) return this.streetOfList(postcode, (s) => s.addresses) ?? [];
    if (postcode.startsWith(UPRN_LIST))
      return postcode
        .slice(UPRN_LIST.length)
        .split(',')
        .flatMap((u) => this.gazetteer.byUprn(u) ?? []);
    if (postcode.startsWith(STREETS_LIST)) return [];
    return this.gazetteer.byPostcode(postcode);
  }

  /** The street of a street's list (`street:<key>`, with IN_WELSH when named in Welsh), seen through `read`. */
  private streetOfList<T>(list: string, read: (street: Street) => T): T | undefined {
    const street = this.gazetteer.streets.byStreetKey(list.slice(STREET_LIST.length).replace(IN_WELSH, ''));
    return street ? read(street) : undefined;
  }

  /** The address picked from a list: in a street's list named in Welsh, shown with the Welsh name as `found` shows it. */
  private chosen(a: Address, list: string): Location {
    const found = list.startsWith(STREET_LIST) && list.endsWith(IN_WELSH) ? this.found(a, true) : undefined;
    return found?.next === 'done' ? found.location : toLocation(a);
  }

  byUprn(uprn: string): Address | undefined {
    return this.gazetteer.byUprn(uprn);
  }
}

/**
 * The address a longer answer names somewhere in it: "the fourth one down I think, it's number 4",
 * "fine. The Laurels. Yesterday.": a house number said as one ("number 4", "no 4"), then a house
 * name, then a place in the list ("the fourth one"). Only when exactly one address fits.
 */
function withinLongerAnswer(t: string, addresses: Address[], vocabulary: AnswerWords): Address | undefined {
  const number = houseNumberSaid(vocabulary).exec(t)?.[1];
  if (number) {
    const same = addresses.filter((a) => a.paon.toLowerCase() === number.toLowerCase() && !a.sao);
    if (same.length === 1) return same[0];
  }
  const words = ` ${foldPlace(t)} `;
  const named = addresses.filter((a) => /\p{L}{3}/u.test(a.paon) && words.includes(` ${foldPlace(a.paon)} `));
  if (named.length === 1) return named[0];
  const ordinal = listPositionIn(vocabulary, ordinalChoice()).exec(t)?.[0];
  const position = ordinal ? listPosition(ordinal, addresses.length, vocabulary) : undefined;
  return position === undefined ? undefined : addresses[position];
}

/** The house number said after a word of the vocabulary's `house_number_cue` ("rhif 3", "it's number 12a"), lower case. */
function cuedHouseNumber(t: string, vocabulary: Vocabulary): string | undefined {
  const words = foldPlace(t).split(' ');
  const at = words.findIndex((w, i) => vocabulary.house_number_cue.test(w) && /^\d{1,4}[a-z]?$/.test(spelledHouseNumber(words[i + 1] ?? '')));
  return at < 0 ? undefined : spelledHouseNumber(words[at + 1]);
}

/** "five", "number twelve": a house number said in words, as the list shows it ("5"); anything else as it is. */
function spelledHouseNumber(word: string): string {
  const n = numberWords(BASE_LOCALE).numbers[word.toLowerCase()];
  return n === undefined ? word : String(n);
}

/** Street names as choices: with the place when two streets share a name. */
function streetLabels(streets: Street[]): string[] {
  return streets.map((s) => (streets.some((o) => o !== s && o.name === s.name) ? `${s.name}, ${s.place}` : s.name));
}

/** Lower case, letters and digits only, one space between words: "16 Westbrook Drive," → "16 westbrook drive". */
function foldPlace(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
