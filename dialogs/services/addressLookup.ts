import { fullAddress, shortAddress, type Address, type Gazetteer } from '../../bot/gazetteer/gazetteer';
import { readPostcode } from '../../bot/gazetteer/postcodes';
import type { Reply } from '../responses';
import { NOT_LISTED } from './answers';
import type { ServiceResponses } from './serviceResponses';

/** Where a request is: a gazetteer address, or the resident's own words. */
export type Location =
  | { kind: 'address'; uprn: string; text: string; postcode: string; lat: number; long: number; round: string }
  | { kind: 'description'; text: string };

export type PostcodeOutcome =
  | { next: 'choose'; postcode: string; reply: Reply }
  | { next: 'done'; location: Location }
  | { next: 'not_listed' }
  | { next: 'again'; reply: Reply };

const MIN_DESCRIPTION = 8;

/** Words before a house number at the address list: "number 12", "no. 3", "it's 14", "I live at 9". */
const HOUSE_NUMBER_WORDS = /^(?:(?:it'?s|its|it is|i live at|i'm at|im at|i am at|we're at|were at|at|house|the one at)\s+)*(?:(?:number|numb|num|no\.?|nr\.?|#)\s*)?/i;

const ORDINALS: Record<string, number> = { first: 0, '1st': 0, second: 1, '2nd': 1, third: 2, '3rd': 2, fourth: 3, '4th': 3, fifth: 4, '5th': 4, sixth: 5, '6th': 5, seventh: 6, '7th': 6, eighth: 7, '8th': 7, ninth: 8, '9th': 8, tenth: 9, '10th': 9 };

/** "the second one", "2nd", "the last one", "second address": the 0-based place in a list of `size`; undefined otherwise. */
export function listPosition(text: string, size: number): number | undefined {
  const m = /^(?:it'?s |its )?(?:the )?(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|1st|2nd|3rd|[4-9]th|10th|last)(?: one| address| house| on the list| in the list)?(?: please)?$/i.exec(text.trim().replace(/[.!]+$/, ''));
  if (!m) return undefined;
  const word = m[1]!.toLowerCase();
  const index = word === 'last' ? size - 1 : ORDINALS[word];
  return index !== undefined && index >= 0 && index < size ? index : undefined;
}

export function toLocation(a: Address): Location {
  return { kind: 'address', uprn: a.uprn, text: fullAddress(a), postcode: a.postcode, lat: a.lat, long: a.long, round: a.round };
}

/** Postcode → choose an address (or "not listed" → free text), shared by every dialog that needs an address. */
export class AddressLookup {
  constructor(
    private readonly gazetteer: Gazetteer,
    private readonly responses: ServiceResponses,
  ) {}

  /** A message at the "postcode" question. `kind: street` also accepts a description of the place. */
  postcode(text: string, kind: 'address' | 'street', houseNumber?: string): PostcodeOutcome {
    if (NOT_LISTED.test(text)) return { next: 'not_listed' };
    const reading = readPostcode(text);
    if (reading.kind === 'invalid') return { next: 'again', reply: this.responses.invalidPostcode() };
    if (reading.kind === 'none') {
      if (kind === 'street' && text.trim().length >= MIN_DESCRIPTION) return { next: 'done', location: { kind: 'description', text: text.trim() } };
      return { next: 'again', reply: kind === 'street' ? this.responses.locationTooShort() : this.responses.needPostcode() };
    }
    if (!this.gazetteer.serves(reading.outward)) return { next: 'again', reply: this.responses.outsideArea(reading.postcode) };
    const addresses = this.gazetteer.byPostcode(reading.postcode);
    if (!addresses.length) return { next: 'again', reply: this.responses.noAddresses(reading.postcode, kind) };
    if (houseNumber) {
      const same = addresses.filter((a) => a.paon.toUpperCase() === houseNumber.toUpperCase() && !a.sao);
      if (same.length === 1) return { next: 'done', location: toLocation(same[0]!) };
    }
    if (addresses.length === 1) return { next: 'done', location: toLocation(addresses[0]!) };
    return { next: 'choose', postcode: reading.postcode, reply: this.responses.chooseAddress(reading.postcode, addresses.map(shortAddress)) };
  }

  /** A message at the "which address" question. */
  choose(text: string, postcode: string): { location?: Location; notListed?: boolean; postcodeAgain?: PostcodeOutcome; reply?: Reply } {
    if (NOT_LISTED.test(text)) return { notListed: true };
    const addresses = this.gazetteer.byPostcode(postcode);
    const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
    // "number 12", "no 3", "it's 14", "I live at 9": the house number, as the list shows it.
    const said = t.replace(/[.,!?]+$/g, '').replace(HOUSE_NUMBER_WORDS, '').trim();
    const exact = addresses.filter((a) => shortAddress(a).toLowerCase() === t || fullAddress(a).toLowerCase() === t);
    const byNumber = addresses.filter((a) => [t, said].some((x) => a.paon.toLowerCase() === x || x.startsWith(`${a.paon.toLowerCase()} `)));
    const partial = addresses.filter((a) => shortAddress(a).toLowerCase().includes(t));
    // "the second one", "2nd", "the last one": a place in the list as shown.
    const position = listPosition(t, addresses.length);
    const byPosition = position === undefined ? [] : [addresses[position]!];
    const found = exact.length === 1 ? exact : byNumber.length === 1 ? byNumber : partial.length === 1 ? partial : byPosition;
    if (found[0]) return { location: toLocation(found[0]) };
    if (readPostcode(text).kind === 'postcode') return { postcodeAgain: this.postcode(text, 'address') };
    return { reply: { ...this.responses.addressNotMatched(), choices: [...addresses.map(shortAddress), this.responses.chooseAddress(postcode, []).choices!.at(-1)!] } };
  }

  addresses(postcode: string): Address[] {
    return this.gazetteer.byPostcode(postcode);
  }

  byUprn(uprn: string): Address | undefined {
    return this.gazetteer.byUprn(uprn);
  }
}
