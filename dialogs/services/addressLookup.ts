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
    const exact = addresses.filter((a) => shortAddress(a).toLowerCase() === t || fullAddress(a).toLowerCase() === t);
    const byNumber = addresses.filter((a) => a.paon.toLowerCase() === t || t.startsWith(`${a.paon.toLowerCase()} `));
    const partial = addresses.filter((a) => shortAddress(a).toLowerCase().includes(t));
    const found = exact.length === 1 ? exact : byNumber.length === 1 ? byNumber : partial.length === 1 ? partial : [];
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
