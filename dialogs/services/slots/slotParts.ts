import type { DialogContext } from 'botbuilder-dialogs';
import type { Entity } from '../../../intents/recognizer';
import type { Vocabulary } from '../../../knowledge/vocabulary';
import type { Outbox } from '../../../servicerequests/open311/outbox';
import type { MissedBinCheck } from '../../../servicerequests/waste/missedBinCheck';
import { sendReply } from '../../replies';
import type { Reply } from '../../responses';
import type { AddressLookup } from '../addressLookup';
import type { ServiceResponses } from '../serviceResponses';
import { ConfirmStep } from './confirmStep';
import { ContactInPassing } from './contactInPassing';
import { FieldAnswers } from './fieldAnswers';
import { CONFIRM, type Step } from './fields';
import { FirstMessage } from './firstMessage';
import { HouseBeside } from './houseBeside';
import { LocationSlot } from './locationSlot';
import { MessageAbsorber } from './messageAbsorber';
import { MessageReading, type MessageRead } from './messageReading';
import { MissedBinPrecheck } from './missedBinPrecheck';
import { PreChecks } from './preChecks';
import { RequestSubmitter } from './requestSubmitter';
import { SlotQuestions } from './slotQuestions';
import { isFreeText, progressOf, type SlotState } from './slotState';
import { MISSES_BEFORE_PERSON } from '../../misses';
import { streetPattern } from './streetPattern';

/** What the parts of a service request need from the rooms above. */
export interface SlotPartsDeps {
  addresses: AddressLookup;
  responses: ServiceResponses;
  /** The vocabulary (knowledge/messages/<locale>/vocabulary.yaml): how the answers are read (skip, "that's all", yes and no). */
  vocabulary: Vocabulary;
  outbox: Outbox;
  /** Called once a request is in the outbox (wakes the delivery worker). */
  onQueued: () => void;
  missedBin?: MissedBinCheck;
  now: () => Date;
  /** The gazetteer's street names: masked before reading a message ("The Green" is no green bin). */
  streets?: string[];
  /** The gazetteer's house names ("Fern Lodge"): masked before a name is read ("it is Fern Lodge, Albert Street" is no name). */
  houseNames?: string[];
}

/** The service request's parts, built once per dialog, and which of them takes the answer to each question. */
export class SlotParts {
  readonly location: LocationSlot;
  readonly questions: SlotQuestions;
  readonly absorber: MessageAbsorber;
  readonly firstMessage: FirstMessage;
  readonly reading: MessageReading;
  readonly preChecks: PreChecks;
  private readonly fields: FieldAnswers;
  readonly confirmStep: ConfirmStep;
  private readonly responses: ServiceResponses;

  constructor(deps: SlotPartsDeps) {
    this.responses = deps.responses;
    this.location = new LocationSlot(deps.addresses, deps.responses, deps.vocabulary);
    this.questions = new SlotQuestions(deps.responses, this.location, deps.now);
    // The answers are read in the responses' language (Welsh days and dates for cy-GB).
    this.absorber = new MessageAbsorber(
      this.questions,
      deps.responses,
      deps.now,
      streetPattern(deps.streets ?? [], deps.vocabulary),
      deps.vocabulary,
      deps.responses.locale,
    );
    const contact = new ContactInPassing(deps.vocabulary, streetPattern([...(deps.streets ?? []), ...(deps.houseNames ?? [])], deps.vocabulary));
    this.firstMessage = new FirstMessage(this.absorber, this.location, deps.now, contact, deps.vocabulary);
    this.reading = new MessageReading(contact, this.absorber, this.location, new HouseBeside(deps.vocabulary, deps.responses), deps.responses);
    this.preChecks = new PreChecks(deps.responses, new MissedBinPrecheck(deps.missedBin, deps.addresses, deps.responses, deps.now), this.questions);
    this.fields = new FieldAnswers(deps.responses, deps.vocabulary, this.questions, deps.now, deps.responses.locale);
    this.confirmStep = new ConfirmStep(
      deps.responses,
      deps.vocabulary,
      this.location,
      new RequestSubmitter(deps.outbox, deps.onQueued, deps.responses, deps.now),
      this.questions,
      contact,
    );
  }

  /**
   * The open question (`step`) answered by what is left of a message (`read`): a correction is never a yes (the
   * summary is shown again), and a message that was about other fields is not the answer to a free-text question
   * (asked again). Returns the reply when the answer cannot be used, or 'submitted' when the request was sent.
   */
  async answer(dc: DialogContext, state: SlotState, step: Step | undefined, read: MessageRead, entities: Entity[]): Promise<Reply | 'submitted' | undefined> {
    const { text, said, touched, ownOnly } = read;
    // Only contact details or a name, with more words ("They'll be in the front garden. My email is…"): those words answer a free-text question.
    const freeTextAnswered = isFreeText(state, step) && touched.size > 0 && !(ownOnly && text);
    const answered = (step?.kind === 'confirm' && touched.size > 0) || (step?.kind === 'attribute' && touched.has(step.code)) || freeTextAnswered;
    if (answered || !step) return undefined;
    // At the contact question, its reader finds the details in the whole message ("My number is 01632 960456, and my name
    // is Edna Marsh": the name's clause is left out of `text`, and the number's with it when they share a sentence).
    let problem = await this.accept(dc, state, step, step.kind === 'contact' ? read.message : text, entities);
    // The contact question's reader asks the name again for new details: not when it was said in the same message.
    if (step.kind === 'contact' && said.name && state.contact && state.name === undefined) state.name = said.name;
    // Details were taken from it: the question is asked again rather than called not understood.
    if (problem && problem !== 'submitted' && touched.size) problem = undefined;
    if (problem && problem !== 'submitted' && step.kind === 'confirm' && state.current?.kind === 'confirm')
      problem = this.responses.withSummary(problem, this.questions.question(state, CONFIRM));
    return problem;
  }

  /**
   * The reply to an answer that could not be used, counted as a miss unless it moved the request on (an item added to a
   * list, a postcode's addresses offered): after MISSES_BEFORE_PERSON misses in a row it offers a person.
   */
  missed(state: SlotState, before: string, problem: Reply): Reply {
    state.misses = progressOf(state) === before ? (state.misses ?? 0) + 1 : 0;
    return state.misses >= MISSES_BEFORE_PERSON ? this.responses.withPersonOffer(problem) : problem;
  }

  /** Takes the answer to the open question; returns a reply when the answer cannot be used (nothing is lost). */
  private async accept(dc: DialogContext, state: SlotState, step: Step, text: string, entities: Entity[]): Promise<Reply | 'submitted' | undefined> {
    switch (step.kind) {
      case 'location':
        // "7 High Street, AT1 1AA" at the postcode question: the house number picks the address.
        return this.location.accept(state, text, entities.find((e) => e.type === 'houseNumber')?.value, (found) => sendReply(dc.context, found));
      case 'change':
        return this.confirmStep.change(state, text);
      case 'confirm':
        return this.confirmStep.confirm(dc, state, text);
      default:
        return this.fields.accept(state, step, text, entities);
    }
  }
}
