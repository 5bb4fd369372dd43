import type { ServiceAttribute } from '../../servicerequests/open311/types';
import type { RequestField, RequestSoFar } from '../handoffTypes';
import { spokenDate } from '../../servicerequests/waste/calendar';
import { attributeCode, stepFromSaved } from './slots/fields';
import type { SlotState } from './slots/slotState';
import { foldText } from './slotReader';

/**
 * The question without what follows it (the "Say "skip"…" hint, in any language), as a label:
 * "What is the number on the lamp post? Say "skip" if you can't see one." → "What is the number on the lamp post?".
 */
export function questionLabel(a: ServiceAttribute): string {
  return a.description.replace(/(\?)\s+\S.*$/s, '$1');
}

/** "Armchair (2 armchairs)"; nothing added when the words are already in the name ("fridge"). */
export function withWords(name: string, words: string | undefined): string {
  if (!words) return name;
  const inName = new Set(foldText(name).split(' '));
  const adds = words.split(', ').some((w) =>
    foldText(w)
      .split(' ')
      .some((x) => !inName.has(x)),
  );
  return adds ? `${name} (${words})` : name;
}

export function valueNames(a: ServiceAttribute, keys: string[]): string[] {
  return keys.map((k) => a.values?.find((v) => v.key === k)?.name ?? k);
}

/**
 * An answer in words, as the summary shows it: dates in `locale`'s words (staff read English), and `notGiven`
 * ("not given", the staff's words by default) when there is none.
 */
export function displayAnswer(
  state: Pick<SlotState, 'answers' | 'said'>,
  a: ServiceAttribute,
  today: string,
  locale = 'en-GB',
  notGiven = 'not given',
): string {
  const v = state.answers[a.code];
  if (v === undefined || v === '' || (Array.isArray(v) && !v.length)) return notGiven;
  if (a.datatype === 'singlevaluelist' || a.datatype === 'multivaluelist') {
    const keys = Array.isArray(v) ? v : [v];
    // The resident's own words when they say more than the name: "Household rubbish (black bags)".
    // (A list of things only: "No (not dangerous)" would say nothing more.)
    return keys.map((k) => (a.datatype === 'multivaluelist' ? withWords(valueNames(a, [k])[0], state.said?.[a.code]?.[k]) : valueNames(a, [k])[0])).join(', ');
  }
  if (a.datatype === 'datetime') return spokenDate(String(v).slice(0, 10), today, locale);
  return String(v);
}

/** A list the dialog offered to choose from: a postcode's addresses (not a street's, or several streets). */
const LISTED_POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$/i;

/**
 * What a service request amounts to so far, for the person taking over: every answered question
 * with the answer as understood (an answer the dialog could not use was never stored), the place
 * as resolved (a postcode it refused is nowhere here), the details and contact details given, and
 * the question that was open. Dates are written out in full (the agent reads it later).
 */
export function requestSoFar(state: SlotState, extra: { status: RequestSoFar['status']; reference?: string; today: string }): RequestSoFar {
  const fields: RequestField[] = [];
  for (const a of state.attributes) {
    const v = state.answers[a.code];
    if (v !== undefined && v !== '' && !(Array.isArray(v) && !v.length)) {
      fields.push({ code: a.code, label: questionLabel(a), answer: displayAnswer(state, a, extra.today), value: Array.isArray(v) ? v.join(', ') : String(v) });
    } else if (v === undefined && attributeCode(stepFromSaved(state.current)) === a.code && state.multi.length) {
      // A list still being built ("Anything else?"): what was chosen so far.
      fields.push({
        code: a.code,
        label: questionLabel(a),
        answer: `${valueNames(a, state.multi).join(', ')} (list not finished)`,
        value: state.multi.join(', '),
      });
    }
  }
  const loc = state.location;
  const location: RequestSoFar['location'] = loc
    ? loc.kind === 'address'
      ? { kind: 'address', text: loc.text, uprn: loc.uprn, postcode: loc.postcode }
      : { kind: 'description', text: loc.text }
    : state.locationStage === 'choose' && state.postcode && LISTED_POSTCODE.test(state.postcode)
      ? { kind: 'postcode', text: state.postcode, postcode: state.postcode }
      : undefined;
  const contact = state.contact
    ? { ...state.contact, ...(state.name ? { name: [state.name.first, state.name.last].filter(Boolean).join(' ') } : {}) }
    : undefined;
  const open = extra.status === 'in_progress' ? openQuestion(state) : undefined;
  return {
    serviceCode: state.serviceCode,
    serviceName: state.serviceName,
    status: extra.status,
    ...(state.openedWith ? { openedWith: state.openedWith } : {}),
    ...(extra.reference ? { reference: extra.reference } : {}),
    fields,
    ...(location ? { location } : {}),
    ...(state.description ? { description: state.description } : {}),
    ...(contact && (contact.email || contact.phone) ? { contact } : {}),
    ...(open ? { openQuestion: open } : {}),
    ...(extra.status === 'in_progress' && state.misses ? { misses: state.misses } : {}),
  };
}

/** The open question's label (state read from a dialog stack: it may be in the form saved before the typed fields). */
function openQuestion(state: SlotState): string | undefined {
  const step = stepFromSaved(state.current);
  if (!step) return undefined;
  if (step.kind === 'attribute') {
    const a = state.attributes.find((x) => x.code === step.code);
    return a ? questionLabel(a) : undefined;
  }
  const names: Record<string, string> = {
    location: 'Where it is',
    description: 'Details',
    contact: 'Contact details',
    name: 'Name',
    confirm: 'Shall I send it? (the summary)',
    change: 'What to change',
  };
  return names[step.kind];
}
