import type { ServiceAttribute } from '../../../servicerequests/open311/types';
import type { Reply } from '../../responses';
import { today, type Choice } from '../answers';
import { displayAnswer, questionLabel, valueNames, withWords } from '../requestSoFar';
import { countedOverLimit } from './countLimit';
import type { ServiceResponses } from '../serviceResponses';
import { attributeField, type SlotField, type Step } from './fields';
import type { LocationSlot } from './locationSlot';
import { attributeOf, type SlotState } from './slotState';

/** A choice at "What would you like to change?": the field it clears. */
export type ChangeChoice = Choice & { field: SlotField };

/**
 * What the request asks: each field's question (an attribute's by its datatype), the summary with
 * "Shall I send it?", and "What would you like to change?".
 */
export class SlotQuestions {
  constructor(
    private readonly responses: ServiceResponses,
    private readonly location: LocationSlot,
    private readonly now: () => Date,
  ) {}

  question(state: SlotState, step: Step): Reply {
    const r = this.responses;
    const a = attributeOf(state, step);
    if (a) return this.attributeQuestion(state, a);
    switch (step.kind) {
      case 'location':
        return this.location.question(state);
      case 'description':
        return r.askDescription();
      case 'contact':
        return r.askContact(state.config.contact === 'required');
      case 'name':
        return r.askName();
      case 'change':
        return r.whichChange(changeChoices(state, r).map((c) => c.name));
      default:
        return r.summary(this.summaryLines(state), summaryInvites(state));
    }
  }

  /** "changed the bin to Recycling (blue bin)", for "I've changed the bin to …". */
  changeLine(state: SlotState, a: ServiceAttribute): string {
    return this.responses.changedTo(state.config.labels?.[a.code] ?? `"${questionLabel(a)}"`, this.display(state, a));
  }

  private attributeQuestion(state: SlotState, a: ServiceAttribute): Reply {
    // More things counted than one booking takes: which to leave out (asked again until it fits).
    const over = a.datatype === 'multivaluelist' ? countedOverLimit(state, a.code) : undefined;
    if (over) return this.tooMany(state, a, over);
    const hint = a.datatype_description ? ` ${a.datatype_description}` : '';
    const skip = a.required ? [] : [this.responses.buttons.skip];
    if (a.datatype === 'multivaluelist' && state.multi.length) {
      return this.responses.multiAdded(
        valueNames(a, state.multi),
        (a.values ?? []).filter((v) => !state.multi.includes(v.key)).map((v) => v.name),
      );
    }
    if (a.datatype === 'singlevaluelist' || a.datatype === 'multivaluelist')
      return { text: `${a.description}${hint}`, choices: [...(a.values ?? []).map((v) => v.name), ...skip] };
    return { text: `${a.description}${hint}`, choices: skip.length ? skip : undefined };
  }

  /** "One booking takes up to 5 items, and that would be 6 (Sofa (2 sofas), …). Which would you like to leave out?" */
  tooMany(state: SlotState, a: ServiceAttribute, over: { wanted: number; max: number }): Reply {
    const chosen = state.answers[a.code];
    const keys = Array.isArray(chosen) ? chosen : [];
    return this.responses.tooManyCounted(
      over.max,
      over.wanted,
      keys.map((k) => withWords(valueNames(a, [k])[0], state.said?.[a.code]?.[k])),
    );
  }

  private display(state: SlotState, a: ServiceAttribute): string {
    return displayAnswer(state, a, today(this.now()), this.responses.locale, this.responses.notGiven());
  }

  /** What the request costs for the answers given (config `cost`), as a summary line; none when not known yet. */
  private costLine(state: SlotState): string[] {
    const cost = state.config.cost;
    const n = Number(state.answers[cost?.from ?? '']);
    if (!cost || !Number.isFinite(n) || state.answers[cost.from] === undefined) return [];
    const band = cost.bands.find((b) => b.up_to === undefined || n <= b.up_to);
    return band ? [this.responses.summaryAnswer(cost.label, band.say)] : [];
  }

  private summaryLines(state: SlotState): string[] {
    const c = state.contact;
    return this.responses.summaryLines({
      service: state.serviceName,
      // Each question by its short name ("Where it is: On the pavement"); the question itself where the service gives none.
      answers: [
        ...state.attributes.map((a) => {
          const label = state.config.labels?.[a.code];
          return label ? this.responses.summaryAnswer(label, this.display(state, a)) : `${questionLabel(a)} ${this.display(state, a)}`;
        }),
        ...this.costLine(state),
      ],
      place: state.location?.text,
      details: state.description ?? undefined,
      contact: c ? `${c.email ?? c.phone}${state.name ? `, ${[state.name.first, state.name.last].filter(Boolean).join(' ')}` : ''}` : undefined,
    });
  }
}

/** What the summary invites besides more details: optional contact details not given yet, or the name beside them. */
function summaryInvites(state: SlotState): 'contact' | 'name' | undefined {
  if (state.config.contact === 'optional' && !state.contact) return 'contact';
  return state.contact && state.name === undefined ? 'name' : undefined;
}

/**
 * What can be changed at the summary: each attribute (by its question, with no key a resident could
 * say), where it is, details, contact details.
 */
export function changeChoices(state: SlotState, responses: ServiceResponses): ChangeChoice[] {
  const names = responses.changeNames();
  return [
    ...state.attributes.map((a) => ({ key: '', name: questionLabel(a), field: attributeField(a.code) })),
    { key: 'location', name: names.location, field: { kind: 'location' } },
    { key: 'description', name: names.description, field: { kind: 'description' } },
    { key: 'contact', name: names.contact, field: { kind: 'contact' } },
  ];
}

/**
 * What the open question is about, for the `council.prompt` trace: the attribute's code, or for
 * the location `postcode`, `address` (pick or describe the house) or `location` (a street place).
 */
export function promptField(state: SlotState, step: Step): string {
  if (step.kind === 'attribute') return step.code;
  if (step.kind === 'location') {
    if (state.locationStage === 'choose') return 'address';
    if (state.config.location === 'street') return 'location';
    return state.locationStage === 'text' ? 'address' : 'postcode';
  }
  return step.kind;
}
