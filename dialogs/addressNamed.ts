import type { Vocabulary } from '../knowledge/vocabulary';

/** Words besides the address in a message that is only an address ("it's AT8 1PY", "and for 4 Mill Lane AT3 1NF?"). */
const BESIDE_AN_ADDRESS = 3;
/** Words kept after a street's kind of way, up to a comma or the sentence's end: a street named after its kind ("13 Heol yr Orsaf"). */
const AFTER_A_STREET = 3;
const WORDS_AFTER = new RegExp(String.raw`^(?:\s*[^\s,.?!;]+){0,${AFTER_A_STREET}}`);
const POSTCODE = /^[a-z]{1,2}\d[a-z\d]?\s?\d[a-z]{2}$/i;

/**
 * Whether a message names an address: a house number and, after up to two words, a street's kind of way (the
 * vocabulary's `street_type`: "13 Station Road", "4 Forest Way", "13 Heol yr Orsaf"), or a postcode ("AT1 1AA").
 * Built once per vocabulary.
 */
export class AddressNamed {
  private readonly once: RegExp;
  private readonly all: RegExp;

  constructor(vocabulary: Vocabulary) {
    const source = String.raw`\b\d{1,4}[a-z]?\s+(?:[a-z']+\s+){0,2}${vocabulary.street_type.source}|\b[a-z]{1,2}\d[a-z\d]?\s?\d[a-z]{2}\b`;
    this.once = new RegExp(source, 'i');
    this.all = new RegExp(source, 'gi');
  }

  /** The message names an address somewhere. */
  names(text: string): boolean {
    return this.once.test(text);
  }

  /**
   * Only the address of a message that names one, for keeping ("4 Mill Lane, AT3 1NF" of "…I'm at 4 Mill Lane, AT3 1NF.
   * Oh and can I pay by direct debit?"): from its first part to its last, and after a street a few words more up to a
   * comma or the sentence's end (a Welsh street's name follows its kind: "13 Heol yr Orsaf"). Undefined when it names none.
   */
  said(text: string): string | undefined {
    const parts = [...text.matchAll(this.all)];
    if (!parts.length) return undefined;
    const last = parts[parts.length - 1];
    const end = last.index + last[0].length;
    const more = POSTCODE.test(last[0]) ? '' : (text.slice(end).match(WORDS_AFTER) ?? [''])[0];
    return text.slice(parts[0].index, end) + more;
  }

  /** The message names an address and little else. */
  only(text: string): boolean {
    if (!this.names(text)) return false;
    const rest = text.replace(this.all, ' ').match(/[a-z']+/gi) ?? [];
    return rest.length <= BESIDE_AN_ADDRESS;
  }
}
