import type { Entity } from '../../../intents/recognizer';
import type { Vocabulary } from '../../../knowledge/vocabulary';
import type { ServiceAttribute } from '../../../servicerequests/open311/types';
import type { Reply } from '../../responses';
import type { ServiceResponses } from '../serviceResponses';
import { attributeField, type SlotField } from './fields';
import { readMultiChoice, readSingleChoice } from './readers/choiceReaders';
import { readContactAnswer } from './readers/contactReader';
import { readDate } from './readers/dateReader';
import { numberRange, readNumber } from './readers/numberReader';
import type { Reading } from './readers/reading';
import { readDescription, readName, readText } from './readers/textReaders';
import type { SlotQuestions } from './slotQuestions';
import { attributeOf, type Answer, type SlotState } from './slotState';

/**
 * Takes the answer to an attribute, the details, contact details or the name: read by the
 * datatype's reader, kept in the state; a reply when it cannot be used (nothing is lost).
 */
export class FieldAnswers {
  constructor(
    private readonly responses: ServiceResponses,
    /** The vocabulary (knowledge/messages/<locale>/vocabulary.yaml): skip, "that's all", a yes or no said first. */
    private readonly vocabulary: Vocabulary,
    private readonly questions: SlotQuestions,
    private readonly now: () => Date,
    /** The assistant's language: 'cy-GB' also reads Welsh dates (see readDate). */
    private readonly locale = 'en-GB',
  ) {}

  /** `entities`: the recognizer's for this message; a choice list takes a bin type it names (see readSingleChoice). */
  accept(state: SlotState, field: Exclude<SlotField, { kind: 'location' }>, text: string, entities: readonly Entity[] = []): Reply | undefined {
    const r = this.responses;
    switch (field.kind) {
      case 'attribute': {
        const a = attributeOf(state, field);
        return a ? this.attribute(state, a, text, entities) : undefined;
      }
      case 'description':
        return keep(readDescription(text, r, this.vocabulary), (value) => (state.description = value));
      case 'contact':
        return keep(readContactAnswer(text, state.config.contact, r, this.vocabulary), (value) => {
          const before = state.contact;
          state.contact = value;
          // Anonymous: no name either; other contact details than before: the name given with those is not kept. A name
          // said before there were any ("My name is Edna Marsh, …") stays.
          if (value === null) state.name = null;
          else if (before || state.name === null) state.name = undefined;
        });
      case 'name':
        return keep(readName(text, r, this.vocabulary), (value) => (state.name = value));
    }
  }

  private attribute(state: SlotState, a: ServiceAttribute, text: string, entities: readonly Entity[]): Reply | undefined {
    const r = this.responses;
    const answer = (value: Answer) => (state.answers[a.code] = value);
    switch (a.datatype) {
      case 'multivaluelist': {
        const read = readMultiChoice(text, a, state.multi, state.config.limits[a.code]?.max, r, this.vocabulary);
        if ('building' in read) {
          state.multi = read.building;
          return this.questions.question(state, attributeField(a.code));
        }
        return keep(read, (value) => {
          answer(value);
          state.multi = [];
        });
      }
      case 'singlevaluelist':
        return keep(readSingleChoice(text, a, r, this.vocabulary, entities, this.locale === 'cy-GB'), answer);
      case 'number':
        return keep(
          readNumber(text, a.required, a.datatype_description ?? '', numberRange(state.config.limits[a.code], state.answers), r, this.vocabulary),
          answer,
        );
      case 'datetime':
        return keep(readDate(text, a.required, state.config.dates, this.now(), r, this.vocabulary, this.locale), answer);
      default:
        return keep(readText(text, a.datatype === 'text' ? 'text' : 'string', a.required, r, this.vocabulary), answer);
    }
  }
}

/** Keeps a reading's value; the problem's reply otherwise. */
function keep<T>(read: Reading<T>, store: (value: T) => void): Reply | undefined {
  if ('problem' in read) return read.problem;
  store(read.value);
  return undefined;
}
