import type { Logger } from '../../platform/logger';
import { createHash, randomUUID } from 'node:crypto';
import { TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import { MAX_MESSAGE_CHARS } from '../messageLimits';
import type { Open311Client } from '../../servicerequests/open311/open311Client';
import type { Outbox } from '../../servicerequests/open311/outbox';
import type { RequestFields, ServiceAttribute } from '../../servicerequests/open311/types';
import { spokenDate } from '../../servicerequests/waste/calendar';
import type { MissedBinCheck } from '../../servicerequests/waste/missedBinCheck';
import type { RecognizerResult } from '../../intents/recognizer';
import { sendPromptTrace, sendReply, sendTrace } from '../replies';
import { getRecognized, setFiledRequest, setKnownPlace, setFiledReference } from '../turnState';
import { offer, REQUEST_STATE } from '../offered';
import type { Reply } from '../responses';
import type { AddressLookup, Location } from './addressLookup';
import { CHANGE, DECLINES_EXTRAS, DONE, matchChoice, matchChoices, NO_FIRST, NOT_SENDING, parseDate, parseNumber, pastWeekday, readContact, saysYes, SKIP, today, YES_FIRST, type Choice } from './answers';
import { foldText, SlotReader, totalSaid } from './slotReader';
import type { AnswerRule, ServiceRequestConfig } from './serviceRequestConfig';
import { ANONYMOUS, SKIP_LABEL, type ServiceResponses } from './serviceResponses';
import { displayAnswer, requestSoFar, withWords } from './requestSoFar';
import { MISSES_BEFORE_PERSON } from '../misses';

const MAX_STRING = 500;
const MAX_TEXT = 4000;
const CONTAINERS = new Set(['general', 'recycling', 'garden', 'food']);

export interface RequestSlotsDeps {
  client: Open311Client;
  addresses: AddressLookup;
  responses: ServiceResponses;
  outbox: Outbox;
  /** Called once a request is in the outbox (wakes the delivery worker). */
  onQueued: () => void;
  missedBin?: MissedBinCheck;
  now: () => Date;
  /** The gazetteer's street names: masked before reading a message ("The Green" is no green bin). */
  streets?: string[];
  /** Where a back office that cannot give the service's definition is told to staff (the resident is told it is unavailable). */
  logger?: Logger;
}

type Answer = string | string[];

/** Everything the conversation has gathered; kept in dialog state, so a restart resumes it. */
export interface SlotState {
  intent: string;
  serviceCode: string;
  serviceName: string;
  config: ServiceRequestConfig;
  attributes: ServiceAttribute[];
  answers: Record<string, Answer>;
  location?: Location;
  locationStage: 'postcode' | 'choose' | 'text';
  postcode?: string;
  description?: string | null;
  contact?: { email?: string; phone?: string } | null;
  name?: { first: string; last: string } | null;
  multi: string[];
  current?: string;
  /** Answers in a row to the current question that could not be used (two: a person is offered). */
  misses?: number;
  /** Which of the config's urgent advice (by position) has been said. */
  urgentSaid?: number[];
  prechecked: boolean;
  /** This run of the dialog: with the conversation id, the outbox's idempotency key. */
  instanceId?: string;
  /**
   * Optional details the resident chose to give ("Change something" → Details or Contact details):
   * asked next. Details and optional contact details are otherwise not asked before the summary,
   * which invites them (typed at "Shall I send it?", they are taken).
   */
  extra?: string[];
  /** Where the last request filed in this chat was (one this service can take): "same place" means it. */
  lastPlace?: Location;
  /** The message that started the request ("my bin wasn't collected, AT1 1AA"), for a person taking over. */
  openedWith?: string;
  /** The resident's own words per list attribute and value key ("black bags"), shown in the summary. */
  said?: Record<string, Record<string, string>>;
  /** How many of each thing was said, per list attribute ("2 armchairs"), for the count of items. */
  counts?: Record<string, Record<string, number | undefined>>;
}

/** Words that take back what a list held ("only the sofa", "just the piano"). */
const ONLY = /\b(only|just)\b/i;
/** Words that say a detail given before was wrong ("sorry, I meant", "actually", "not X, Y", "wait"). */
const CORRECTION = /\b(sorry|actually|i meant|i mean|meant to say|not|wait|hang on|oops|mistake|wrong|instead|change|make that|should be|correction|more like|rather)\b|^\s*no\b/i;

/** The place of the request filed just before: "same place", "same address", "same spot". */
const SAME_PLACE = /\bsame (place|spot|location|address|street|road|area|house|one)\b/i;
/** Words that add something rather than replace it ("the grey one's lid is cracked too"). */
const ALSO = /\b(too|also|as well|another|next to|besides)\b/i;

const STATE = REQUEST_STATE;

/**
 * The generic service-request conversation, generated from the GeoReport service definition:
 * each attribute in `order` with a prompt chosen by datatype (skipping what the resident already
 * said), the location, details, optional contact details, a summary to confirm, change or
 * cancel, then the outbox and a reference number.
 */
export class RequestSlotsDialog extends Dialog {
  constructor(
    id: string,
    private readonly intent: string,
    private readonly config: ServiceRequestConfig,
    private readonly deps: RequestSlotsDeps,
  ) {
    super(id);
    this.streets = streetPattern(deps.streets ?? []);
  }

  private readonly streets: RegExp | undefined;

  override async beginDialog(dc: DialogContext, options?: { recognized?: RecognizerResult; lastPlace?: Location }): Promise<DialogTurnResult> {
    const r = this.deps.responses;
    let serviceName = this.config.service_code;
    let attributes: ServiceAttribute[];
    try {
      const services = await this.deps.client.services();
      const summary = services.find((s) => s.service_code === this.config.service_code);
      if (!summary) throw new Error(`service ${this.config.service_code} is not offered by the back office`);
      serviceName = summary.service_name;
      attributes = (await this.deps.client.definition(this.config.service_code)).attributes.filter((a) => a.variable && a.code !== 'client_reference');
    } catch (err) {
      this.deps.logger?.warn({ serviceCode: this.config.service_code, err: (err as Error).message }, 'service definition unavailable: the request was not started');
      await offer(dc, r.unavailable(serviceName));
      return dc.endDialog();
    }
    const state: SlotState = {
      intent: this.intent,
      serviceCode: this.config.service_code,
      serviceName,
      config: this.config,
      attributes,
      answers: {},
      locationStage: 'postcode',
      multi: [],
      prechecked: false,
      instanceId: randomUUID(),
      ...(options?.recognized?.text ? { openedWith: options.recognized.text.slice(0, MAX_STRING) } : {}),
      ...(options?.lastPlace && (options.lastPlace.kind === 'address' || this.config.location === 'street') ? { lastPlace: options.lastPlace } : {}),
    };
    dc.activeDialog!.state[STATE] = state;
    await offer(dc, r.starting(serviceName));
    const early = this.prefill(state, options?.recognized);
    if (early) return early(dc);
    return this.next(dc, state);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = dc.activeDialog!.state[STATE] as SlotState;
    const text = (dc.context.activity.text ?? '').trim();
    if (!text) return Dialog.EndOfTurn;
    const before = progressOf(state);
    const field = state.current ?? '';
    // Every message is read for every field: new details are taken, a different value replaces the old one.
    const { changed, touched } = this.absorb(state, text);
    const moved = this.correctPlace(state, text) ?? this.placeInPassing(state, text, dc);
    if (moved) {
      if (moved !== 'noted') changed.push(moved);
      touched.add('location');
    }
    if (changed.length) await sendReply(dc.context, this.deps.responses.changed(changed));
    let problem: Reply | 'submitted' | undefined;
    if (field === 'confirm' && !touched.size && NOT_SENDING.test(text)) {
      await offer(dc, this.deps.responses.notSent(state.serviceName));
      return dc.endDialog();
    }
    // A correction is never a yes (the summary is shown again); a message that was about other
    // fields is not the answer to a free-text question (asked again).
    if (field === 'confirm' && touched.size) problem = undefined;
    else if (field.startsWith('attr:') && touched.has(field.slice(5))) problem = undefined;
    else if (touched.size && this.freeText(state, field)) problem = undefined;
    else {
      problem = await this.accept(dc, state, field, text);
      // Details were taken from it: the question is asked again rather than called not understood.
      if (problem && problem !== 'submitted' && touched.size) problem = undefined;
    }
    if (problem === 'submitted') return dc.endDialog(); // no result: MainDialog's waterfall reads results as clarify outcomes
    if (problem) {
      // A reply that moves on (an item added to a list, a postcode's addresses offered) is no miss.
      state.misses = progressOf(state) === before ? (state.misses ?? 0) + 1 : 0;
      await offer(dc, state.misses >= MISSES_BEFORE_PERSON ? this.deps.responses.withPersonOffer(problem) : problem);
      await sendPromptTrace(dc.context, this.promptField(state, state.current ?? 'confirm'));
      return Dialog.EndOfTurn;
    }
    state.misses = 0;
    if (state.current === 'change' && touched.size) state.current = 'confirm';
    return this.next(dc, state);
  }

  /** Questions whose answer is any text: a message that held other details is not taken as one. */
  private freeText(state: SlotState, field: string): boolean {
    const a = this.attribute(state, field);
    if (a) return a.datatype === 'string' || a.datatype === 'text';
    return field === 'description' || field === 'name' || field === 'change';
  }

  private reader(state: SlotState): SlotReader {
    const countOf: Record<string, string> = {};
    for (const [code, limit] of Object.entries(state.config.limits)) if (typeof limit.min === 'string') countOf[limit.min] = code;
    const now = this.deps.now();
    return new SlotReader(state.attributes, state.config.understands ?? {}, { dates: state.config.dates, countOf, streets: this.streets, today: today(now), now });
  }

  /**
   * Takes every field `text` holds: one not yet given is filled; one given with another value is
   * replaced ("sorry, I meant the blue bin"), and said back. Returns what changed (for "I've
   * changed …") and which attributes the message set.
   */
  private absorb(state: SlotState, text: string): { changed: string[]; touched: Set<string> } {
    const current = state.current?.startsWith('attr:') ? state.current.slice(5) : undefined;
    const readings = this.reader(state).read(text, current, new Set(Object.keys(state.answers).filter((k) => state.answers[k] !== '')));
    const touched = new Set<string>();
    const recounted = new Set<string>();
    const changed: string[] = [];
    const said = (state.said ??= {});
    const counts = (state.counts ??= {});
    const countOf = Object.entries(state.config.limits).filter(([, l]) => typeof l.min === 'string');
    // A different value replaces one given before only when said as a correction ("sorry, I meant…",
    // "not Tuesday, Wednesday"), or at "Shall I send it?": "the grey bin's lid is cracked too" is a detail.
    // At the summary, "too"/"also" says it is about something else as well ("the grey bin next to
    // it has a cracked lid too"): a detail for the report, not a change.
    const keepGiven = !CORRECTION.test(text) && ((state.current !== 'confirm' && state.current !== 'change') || (state.current === 'confirm' && ALSO.test(text)));
    for (const a of state.attributes) {
      const r = readings.get(a.code);
      if (!r) continue;
      const old = state.answers[a.code];
      if (keepGiven && old !== undefined && a.datatype !== 'multivaluelist') continue;
      let value = r.value;
      if (a.datatype === 'multivaluelist') {
        // "sofa, fridge" at the list's own question: one at a time, with "anything else?".
        if (current === a.code && this.plainList(a, text)) continue;
        const base = Array.isArray(old) ? old : current === a.code ? state.multi : [];
        // More things are added ("there's a sofa there too now"); things are taken off only in a correction.
        const kept = keepGiven ? base : ONLY.test(text) ? [] : base.filter((k) => !(r.dropped ?? []).includes(k));
        value = [...new Set([...kept, ...(value as string[])])];
        const max = state.config.limits[a.code]?.max;
        if (max !== undefined && value.length > max) continue; // too many: the question says so
      }
      if (value === '' && old !== undefined) continue;
      if (a.datatype === 'datetime' && this.dateProblem(state, String(value))) continue;
      if (a.datatype === 'number' && !this.numberFits(state, a.code, Number(value))) continue;
      // The words for each value build up ("carpet", later "paint tins"), except after "only"/"just".
      const previous = Array.isArray(value) && !ONLY.test(text) ? Object.fromEntries(Object.entries(said[a.code] ?? {}).filter(([k]) => (value).includes(k))) : {};
      const words: Record<string, string> = { ...previous };
      for (const [k, w] of Object.entries(r.words)) words[k] = mergeWords(previous[k], w, !!r.counts?.[k] && /^\d/.test(w));
      // The resident's words matter for a list of things ("there's a sofa there too now"), not for one choice.
      const wordsChanged = a.datatype === 'multivaluelist' && JSON.stringify(words) !== JSON.stringify(said[a.code] ?? {});
      said[a.code] = words;
      if (r.counts) counts[a.code] = { ...(counts[a.code] ?? {}), ...r.counts };
      if (sameAnswer(old, value) && !wordsChanged) continue;
      state.answers[a.code] = value;
      // More words for the same things: shown in the summary (again, at "Shall I send it?"), said back only there.
      if (sameAnswer(old, value)) {
        recounted.add(a.code);
        if (state.current === 'confirm') touched.add(a.code);
        continue;
      }
      touched.add(a.code);
      if (current === a.code) state.multi = [];
      if (old === undefined || old === '') continue;
      const added = Array.isArray(old) && Array.isArray(value) && old.every((k) => value.includes(k)) && value.length > old.length;
      // More of a list ("there's a sofa there too now") is an addition, anything else a change.
      if (added) {
        const fresh = (value as string[]).filter((k) => !old.includes(k));
        changed.push(`added ${fresh.map((k) => withWords(this.names(a, [k])[0], said[a.code]?.[k])).join(', ')} to ${state.config.labels?.[a.code] ?? 'the list'}`);
      }
      else changed.push(`changed ${this.changeLine(state, a)}`);
    }
    // The number of items follows the things said ("2 armchairs and a fridge", later "make that 3 armchairs").
    for (const [countCode, limit] of countOf) {
      const list = String(limit.min);
      if (readings.has(countCode) || !(touched.has(list) || recounted.has(list))) continue;
      const chosen = state.answers[list];
      const each = Array.isArray(chosen) ? chosen.map((k) => counts[list]?.[k]) : [];
      const old = state.answers[countCode];
      const sum = each.length && each.every((n) => n !== undefined) ? each.reduce((t, n) => t + n, 0) : undefined;
      if (sum !== undefined && this.numberFits(state, countCode, sum) && old !== String(sum)) {
        state.answers[countCode] = String(sum);
        touched.add(countCode);
        if (old !== undefined) changed.push(`changed ${this.changeLine(state, state.attributes.find((x) => x.code === countCode)!)}`);
      } else if (sum === undefined && old !== undefined && !this.numberFits(state, countCode, Number(old))) delete state.answers[countCode];
    }
    this.estimate(state, text, readings, touched);
    if (touched.size) state.prechecked = false; // the missed-bin check runs again on the new values
    return { changed, touched };
  }

  /** "Same place", "same address": where the request filed just before was, taken as this one's place. */
  private samePlace(state: SlotState, text: string): boolean {
    if (!state.lastPlace || !SAME_PLACE.test(text)) return false;
    state.location = state.lastPlace;
    return true;
  }

  /**
   * "Sorry, it's 15 Albert Street, not 5", "it's not Station Road, it's Bridge Street": a different
   * place said as a correction, after the place was given, replaces it (the pre-check runs again).
   * What follows "not" is the wrong one, so it is left out before reading.
   */
  private correctPlace(state: SlotState, text: string): string | undefined {
    if (!state.location || state.current === 'location' || !CORRECTION.test(text)) return undefined;
    const kept = text.replace(/\b(?:not|isn'?t|wasn'?t)\s+(?:at\s+|on\s+|number\s+|no\.?\s+)?[^,.;!?]*/gi, ' ');
    const outcome = this.deps.addresses.fromWords(kept, state.config.location);
    if (outcome?.next !== 'done' || outcome.location.text === state.location.text) return undefined;
    state.location = outcome.location;
    state.prechecked = false;
    return `changed ${state.config.location === 'address' ? 'the address' : 'where it is'} to ${outcome.location.text}`;
  }

  /**
   * Where it is, said while another question is open ("It's Ferry Lane, by number 12." when asked how
   * much there is, a postcode when asked where on the road): taken now, not asked for later. A
   * postcode with several addresses is kept for the address question.
   */
  private placeInPassing(state: SlotState, text: string, dc: DialogContext): 'noted' | undefined {
    if (state.location || state.current === 'location' || state.current === 'confirm' || state.current === 'change') return undefined;
    // A question whose answer is any text ("Which road is it on?") takes the street name as its answer.
    if (this.freeText(state, state.current ?? '')) return undefined;
    const postcode = getRecognized(dc.context)?.entities.find((e) => e.type === 'postcode');
    const houseNumber = getRecognized(dc.context)?.entities.find((e) => e.type === 'houseNumber')?.value;
    const outcome = postcode ? this.deps.addresses.postcode(postcode.value, state.config.location, houseNumber, text) : this.deps.addresses.fromWords(text, state.config.location);
    if (outcome?.next === 'done') {
      state.location = outcome.location;
      return 'noted';
    }
    if (outcome?.next === 'choose') {
      state.postcode = outcome.postcode;
      state.locationStage = 'choose';
      return 'noted';
    }
    return undefined;
  }

  /** Answers estimated from what was counted (config `estimates`): "8 black bags and a tyre" is a car boot load. */
  private estimate(state: SlotState, text: string, readings: Map<string, unknown>, touched: Set<string>): void {
    for (const [code, est] of Object.entries(state.config.estimates ?? {})) {
      if (state.answers[code] !== undefined || readings.has(code)) continue;
      const chosen = state.answers[est.from];
      const counted = state.counts?.[est.from] ?? {};
      let total: number | undefined;
      // A number said for the things ("15 bags"), not only "a" or "an" ("a load of rubbish" is no count).
      if (Array.isArray(chosen) && chosen.some((k) => (counted[k] ?? 0) > 1)) total = chosen.reduce((t, k) => t + (counted[k] ?? 1), 0);
      // "just them 2 things" when asked how much.
      if (total === undefined && state.current === `attr:${code}`) total = totalSaid(text);
      if (total === undefined) continue;
      const band = est.bands.find((b) => b.up_to === undefined || total <= b.up_to);
      if (!band) continue;
      state.answers[code] = band.value;
      touched.add(code);
    }
  }

  /** Every part of the message is a choice of the list, by name ("sofa and a fridge"). */
  private plainList(a: ServiceAttribute, text: string): boolean {
    const { found, unknown } = matchChoices(text, a.values ?? []);
    return found.length > 0 && !unknown.length;
  }

  private numberFits(state: SlotState, code: string, n: number): boolean {
    if (!Number.isFinite(n) || n < 0) return false;
    const limit = state.config.limits[code];
    if (!limit) return true;
    const list = typeof limit.min === 'string' ? state.answers[limit.min] : undefined;
    const min = typeof limit.min === 'number' ? limit.min : Array.isArray(list) ? list.length : 0;
    return Number.isInteger(n) && n >= min && (limit.max === undefined || n <= limit.max);
  }

  private changeLine(state: SlotState, a: ServiceAttribute): string {
    return `${state.config.labels?.[a.code] ?? `"${a.description.replace(/\s*Say "skip".*$/i, '')}"`} to ${this.display(state, a)}`;
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const state = instance.state[STATE] as SlotState | undefined;
    if (!state?.current) return;
    await sendReply(context, this.question(state, state.current));
    await sendPromptTrace(context, this.promptField(state, state.current));
  }

  /** Uses entities from the first message (bin type, date, postcode, house number). */
  private prefill(state: SlotState, recognized?: RecognizerResult): ((dc: DialogContext) => Promise<DialogTurnResult>) | undefined {
    const entities = recognized?.entities ?? [];
    // Every field the first message holds (bin, date, items and counts, sizes, yes/no phrases…).
    if (recognized?.text) this.absorb(state, recognized.text);
    for (const a of state.attributes) {
      if (a.code in state.answers) continue;
      if (a.datatype === 'singlevaluelist' || a.datatype === 'multivaluelist') {
        const values = a.values ?? [];
        const hits = entities.flatMap((e) => values.filter((v) => v.key.toLowerCase() === e.value.toLowerCase() || v.name.toLowerCase() === e.value.toLowerCase()));
        if (hits.length === 1 || (hits.length > 1 && a.datatype === 'multivaluelist')) state.answers[a.code] = a.datatype === 'multivaluelist' ? hits.map((h) => h.key) : hits[0].key;
      } else if (a.datatype === 'number' && !state.config.limits[a.code]) {
        // "about 30cm wide" answers "About how wide is it, in centimetres?".
        const measure = measureIn(recognized?.text ?? '', a.description);
        if (measure !== undefined) state.answers[a.code] = String(measure);
      } else if (a.datatype === 'datetime') {
        const date = entities.find((e) => e.type === 'date' && /^\d{4}-\d{2}-\d{2}/.test(e.value));
        const found = date?.value.slice(0, 10);
        // "on Monday" in a report means the Monday just gone, even if the extractor looked ahead.
        const value = found && state.config.dates === 'past' ? pastWeekday(found, date!.text, today(this.deps.now())) : found;
        if (value && !this.dateProblem(state, value)) state.answers[a.code] = value;
      }
    }
    if (this.samePlace(state, recognized?.text ?? '')) return undefined;
    // A home-address service after the chat already used a home address (a bin day asked, a report
    // made): that address, said back, unless this message names another. It can be changed.
    const home = state.config.location === 'address' && state.lastPlace?.kind === 'address' ? state.lastPlace : undefined;
    const postcode = entities.find((e) => e.type === 'postcode');
    // A postcode, else a street or a house name ("at 8 Acorn Close", "on london rd outside no 15").
    const outcome = postcode
      ? this.deps.addresses.postcode(postcode.value, state.config.location, entities.find((e) => e.type === 'houseNumber')?.value, recognized?.text)
      : this.deps.addresses.fromWords(recognized?.text ?? '', state.config.location);
    if (!outcome && home) {
      state.location = home;
      return async (dc) => {
        await sendReply(dc.context, this.deps.responses.addressFound(home.text));
        return this.next(dc, state);
      };
    }
    if (outcome) {
      if (outcome.next === 'done') {
        state.location = outcome.location;
        const found = outcome.found;
        if (found)
          return async (dc) => {
            await sendReply(dc.context, found);
            return this.next(dc, state);
          };
      } else if (outcome.next === 'choose') {
        state.postcode = outcome.postcode;
        state.locationStage = 'choose';
      } else if (outcome.next === 'again') {
        return async (dc) => {
          await offer(dc, outcome.reply);
          return this.next(dc, state);
        };
      }
    }
    return undefined;
  }

  private order(state: SlotState): string[] {
    const attrs = state.attributes.map((a) => `attr:${a.code}`);
    const tail = [...new Set([...(state.extra ?? []), ...(state.config.contact === 'required' ? ['contact'] : []), 'name'])];
    return state.config.location_first ? ['location', ...attrs, ...tail] : [...attrs, 'location', ...tail];
  }

  private isDone(state: SlotState, field: string): boolean {
    if (field.startsWith('attr:')) return field.slice(5) in state.answers;
    if (field === 'location') return !!state.location;
    if (field === 'description') return state.description !== undefined;
    if (field === 'contact') return state.contact !== undefined;
    if (field === 'name') return !state.contact || state.name !== undefined;
    return false;
  }

  /** Safety advice whose answers have just been given ("Wires are showing"): said once, at once. */
  private async sayUrgent(dc: DialogContext, state: SlotState): Promise<void> {
    const said = (state.urgentSaid ??= []);
    for (const [i, rule] of state.config.urgent.entries()) {
      if (said.includes(i) || !ruleHolds(rule, state)) continue;
      said.push(i);
      await sendReply(dc.context, this.deps.responses.urgent(rule.say));
    }
  }

  private async next(dc: DialogContext, state: SlotState): Promise<DialogTurnResult> {
    await this.sayUrgent(dc, state);
    const refusal = state.config.refuse.find((rule) => ruleHolds(rule, state));
    const refused = refusal ? this.deps.responses.precheckRefused(this.deps.responses.withCouncilNumbers(refusal.say)) : this.precheck(state);
    if (refused) {
      await offer(dc, refused);
      return dc.endDialog();
    }
    state.current = this.order(state).find((f) => !this.isDone(state, f)) ?? 'confirm';
    await offer(dc, this.question(state, state.current));
    await sendPromptTrace(dc.context, this.promptField(state, state.current));
    return Dialog.EndOfTurn;
  }

  /** The missed-bin pre-check, once the address, the bin and the date are known. */
  private precheck(state: SlotState): Reply | undefined {
    if (state.prechecked || state.config.precheck !== 'missed_bin' || !this.deps.missedBin) return undefined;
    if (state.location?.kind !== 'address') return undefined;
    const container = Object.values(state.answers).flat().find((v) => CONTAINERS.has(v));
    const dateAttr = state.attributes.find((a) => a.datatype === 'datetime');
    if (!container || (dateAttr && !(dateAttr.code in state.answers))) return undefined;
    state.prechecked = true;
    const address = this.deps.addresses.byUprn(state.location.uprn);
    if (!address) return undefined;
    const reported = dateAttr ? String(state.answers[dateAttr.code]).slice(0, 10) : undefined;
    const verdict = this.deps.missedBin.check(address, container, this.deps.now(), reported);
    return verdict.ok ? undefined : this.deps.responses.precheckRefused(verdict.message, verdict.next);
  }

  /**
   * What the open question is about, for the `council.prompt` trace: the attribute's code, or for
   * the location `postcode`, `address` (pick or describe the house) or `location` (a street place).
   */
  private promptField(state: SlotState, field: string): string {
    if (field.startsWith('attr:')) return field.slice(5);
    if (field === 'location') {
      if (state.locationStage === 'choose') return 'address';
      if (state.config.location === 'street') return 'location';
      return state.locationStage === 'text' ? 'address' : 'postcode';
    }
    return field;
  }

  private attribute(state: SlotState, field: string): ServiceAttribute | undefined {
    return field.startsWith('attr:') ? state.attributes.find((a) => a.code === field.slice(5)) : undefined;
  }

  private question(state: SlotState, field: string): Reply {
    const r = this.deps.responses;
    const a = this.attribute(state, field);
    if (a) {
      const hint = a.datatype_description ? ` ${a.datatype_description}` : '';
      const skip = a.required ? [] : [SKIP_LABEL];
      if (a.datatype === 'singlevaluelist') return { text: `${a.description}${hint}`, choices: [...(a.values ?? []).map((v) => v.name), ...skip] };
      if (a.datatype === 'multivaluelist') {
        if (state.multi.length) return r.multiAdded(this.names(a, state.multi), (a.values ?? []).filter((v) => !state.multi.includes(v.key)).map((v) => v.name));
        return { text: `${a.description}${hint}`, choices: [...(a.values ?? []).map((v) => v.name), ...skip] };
      }
      return { text: `${a.description}${hint}`, choices: skip.length ? skip : undefined };
    }
    switch (field) {
      case 'location':
        if (state.locationStage === 'choose' && state.postcode) return this.deps.addresses.chooseReply(state.postcode);
        if (state.locationStage === 'text') return r.askLocationText();
        return r.askPostcode(state.config.location);
      case 'description':
        return r.askDescription();
      case 'contact':
        return r.askContact(state.config.contact === 'required');
      case 'name':
        return r.askName();
      case 'change':
        return r.whichChange(this.changeChoices(state).map((c) => c.name));
      default:
        return r.summary(this.summaryLines(state), state.config.contact === 'optional' && !state.contact);
    }
  }

  private names(a: ServiceAttribute, keys: string[]): string[] {
    return keys.map((k) => a.values?.find((v) => v.key === k)?.name ?? k);
  }

  private display(state: SlotState, a: ServiceAttribute): string {
    return displayAnswer(state, a, today(this.deps.now()));
  }

  private summaryLines(state: SlotState): string[] {
    const lines = [`Service: ${state.serviceName}`];
    for (const a of state.attributes) lines.push(`${a.description.replace(/\s*Say "skip".*$/i, '')} ${this.display(state, a)}`);
    lines.push(`Where: ${state.location?.text ?? 'not given'}`);
    lines.push(`Details: ${state.description || 'none'}`);
    const c = state.contact;
    lines.push(`Contact: ${c ? `${c.email ?? c.phone}${state.name ? `, ${[state.name.first, state.name.last].filter(Boolean).join(' ')}` : ''}` : 'anonymous'}`);
    return lines;
  }

  private changeChoices(state: SlotState): Choice[] {
    return [
      ...state.attributes.map((a) => ({ key: `attr:${a.code}`, name: a.description.replace(/\s*Say "skip".*$/i, '') })),
      { key: 'location', name: 'Where it is' },
      { key: 'description', name: 'Details' },
      { key: 'contact', name: 'Contact details' },
    ];
  }

  private dateProblem(state: SlotState, date: string): Reply | undefined {
    const now = this.deps.now();
    const t = today(now);
    if (state.config.dates === 'past' && date > t) return this.deps.responses.futureDate(spokenDate(date, t));
    if (state.config.dates === 'future' && date <= t) return this.deps.responses.pastDate(spokenDate(date, t));
    return undefined;
  }

  /** Takes the answer to `field`; returns a reply when the answer cannot be used (nothing is lost). */
  private async accept(dc: DialogContext, state: SlotState, field: string, text: string): Promise<Reply | 'submitted' | undefined> {
    const r = this.deps.responses;
    const a = this.attribute(state, field);
    if (a) return this.acceptAttribute(state, a, text);
    switch (field) {
      case 'location':
        // "7 High Street, AT1 1AA" at the postcode question: the house number picks the address.
        return this.acceptLocation(state, text, getRecognized(dc.context)?.entities.find((e) => e.type === 'houseNumber')?.value, (found) => sendReply(dc.context, found));
      case 'description': {
        if (SKIP.test(text) || text.toLowerCase() === SKIP_LABEL.toLowerCase()) {
          state.description = null;
          return undefined;
        }
        if (text.length >= MAX_MESSAGE_CHARS) return r.tooLong(MAX_MESSAGE_CHARS, text.length);
        if (text.length > MAX_TEXT) return r.tooLong(MAX_TEXT, text.length);
        state.description = text;
        return undefined;
      }
      case 'contact': {
        if (state.config.contact === 'optional' && (text.toLowerCase() === ANONYMOUS.toLowerCase() || SKIP.test(text) || /anonymous/i.test(text))) {
          state.contact = null;
          state.name = null;
          return undefined;
        }
        const contact = readContact(text);
        if (!contact) return r.invalidContact(state.config.contact === 'required');
        state.contact = contact;
        state.name = undefined;
        return undefined;
      }
      case 'name': {
        const words = text.replace(/^(my name is|i am|i'm|it's)\s+/i, '').trim().split(/\s+/).slice(0, 6);
        if (!words.length || text.length > 200) return r.askName();
        state.name = { first: words.length > 1 ? words.slice(0, -1).join(' ') : words[0], last: words.length > 1 ? words.at(-1)! : '' };
        return undefined;
      }
      case 'change': {
        const choice = matchChoice(text, this.changeChoices(state));
        if (!choice) return r.whichChange(this.changeChoices(state).map((c) => c.name));
        this.clear(state, choice.key);
        if (choice.key === 'description' || choice.key === 'contact') state.extra = [...new Set([...(state.extra ?? []), choice.key])];
        return undefined;
      }
      case 'confirm': {
        if (CHANGE.test(text)) {
          state.current = 'change';
          return r.whichChange(this.changeChoices(state).map((c) => c.name));
        }
        if (saysYes(text)) {
          await this.submit(dc, state);
          return 'submitted';
        }
        return this.addAtConfirm(dc, state, text);
      }
      default:
        return undefined;
    }
  }

  /**
   * What the summary invites at "Shall I send it?": an email address or phone number for updates
   * (then the name is asked), or more details in the resident's own words ("it's right by the bus
   * stop"), added to the details and the summary shown again. A question or a bare no is neither.
   */
  private async addAtConfirm(dc: DialogContext, state: SlotState, text: string): Promise<Reply | undefined> {
    const r = this.deps.responses;
    if (state.config.contact === 'optional' && /\banonymous\b/i.test(text)) {
      state.contact = null;
      state.name = null;
      return undefined;
    }
    const contact = readContact(text);
    if (contact) {
      state.contact = contact;
      state.name = undefined;
      await sendReply(dc.context, r.changed(['added your contact details']));
      return undefined;
    }
    if (DECLINES_EXTRAS.test(text) && !/^\s*(no|nope|nah)\s*[.!]*\s*$/i.test(text)) {
      if (state.config.contact === 'optional' && !state.contact) {
        state.contact = null;
        state.name = null;
      }
      return undefined;
    }
    if (text.length >= MAX_MESSAGE_CHARS) return r.tooLong(MAX_MESSAGE_CHARS, text.length);
    const words = text.split(/\s+/).filter(Boolean).length;
    if (words < 3 || /\?\s*$/.test(text) || NO_FIRST.test(text)) return r.confirmNotUnderstood();
    state.description = state.description ? `${state.description}\n${text}` : text;
    if (state.description.length > MAX_TEXT) state.description = state.description.slice(0, MAX_TEXT);
    await sendReply(dc.context, r.changed(['added that to the details']));
    return undefined;
  }

  private clear(state: SlotState, field: string): void {
    if (field.startsWith('attr:')) {
      const code = field.slice(5);
      delete state.answers[code];
      state.multi = [];
      // A number limited by this list ("how many items in total?") is asked again for the new list.
      for (const [dependent, limit] of Object.entries(state.config.limits)) if (limit.min === code) delete state.answers[dependent];
    } else if (field === 'location') {
      state.location = undefined;
      state.postcode = undefined;
      state.locationStage = 'postcode';
      state.prechecked = false;
    } else if (field === 'description') state.description = undefined;
    else if (field === 'contact') {
      state.contact = undefined;
      state.name = undefined;
    }
    if (field.startsWith('attr:')) state.prechecked = false;
  }

  private acceptAttribute(state: SlotState, a: ServiceAttribute, text: string): Reply | undefined {
    const r = this.deps.responses;
    const skipping = SKIP.test(text) || text.toLowerCase() === SKIP_LABEL.toLowerCase();
    const values = a.values ?? [];
    if (a.datatype === 'multivaluelist') {
      if (state.multi.length && (DONE.test(text) || skipping)) {
        state.answers[a.code] = state.multi;
        state.multi = [];
        return undefined;
      }
      if (!state.multi.length && skipping && !a.required) {
        state.answers[a.code] = '';
        return undefined;
      }
      const { found, unknown } = matchChoices(text, values);
      if (unknown.length) return r.multiUnknown(unknown, values.map((v) => v.name));
      if (!found.length) return r.needAtLeastOne();
      const chosen = [...new Set([...state.multi, ...found.map((f) => f.key)])];
      const max = state.config.limits[a.code]?.max;
      if (max !== undefined && chosen.length > max) return r.tooManyChoices(max, chosen.length, this.names(a, state.multi));
      state.multi = chosen;
      if (max !== undefined && chosen.length === max) {
        // As many as one booking takes: nothing more to ask.
        state.answers[a.code] = state.multi;
        state.multi = [];
        return undefined;
      }
      return this.question(state, `attr:${a.code}`);
    }
    if (skipping && !a.required && a.datatype !== 'singlevaluelist') {
      state.answers[a.code] = '';
      return undefined;
    }
    switch (a.datatype) {
      case 'singlevaluelist': {
        if (!a.required && text.toLowerCase() === SKIP_LABEL.toLowerCase()) {
          state.answers[a.code] = '';
          return undefined;
        }
        const yesNo = values.some((v) => v.key === 'yes') && values.some((v) => v.key === 'no');
        const choice = matchChoice(text, values) ?? (yesNo ? values.find((v) => v.key === (YES_FIRST.test(text) ? 'yes' : NO_FIRST.test(text) ? 'no' : undefined)) : undefined);
        if (!choice) return r.invalidChoice(values.map((v) => v.name));
        state.answers[a.code] = choice.key;
        return undefined;
      }
      case 'number': {
        const n = parseNumber(text);
        if (n === undefined || !Number.isFinite(n) || n < 0) return r.invalidNumber(a.datatype_description ?? '');
        const limit = state.config.limits[a.code];
        if (limit) {
          // `min` is a number, or names a list whose chosen items the number must cover.
          const list = typeof limit.min === 'string' ? state.answers[limit.min] : undefined;
          const chosen = Array.isArray(list) ? list.length : undefined;
          const min = typeof limit.min === 'number' ? limit.min : (chosen ?? 0);
          if (!Number.isInteger(n) || n < min || (limit.max !== undefined && n > limit.max)) return r.numberOutOfRange(min, limit.max, chosen);
        }
        state.answers[a.code] = String(n);
        return undefined;
      }
      case 'datetime': {
        const parsed = parseDate(text, this.deps.now());
        if (!parsed) return r.invalidDate();
        const date = state.config.dates === 'past' ? pastWeekday(parsed, text, today(this.deps.now())) : parsed;
        const problem = this.dateProblem(state, date);
        if (problem) return problem;
        state.answers[a.code] = date;
        return undefined;
      }
      default: {
        const limit = a.datatype === 'text' ? MAX_TEXT : MAX_STRING;
        if (text.length >= MAX_MESSAGE_CHARS) return r.tooLong(MAX_MESSAGE_CHARS, text.length);
        if (text.length > limit) return r.tooLong(limit, text.length);
        if (!text && a.required) return r.required();
        state.answers[a.code] = text;
        return undefined;
      }
    }
  }

  private async acceptLocation(state: SlotState, text: string, houseNumber: string | undefined, show: (found: Reply) => Promise<void>): Promise<Reply | undefined> {
    const lookup = this.deps.addresses;
    if (this.samePlace(state, text)) return undefined;
    if (state.locationStage === 'text') {
      if (text.length < 8) return this.deps.responses.locationTooShort();
      if (text.length > 1000) return this.deps.responses.tooLong(1000, text.length);
      state.location = { kind: 'description', text };
      return undefined;
    }
    if (state.locationStage === 'choose' && state.postcode) {
      const picked = lookup.choose(text, state.postcode);
      if (picked.location) {
        state.location = picked.location;
        return undefined;
      }
      if (picked.notListed) {
        state.locationStage = 'text';
        return this.deps.responses.askLocationText();
      }
      if (picked.postcodeAgain) return this.applyPostcode(state, picked.postcodeAgain, show);
      return picked.reply;
    }
    return this.applyPostcode(state, lookup.postcode(text, state.config.location, houseNumber), show);
  }

  private async applyPostcode(state: SlotState, outcome: ReturnType<AddressLookup['postcode']>, show: (found: Reply) => Promise<void>): Promise<Reply | undefined> {
    switch (outcome.next) {
      case 'done':
        state.location = outcome.location;
        // An address read from a street name: shown, so the resident can see it was understood.
        if (outcome.found) await show(outcome.found);
        return undefined;
      case 'choose':
        state.postcode = outcome.postcode;
        state.locationStage = 'choose';
        return outcome.reply;
      case 'not_listed':
        state.locationStage = 'text';
        return this.deps.responses.askLocationText();
      case 'again':
        return outcome.reply;
    }
  }

  private async submit(dc: DialogContext, state: SlotState): Promise<void> {
    const attributes: Record<string, Answer> = {};
    for (const [k, v] of Object.entries(state.answers)) if (v !== '' && !(Array.isArray(v) && !v.length)) attributes[k] = v;
    const loc = state.location;
    const fields: RequestFields = {
      service_code: state.serviceCode,
      attributes,
      ...(loc?.kind === 'address' ? { address_string: loc.text, address_id: loc.uprn, lat: loc.lat, long: loc.long } : { address_string: loc?.text, lat: loc?.lat, long: loc?.long }),
      ...(state.description ? { description: state.description } : {}),
      ...(state.contact?.email ? { email: state.contact.email } : {}),
      ...(state.contact?.phone ? { phone: state.contact.phone } : {}),
      ...(state.name ? { first_name: state.name.first, last_name: state.name.last || undefined } : {}),
    };
    // (a dialog begun before instance ids existed gets one now: protected from here on)
    state.instanceId ??= randomUUID();
    const key = createHash('sha256').update(`${dc.context.activity.conversation?.id ?? ''}\n${state.instanceId}`).digest('hex');
    const { row, created } = await this.deps.outbox.addOnce(key, fields, TurnContext.getConversationReference(dc.context.activity));
    if (!created) {
      await offer(dc, this.deps.responses.alreadySubmitted(row.reference));
      return;
    }
    this.deps.onQueued();
    // What was filed, for a person the resident may ask for next (kept by the handoff memory, never traced).
    setFiledRequest(dc.context, requestSoFar(state, { status: 'filed', reference: row.reference, today: today(this.deps.now()) }));
    await offer(dc, this.deps.responses.submitted(row.reference, state.config.notice));
    // "What's the status of that?" later in this chat means this one; "same place" its location.
    setFiledReference(dc.context, row.reference);
    setKnownPlace(dc.context, state.location);
    // Which request was filed (no reference or answers: telemetry turns council.* traces into events).
    await sendTrace(dc.context, 'council.request.submitted', { intent: state.intent, serviceCode: state.serviceCode });
  }
}

/** The answers given so far hold every attribute value the rule names. */
function ruleHolds(rule: AnswerRule, state: SlotState): boolean {
  return Object.entries(rule.when).every(([code, key]) => {
    const answer = state.answers[code];
    return Array.isArray(answer) ? answer.includes(key) : answer === key;
  });
}

/** "carpet" then "paint tins": both; "2 armchairs" then "3 armchairs": the new count replaces the old words. */
function mergeWords(before: string | undefined, now: string, counted: boolean): string {
  if (!before || counted) return now;
  return [...new Set([...before.split(', '), ...now.split(', ')])].join(', ');
}

function sameAnswer(a: Answer | undefined, b: Answer): boolean {
  return JSON.stringify(Array.isArray(a) ? [...a].sort() : a) === JSON.stringify(Array.isArray(b) ? [...b].sort() : b);
}


/** One pattern for the gazetteer's street names, also with the usual short forms ("london rd"). */
function streetPattern(streets: string[]): RegExp | undefined {
  const short: Record<string, string> = { road: 'rd', street: 'st', lane: 'ln', avenue: 'ave', close: 'cl', drive: 'dr', crescent: 'cres', place: 'pl' };
  const forms = new Set<string>();
  for (const street of streets) {
    const f = foldText(street);
    if (!f) continue;
    forms.add(f);
    const last = f.split(' ').at(-1)!;
    if (short[last]) forms.add(`${f.slice(0, -last.length)}${short[last]}`);
  }
  if (!forms.size) return undefined;
  const alternatives = [...forms].sort((x, y) => y.length - x.length).map((f) => f.split(' ').map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join("[\\s,.'’-]+"));
  // "the green bin" is a bin, even where a street is called The Green.
  return new RegExp(`\\b(?:${alternatives.join('|')})\\b(?![\\s,.'’-]+(?:bins?|one|1|caddy|waste|recycling|bags?)\\b)`, 'gi');
}

/** What the answers so far amount to: an answer that changes nothing of it was not understood. */
function progressOf(state: SlotState): string {
  return JSON.stringify([state.answers, state.multi, state.location, state.locationStage, state.postcode, state.description, state.contact, state.name]);
}

/** Choices too vague to take from a first message without asking ("Yes", "No", "Something else"). */
const VAGUE_CHOICE = /^(yes|no|y|n|other|something else|not sure|don'?t know|none|skip)\b/i;

/** The choice's name appears in the message as whole words ("in the road", "furniture"); short or vague names never count. */
export function namedIn(text: string, name: string): boolean {
  const fold = (s: string) => ` ${s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
  const n = fold(name);
  return n.trim().length >= 5 && !VAGUE_CHOICE.test(name.trim()) && fold(text).includes(n);
}

const UNITS: Record<string, RegExp> = {
  centimetres: /^(cm|cms|centimet(?:re|er)s?)$/,
  metres: /^(m|metres?|meters?)$/,
};

/**
 * A measurement the question asks for, said in the message: "30cm wide" answers "About how wide is
 * it, in centimetres?" (the unit named in the question, then one of the question's own words right
 * after it). Anything less certain is asked.
 */
export function measureIn(text: string, question: string): number | undefined {
  const q = question.toLowerCase();
  const unit = Object.keys(UNITS).find((u) => q.includes(u));
  if (!unit) return undefined;
  const words = new Set(q.split(/[^a-z]+/).filter((w) => w.length >= 4 && w !== unit));
  for (const m of text.toLowerCase().matchAll(/(\d+(?:\.\d+)?)\s*([a-z]+)\s+(?:[a-z]+\s+)?([a-z]+)/g)) {
    if (UNITS[unit].test(m[2]) && (words.has(m[3]) || words.has(m[0].split(/\s+/).at(-2) ?? ''))) return Number(m[1]);
  }
  return undefined;
}
