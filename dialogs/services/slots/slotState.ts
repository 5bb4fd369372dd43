import type { ServiceAttribute } from '../../../servicerequests/open311/types';
import type { Location } from '../addressLookup';
import type { AnswerRule, ServiceRequestConfig } from '../serviceRequestConfig';
import { stepFromSaved, type ExtraField, type Step } from './fields';

/** An attribute's answer: a value key or text, a list of keys, or '' for skipped. */
export type Answer = string | string[];

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
  /** The open question (saved before the typed fields as a string: see `loadSlotState`). */
  current?: Step;
  /** Answers in a row to the current question that could not be used (two: a person is offered). */
  misses?: number;
  /** Which of the config's urgent advice (by position) has been said. */
  urgentSaid?: number[];
  /** Per list attribute, the count over its limit that the resident has been told about (told again when it changes). */
  overLimitSaid?: Record<string, number>;
  /** A bare "No thanks." at the summary has been asked about once ("shall I send it without contact details?"). */
  noThanksAsked?: boolean;
  prechecked: boolean;
  /** This run of the dialog: with the conversation id, the outbox's idempotency key. */
  instanceId?: string;
  /**
   * Optional details the resident chose to give ("Change something" → Details or Contact details):
   * asked next. Details and optional contact details are otherwise not asked before the summary,
   * which invites them (typed at "Shall I send it?", they are taken).
   */
  extra?: ExtraField[];
  /** Where the last request filed in this chat was (one this service can take): "same place" means it. */
  lastPlace?: Location;
  /** The resident asked for a person in so many words when the request started: every question keeps the person button. */
  personAsked?: boolean;
  /** The message that started the request ("my bin wasn't collected, AT1 1AA"), for a person taking over. */
  openedWith?: string;
  /** The resident's own words per list attribute and value key ("black bags"), shown in the summary. */
  said?: Record<string, Record<string, string>>;
  /** How many of each thing was said, per list attribute ("2 armchairs"), for the count of items. */
  counts?: Record<string, Record<string, number | undefined>>;
}

/**
 * The state as saved in dialog state, ready to use: a conversation saved before the typed fields
 * kept the open question as a string (`attr:bin_type`, `location`, `confirm`…); it is converted
 * here, in place, so it is saved in the new form from then on.
 */
export function loadSlotState(saved: unknown): SlotState {
  const state = saved as SlotState;
  if (state.current !== undefined) state.current = stepFromSaved(state.current);
  return state;
}

/** The open question's attribute, when it asks for one. */
export function attributeOf(state: SlotState, step: Step | undefined): ServiceAttribute | undefined {
  return step?.kind === 'attribute' ? state.attributes.find((a) => a.code === step.code) : undefined;
}

/** Questions whose answer is any text: a message that held other details is not taken as one. */
export function isFreeText(state: SlotState, step: Step | undefined): boolean {
  const a = attributeOf(state, step);
  if (a) return a.datatype === 'string' || a.datatype === 'text';
  return step?.kind === 'description' || step?.kind === 'name' || step?.kind === 'change';
}

/** The answers given so far hold every attribute value the rule names. */
export function ruleHolds(rule: AnswerRule, state: SlotState): boolean {
  return Object.entries(rule.when).every(([code, key]) => {
    const answer = state.answers[code];
    return Array.isArray(answer) ? answer.includes(key) : answer === key;
  });
}

/** What the answers so far amount to: an answer that changes nothing of it was not understood. */
export function progressOf(state: SlotState): string {
  return JSON.stringify([state.answers, state.multi, state.location, state.locationStage, state.postcode, state.description, state.contact, state.name]);
}

export function sameAnswer(a: Answer | undefined, b: Answer): boolean {
  return JSON.stringify(Array.isArray(a) ? [...a].sort() : a) === JSON.stringify(Array.isArray(b) ? [...b].sort() : b);
}
