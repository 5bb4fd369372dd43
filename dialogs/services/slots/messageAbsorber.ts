import { today } from '../answers';
import { withWords, valueNames } from '../requestSoFar';
import { SlotReader, totalSaid, type Reading } from '../slotReader';
import { dateFits } from './readers/dateReader';
import { numberFits, numberRange } from './readers/numberReader';
import { plainList } from './readers/choiceReaders';
import { saysCorrection } from './corrections';
import { countedOverLimit, listIsCounted } from './countLimit';
import type { Vocabulary } from '../../../knowledge/vocabulary';
import type { SlotQuestions } from './slotQuestions';
import type { ServiceResponses } from '../serviceResponses';
import { sameAnswer, type SlotState } from './slotState';

/**
 * Every message is read for every attribute: new details are taken, a different value replaces the
 * old one when said as a correction, and what changed is said back.
 */
export class MessageAbsorber {
  constructor(
    private readonly questions: SlotQuestions,
    /** Its words for what changed ("I've taken … off", "I've added …"). */
    private readonly responses: ServiceResponses,
    private readonly now: () => Date,
    /** The gazetteer's street names: masked before reading a message ("The Green" is no green bin). */
    private readonly streets: RegExp | undefined,
    /**
     * The vocabulary (knowledge/messages/<locale>/vocabulary.yaml): a correction (`detail_corrected`), words that take
     * back what a list held (`only`: "only the sofa") or add to it (`also`: "the lid is cracked too").
     */
    private readonly vocabulary: Vocabulary,
    /** The assistant's language: 'cy-GB' also reads Welsh dates in any message. */
    private readonly locale = 'en-GB',
  ) {}

  /**
   * Takes every field `text` holds: one not yet given is filled; one given with another value is
   * replaced ("sorry, I meant the blue bin"), and said back. Returns what changed (for "I've
   * changed …") and which attributes the message set.
   */
  absorb(state: SlotState, text: string): { changed: string[]; touched: Set<string> } {
    const current = state.current?.kind === 'attribute' ? state.current.code : undefined;
    const taken = new Set(Object.keys(state.answers).filter((k) => state.answers[k] !== ''));
    const readings = this.reader(state).read(text, current, taken);
    // "we'll take the fridge to the tip ourselves, so it's the sofa, a bed and the table": the list said again after the
    // vocabulary's `list_restated` is the whole list (what came before it is not).
    const restated = this.restated(text);
    const relisted = new Set<string>();
    if (restated)
      for (const [code, r] of this.reader(state).read(restated, current, taken))
        if (state.attributes.find((a) => a.code === code)?.datatype === 'multivaluelist') {
          readings.set(code, r);
          relisted.add(code);
        }
    const touched = new Set<string>();
    const recounted = new Set<string>();
    const changed: string[] = [];
    const said = (state.said ??= {});
    const counts = (state.counts ??= {});
    const todayDate = today(this.now());
    const open = state.current?.kind;
    // A different value replaces one given before only when said as a correction ("sorry, I meant…",
    // "not Tuesday, Wednesday"), or at "Shall I send it?": "the grey bin's lid is cracked too" is a detail.
    // At the summary, "too"/"also" says it is about something else as well ("the grey bin next to
    // it has a cracked lid too"): a detail for the report, not a change.
    const keepGiven =
      !saysCorrection(text, this.vocabulary) && ((open !== 'confirm' && open !== 'change') || (open === 'confirm' && this.vocabulary.also.test(text)));
    for (const a of state.attributes) {
      const r = readings.get(a.code);
      if (!r) continue;
      const old = state.answers[a.code];
      if (keepGiven && old !== undefined && a.datatype !== 'multivaluelist') continue;
      let value = r.value;
      if (a.datatype === 'multivaluelist') {
        // Over what one booking takes: "ok leave the tv then" takes the things it names off the list.
        if (Array.isArray(old) && !relisted.has(a.code) && countedOverLimit(state, a.code) && this.vocabulary.list_takes_off.test(text)) {
          const left = old.filter((k) => !(r.value as string[]).includes(k));
          if (!left.length || left.length === old.length) continue;
          const gone = old.filter((k) => !left.includes(k));
          state.answers[a.code] = left;
          touched.add(a.code);
          changed.push(this.responses.takenOff(gone.map((k) => withWords(valueNames(a, [k])[0], said[a.code]?.[k])).join(', '), state.config.labels?.[a.code]));
          continue;
        }
        // "sofa, fridge" at the list's own question: one at a time, with "anything else?".
        if (current === a.code && !relisted.has(a.code) && plainList(a, text, this.vocabulary)) continue;
        const base = Array.isArray(old) ? old : current === a.code ? state.multi : [];
        // More things are added ("there's a sofa there too now"); things are taken off only in a correction or a list said again.
        const kept = relisted.has(a.code) ? [] : keepGiven ? base : this.vocabulary.only.test(text) ? [] : base.filter((k) => !(r.dropped ?? []).includes(k));
        value = [...new Set([...kept, ...(value as string[])])];
        const max = state.config.limits[a.code]?.max;
        // Too many: the question says so; a list a number counts is kept, and the resident asked which to leave out.
        if (max !== undefined && value.length > max && !listIsCounted(state, a.code)) continue;
      }
      if (value === '' && old !== undefined) continue;
      if (a.datatype === 'datetime' && !dateFits(String(value), state.config.dates, todayDate)) continue;
      if (a.datatype === 'number' && !this.fits(state, a.code, Number(value))) continue;
      // The words for each value build up ("carpet", later "paint tins"), except after "only"/"just".
      const previous =
        Array.isArray(value) && !this.vocabulary.only.test(text)
          ? Object.fromEntries(Object.entries(said[a.code] ?? {}).filter(([k]) => value.includes(k)))
          : {};
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
        if (open === 'confirm') touched.add(a.code);
        continue;
      }
      touched.add(a.code);
      if (current === a.code) state.multi = [];
      if (old === undefined || old === '') continue;
      const added = Array.isArray(old) && Array.isArray(value) && old.every((k) => value.includes(k)) && value.length > old.length;
      // More of a list ("there's a sofa there too now") is an addition, anything else a change.
      if (added) {
        const fresh = (value as string[]).filter((k) => !old.includes(k));
        changed.push(this.responses.addedTo(fresh.map((k) => withWords(valueNames(a, [k])[0], said[a.code]?.[k])).join(', '), state.config.labels?.[a.code]));
      } else changed.push(this.questions.changeLine(state, a));
    }
    this.recount(state, readings, touched, recounted, changed);
    this.estimate(state, text, readings, touched);
    if (touched.size) state.prechecked = false; // the missed-bin check runs again on the new values
    return { changed, touched };
  }

  /** The words after the last of the vocabulary's `list_restated` ("so it's …"), when there are any. */
  private restated(text: string): string | undefined {
    const all = [...text.matchAll(new RegExp(this.vocabulary.list_restated.source, 'gi'))];
    const last = all.at(-1);
    const rest = last ? text.slice((last.index ?? 0) + last[0].length).trim() : '';
    return rest || undefined;
  }

  private reader(state: SlotState): SlotReader {
    const countOf: Record<string, string> = {};
    for (const [code, limit] of Object.entries(state.config.limits)) if (typeof limit.min === 'string') countOf[limit.min] = code;
    const now = this.now();
    return new SlotReader(state.attributes, state.config.understands ?? {}, {
      dates: state.config.dates,
      countOf,
      streets: this.streets,
      today: today(now),
      now,
      locale: this.locale,
      vocabulary: this.vocabulary,
      urgentValues: urgentValues(state),
    });
  }

  /** The number of items follows the things said ("2 armchairs and a fridge", later "make that 3 armchairs"). */
  private recount(state: SlotState, readings: Map<string, Reading>, touched: Set<string>, recounted: Set<string>, changed: string[]): void {
    const counts = state.counts ?? {};
    for (const [countCode, limit] of Object.entries(state.config.limits)) {
      if (typeof limit.min !== 'string') continue;
      const list = limit.min;
      if (readings.has(countCode) || !(touched.has(list) || recounted.has(list))) continue;
      const chosen = state.answers[list];
      const each = Array.isArray(chosen) ? chosen.map((k) => counts[list]?.[k]) : [];
      const old = state.answers[countCode];
      const sum = each.length && each.every((n) => n !== undefined) ? each.reduce((t, n) => t + n, 0) : undefined;
      if (sum !== undefined && this.fits(state, countCode, sum) && old !== String(sum)) {
        state.answers[countCode] = String(sum);
        touched.add(countCode);
        if (old !== undefined)
          changed.push(
            this.questions.changeLine(
              state,
              state.attributes.find((x) => x.code === countCode)!,
            ),
          );
      } else if (sum === undefined && old !== undefined && !this.fits(state, countCode, Number(old))) delete state.answers[countCode];
    }
  }

  /** Answers estimated from what was counted (config `estimates`): "8 black bags and a tyre" is a car boot load. */
  private estimate(state: SlotState, text: string, readings: Map<string, Reading>, touched: Set<string>): void {
    for (const [code, est] of Object.entries(state.config.estimates ?? {})) {
      if (state.answers[code] !== undefined || readings.has(code)) continue;
      const chosen = state.answers[est.from];
      const counted = state.counts?.[est.from] ?? {};
      let total: number | undefined;
      // A number said for the things ("15 bags"), not only "a" or "an" ("a load of rubbish" is no count).
      if (Array.isArray(chosen) && chosen.some((k) => (counted[k] ?? 0) > 1)) total = chosen.reduce((t, k) => t + (counted[k] ?? 1), 0);
      // "just them 2 things" when asked how much; "asbestos sheets, maybe 6 or 7 of them" with the things themselves.
      if (total === undefined && ((state.current?.kind === 'attribute' && state.current.code === code) || readings.has(est.from)))
        total = totalSaid(text, this.vocabulary);
      if (total === undefined) continue;
      const band = est.bands.find((b) => b.up_to === undefined || total <= b.up_to);
      if (!band) continue;
      state.answers[code] = band.value;
      touched.add(code);
    }
  }

  private fits(state: SlotState, code: string, n: number): boolean {
    return numberFits(n, numberRange(state.config.limits[code], state.answers));
  }
}

/** "carpet" then "paint tins": both; "2 armchairs" then "3 armchairs": the new count replaces the old words. */
function mergeWords(before: string | undefined, now: string, counted: boolean): string {
  if (!before || counted) return now;
  return [...new Set([...before.split(', '), ...now.split(', ')])].join(', ');
}

/** The values of one-choice attributes that the config's urgent advice is said for, in the rules' order (see SlotReaderOptions). */
function urgentValues(state: SlotState): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const rule of state.config.urgent ?? []) {
    const entries = Object.entries(rule.when);
    if (entries.length !== 1) continue;
    const [code, key] = entries[0];
    if (state.attributes.find((a) => a.code === code)?.datatype === 'singlevaluelist') out[code] = [...new Set([...(out[code] ?? []), key])];
  }
  return out;
}
