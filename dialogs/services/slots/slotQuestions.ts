import type { ServiceAttribute } from '../../../servicerequests/open311/types';
import type { Reply } from '../../responses';
import { today, type Choice } from '../answers';
import { displayAnswer, questionLabel, valueNames } from '../requestSoFar';
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
        return r.whichChange(changeChoices(state).map((c) => c.name));
      default:
        return r.summary(this.summaryLines(state), state.config.contact === 'optional' && !state.contact);
    }
  }

  /** "Bin: Recycling (blue bin)", for "I've changed the bin to …". */
  changeLine(state: SlotState, a: ServiceAttribute): string {
    return `${state.config.labels?.[a.code] ?? `"${questionLabel(a)}"`} to ${this.display(state, a)}`;
  }

  private attributeQuestion(state: SlotState, a: ServiceAttribute): Reply {
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

  private display(state: SlotState, a: ServiceAttribute): string {
    return displayAnswer(state, a, today(this.now()), this.responses.locale);
  }

  private summaryLines(state: SlotState): string[] {
    const lines = [`Service: ${state.serviceName}`];
    for (const a of state.attributes) lines.push(`${questionLabel(a)} ${this.display(state, a)}`);
    lines.push(`Where: ${state.location?.text ?? 'not given'}`);
    lines.push(`Details: ${state.description || 'none'}`);
    const c = state.contact;
    lines.push(
      `Contact: ${c ? `${c.email ?? c.phone}${state.name ? `, ${[state.name.first, state.name.last].filter(Boolean).join(' ')}` : ''}` : 'anonymous'}`,
    );
    return lines;
  }
}

/**
 * What can be changed at the summary: each attribute (by its question, with no key a resident could
 * say), where it is, details, contact details.
 */
export function changeChoices(state: SlotState): ChangeChoice[] {
  return [
    ...state.attributes.map((a) => ({ key: '', name: questionLabel(a), field: attributeField(a.code) })),
    { key: 'location', name: 'Where it is', field: { kind: 'location' } },
    { key: 'description', name: 'Details', field: { kind: 'description' } },
    { key: 'contact', name: 'Contact details', field: { kind: 'contact' } },
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
