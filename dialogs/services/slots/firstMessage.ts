import type { RecognizerResult } from '../../../intents/recognizer';
import { pastWeekday, today } from '../answers';
import { dateFits } from './readers/dateReader';
import { measureIn } from './readers/numberReader';
import type { AnswerWords } from '../answerWords';
import type { ContactInPassing } from './contactInPassing';
import type { FirstPlaceReply, LocationSlot } from './locationSlot';
import type { MessageAbsorber } from './messageAbsorber';
import type { SlotState } from './slotState';

/**
 * The message that started the request ("my green bin wasn't collected on Monday, AT1 1AA"): every
 * field it holds is taken (bin type, date, items and counts, sizes, the place, contact details and a
 * name) before the first question.
 */
export class FirstMessage {
  constructor(
    private readonly absorber: MessageAbsorber,
    private readonly location: LocationSlot,
    private readonly now: () => Date,
    private readonly contact: ContactInPassing,
    /** The vocabulary: a weekday named on its own (`weekday_start` …), the day just gone in a report. */
    private readonly vocabulary: AnswerWords,
  ) {}

  /** Fills what the message holds; returns what the place found needs said first, if anything. */
  read(state: SlotState, opening?: RecognizerResult): FirstPlaceReply | undefined {
    // Contact details and a name are taken too, and left out of what is read for the rest.
    const said = opening?.text ? this.contact.read(opening.text) : undefined;
    if (said) this.contact.take(state, said);
    const recognized = opening && said ? { ...opening, text: said.rest } : opening;
    const entities = recognized?.entities ?? [];
    // Every field the first message holds (bin, date, items and counts, sizes, yes/no phrases…).
    if (recognized?.text) this.absorber.absorb(state, recognized.text);
    for (const a of state.attributes) {
      if (a.code in state.answers) continue;
      if (a.datatype === 'singlevaluelist' || a.datatype === 'multivaluelist') {
        const values = a.values ?? [];
        const hits = entities.flatMap((e) =>
          values.filter((v) => v.key.toLowerCase() === e.value.toLowerCase() || v.name.toLowerCase() === e.value.toLowerCase()),
        );
        if (hits.length === 1 || (hits.length > 1 && a.datatype === 'multivaluelist'))
          state.answers[a.code] = a.datatype === 'multivaluelist' ? hits.map((h) => h.key) : hits[0].key;
      } else if (a.datatype === 'number' && !state.config.limits[a.code]) {
        // "about 30cm wide" answers "About how wide is it, in centimetres?".
        const measure = measureIn(recognized?.text ?? '', a.description);
        if (measure !== undefined) state.answers[a.code] = String(measure);
      } else if (a.datatype === 'datetime') {
        const date = entities.find((e) => e.type === 'date' && /^\d{4}-\d{2}-\d{2}/.test(e.value));
        const found = date?.value.slice(0, 10);
        const todayDate = today(this.now());
        // "on Monday" in a report means the Monday just gone, even if the extractor looked ahead.
        const value = found && state.config.dates === 'past' ? pastWeekday(found, date!.text, todayDate, this.vocabulary) : found;
        if (value && dateFits(value, state.config.dates, todayDate)) state.answers[a.code] = value;
      }
    }
    return this.location.fromFirstMessage(state, recognized?.text ?? '', entities);
  }
}
