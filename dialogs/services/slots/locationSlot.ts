import type { Entity } from '../../../intents/recognizer';
import type { Reply } from '../../responses';
import type { AddressLookup, Location, PostcodeOutcome } from '../addressLookup';
import type { ServiceResponses } from '../serviceResponses';
import type { Vocabulary } from '../../../knowledge/vocabulary';
import { placeWords } from '../placeWords';
import { saysCorrection } from './corrections';
import { readPlaceText } from './readers/textReaders';
import type { SlotState } from './slotState';

/** What the first message's place needs said before the first question: sent, or offered (its buttons remembered). */
export type FirstPlaceReply = { send: Reply } | { offer: Reply };

/**
 * Where the request is, through the address lookup: the postcode question and its list of
 * addresses (or the place in words), a place said in passing or in the first message, a
 * correction of it, and "same place" as the request filed just before.
 */
export class LocationSlot {
  /** The vocabulary's `wrong_place`, every one in a message. */
  private readonly wrongPlace: RegExp;

  constructor(
    private readonly addresses: AddressLookup,
    private readonly responses: ServiceResponses,
    /**
     * The vocabulary (knowledge/messages/<locale>/vocabulary.yaml): "same place" (`same_place`); a correction
     * (`detail_corrected`), whose wrong place ("not 5", `wrong_place`) is left out before reading.
     */
    private readonly vocabulary: Vocabulary,
  ) {
    this.wrongPlace = new RegExp(vocabulary.wrong_place.source, 'gi');
  }

  /** "Same place", "same address": where the request filed just before was, taken as this one's place. */
  samePlace(state: SlotState, text: string): boolean {
    if (!state.lastPlace || !this.vocabulary.same_place.test(text)) return false;
    state.location = state.lastPlace;
    return true;
  }

  /**
   * "Sorry, it's 15 Albert Street, not 5", "it's not Station Road, it's Bridge Street": a different
   * place said as a correction, after the place was given, replaces it (the pre-check runs again).
   * Returns what changed, for "I've changed …".
   */
  correct(state: SlotState, text: string): string | undefined {
    if (!state.location || state.current?.kind === 'location' || !saysCorrection(text, this.vocabulary)) return undefined;
    const outcome = this.addresses.fromWords(text.replace(this.wrongPlace, ' '), state.config.location);
    if (outcome?.next !== 'done' || outcome.location.text === state.location.text) return undefined;
    state.location = outcome.location;
    state.prechecked = false;
    return this.responses.changedTo(this.responses.placeName(state.config.location), outcome.location.text);
  }

  /**
   * Where it is, said while another question is open ("It's Ferry Lane, by number 12." when asked how
   * much there is, a postcode when asked where on the road): taken now, not asked for later. A
   * postcode with several addresses is kept for the address question. `freeText`: the open question
   * takes any text ("Which road is it on?" takes the street name as its answer).
   */
  inPassing(state: SlotState, text: string, entities: Entity[], freeText: boolean): 'noted' | undefined {
    const open = state.current?.kind;
    if (state.location || open === 'location' || open === 'confirm' || open === 'change' || freeText) return undefined;
    const postcode = entities.find((e) => e.type === 'postcode');
    const houseNumber = entities.find((e) => e.type === 'houseNumber')?.value;
    const outcome = postcode
      ? this.addresses.postcode(postcode.value, state.config.location, houseNumber, text)
      : this.addresses.fromWords(text, state.config.location);
    if (outcome?.next === 'done') {
      state.location = outcome.location;
      return 'noted';
    }
    if (outcome?.next === 'choose') {
      const picked = this.pickNumberSaidApart(text, outcome.postcode);
      if (picked) state.location = picked;
      else this.offerList(state, outcome.postcode);
      return 'noted';
    }
    return undefined;
  }

  /** The place in the first message: "same place", a postcode, a street or a house name, else the home address already used in this chat. */
  fromFirstMessage(state: SlotState, text: string, entities: Entity[]): FirstPlaceReply | undefined {
    if (this.samePlace(state, text)) return undefined;
    // A home-address service after the chat already used a home address (a bin day asked, a report
    // made): that address, said back, unless this message names another. It can be changed.
    const home = state.config.location === 'address' && state.lastPlace?.kind === 'address' ? state.lastPlace : undefined;
    const postcode = entities.find((e) => e.type === 'postcode');
    // A postcode, else a street or a house name ("at 8 Acorn Close", "on london rd outside no 15").
    const outcome = postcode
      ? this.addresses.postcode(postcode.value, state.config.location, entities.find((e) => e.type === 'houseNumber')?.value, text)
      : this.addresses.fromWords(text, state.config.location);
    if (!outcome && home) {
      state.location = home;
      return { send: this.responses.addressFound(home.text) };
    }
    // A street problem on a street the gazetteer does not hold ("Church Street by the church"): the place in
    // the resident's words, as the location question would take it (the council's staff read it).
    // Only a name written as one ("Church Street", "Heol y Bont"): "in the cycle lane" is no street.
    const street = entities.find((e) => e.type === 'street' && e.start !== undefined && e.end !== undefined && namedStreet(text, e.start, e.end));
    if (!outcome && street && state.config.location === 'street') {
      const place = placeWords(text, street.start!, street.end!, street.value, this.vocabulary);
      state.location = { kind: 'description', text: place };
      return { send: this.responses.placeFound(place) };
    }
    if (outcome?.next === 'done') {
      state.location = outcome.location;
      return outcome.found ? { send: outcome.found } : undefined;
    }
    // The street of the home address already used, named again without its number: that address.
    const known = this.addresses.knownOnList(outcome, home);
    if (known) {
      state.location = known;
      return { send: this.responses.addressFound(known.text) };
    }
    if (outcome?.next === 'choose') {
      // "…came down Orchard Close… it's number 3, the blue bin": the house number said apart from the street picks it.
      const picked = this.pickNumberSaidApart(text, outcome.postcode);
      if (picked) {
        state.location = picked;
        return { send: this.responses.addressFound(picked.text) };
      }
      this.offerList(state, outcome.postcode);
    }
    if (outcome?.next === 'again') return { offer: outcome.reply };
    return undefined;
  }

  /** The answer to the location question; a reply when it cannot be used yet (a list to choose from, asked again). */
  async accept(state: SlotState, text: string, houseNumber: string | undefined, show: (found: Reply) => Promise<void>): Promise<Reply | undefined> {
    if (this.samePlace(state, text)) return undefined;
    if (state.locationStage === 'text') {
      const read = readPlaceText(text, this.responses);
      if ('problem' in read) return read.problem;
      state.location = read.value;
      return undefined;
    }
    if (state.locationStage === 'choose' && state.postcode) {
      const picked = this.addresses.choose(text, state.postcode);
      if (picked.location) {
        state.location = picked.location;
        return undefined;
      }
      if (picked.notListed) {
        state.locationStage = 'text';
        return this.responses.askLocationText();
      }
      if (picked.postcodeAgain) return this.apply(state, picked.postcodeAgain, show);
      return picked.reply;
    }
    return this.apply(state, this.addresses.postcode(text, state.config.location, houseNumber), show);
  }

  /** The location question as it stands: the postcode, the list to choose from, or the place in words. */
  question(state: SlotState): Reply {
    if (state.locationStage === 'choose' && state.postcode) return this.addresses.chooseReply(state.postcode);
    if (state.locationStage === 'text') return this.responses.askLocationText();
    return this.responses.askPostcode(state.config.location);
  }

  /** Forgets the place ("Change something" → Where it is). */
  clear(state: SlotState): void {
    state.location = undefined;
    state.postcode = undefined;
    state.locationStage = 'postcode';
    state.prechecked = false;
  }

  /**
   * The address in a list that a house number said elsewhere in the message names: the vocabulary's `house_number_cue`
   * right before it ("it's number 3", "no 12"), one number only. Undefined when there is none or it is not listed.
   */
  private pickNumberSaidApart(text: string, list: string): Location | undefined {
    const words = text
      .toLowerCase()
      .split(/[\s,;:!?()]+/u)
      .map((w) => w.replace(/[.']+$/u, ''))
      .filter(Boolean);
    const numbers = new Set(
      words.flatMap((w, i) => (this.vocabulary.house_number_cue.test(w) && /^\d{1,4}[a-z]?$/.test(words[i + 1] ?? '') ? [words[i + 1]] : [])),
    );
    if (numbers.size !== 1) return undefined;
    return this.addresses.choose(`${[...numbers][0]}`, list).location;
  }

  private offerList(state: SlotState, list: string): void {
    state.postcode = list;
    state.locationStage = 'choose';
  }

  private async apply(state: SlotState, outcome: PostcodeOutcome, show: (found: Reply) => Promise<void>): Promise<Reply | undefined> {
    switch (outcome.next) {
      case 'done':
        state.location = outcome.location;
        // An address read from a street name: shown, so the resident can see it was understood.
        if (outcome.found) await show(outcome.found);
        return undefined;
      case 'choose':
        this.offerList(state, outcome.postcode);
        return outcome.reply;
      case 'not_listed':
        state.locationStage = 'text';
        return this.responses.askLocationText();
      case 'again':
        return outcome.reply;
    }
  }
}

/**
 * The street the recognizer found is written as a name: its first word capitalised, and not only because
 * it opens a sentence unless the street word is capitalised too ("Church Street", "Church street by the
 * church", "Cycle Lane"); never all in lower case ("the cycle lane", "the back lane").
 */
function namedStreet(text: string, start: number, end: number): boolean {
  const words = text.slice(start, end).split(/\s+/);
  if (!/^\p{Lu}/u.test(words[0] ?? '')) return false;
  const opensSentence = /(^|[.!?]\s*)$/.test(text.slice(0, start));
  return !opensSentence || /^\p{Lu}/u.test(words.at(-1) ?? '');
}
