import type { CouncilProfile } from '../../knowledge/councilProfile';
import { MessageTexts, type MessageWords } from '../../knowledge/messageFile';
import { SERVICE_MESSAGES } from '../../knowledge/messageFiles';
import type { Reply } from '../responses';
import type { Buttons } from '../../knowledge/buttons';
import { DEFAULT_LOCALE } from '../../knowledge/intentMessages';
import type { Locale } from '../../knowledge/locales';
import { spokenDate } from '../../servicerequests/waste/calendar';

/**
 * Everything the service-request, bin-day and case-status conversations say: the words are content
 * (knowledge/messages/<locale>/services.yaml), put together here with their buttons.
 */
export class ServiceResponses {
  private readonly words: MessageTexts<typeof SERVICE_MESSAGES.spec>;

  constructor(
    private readonly council: CouncilProfile,
    /** The buttons' titles (knowledge/messages/<locale>/buttons.yaml): the answer readers recognise a button pressed by the same words. */
    readonly buttons: Buttons,
    /** The words (knowledge/messages/<locale>/services.yaml). */
    words: MessageWords<typeof SERVICE_MESSAGES.spec> = SERVICE_MESSAGES.shipped(),
    /** The language these words are in: dates and numbers are written the way it writes them. */
    readonly locale: Locale = DEFAULT_LOCALE,
  ) {
    this.words = new MessageTexts(words, council);
  }

  /** A calendar date (YYYY-MM-DD) as this language says it: "Monday 7 December", "Dydd Llun, 7 Rhagfyr" (the year when not `today`'s). */
  spokenDate(date: string, today?: string): string {
    return spokenDate(date, today, this.locale);
  }

  unavailable(serviceName?: string): Reply {
    const what = serviceName ? this.words.say('unavailable_start_report', { service: serviceName.toLowerCase() }) : this.words.say('unavailable_do_that');
    return { text: this.words.say('unavailable', { what }) };
  }

  starting(serviceName: string): Reply {
    return { text: this.words.say('starting', { service: serviceName }) };
  }

  askPostcode(kind: 'address' | 'street'): Reply {
    return { text: this.words.say(kind === 'address' ? 'ask_postcode_address' : 'ask_postcode_street') };
  }

  invalidPostcode(): Reply {
    return { text: this.words.say('invalid_postcode') };
  }

  outsideArea(postcode: string): Reply {
    return { text: this.words.say('outside_area', { postcode }) };
  }

  noAddresses(postcode: string, kind: 'address' | 'street'): Reply {
    return {
      text: this.words.say('no_addresses', { postcode, orDescribe: kind === 'street' ? this.words.say('no_addresses_or_describe') : '' }),
      choices: kind === 'address' ? [this.buttons.address_not_listed] : undefined,
    };
  }

  needPostcode(): Reply {
    return { text: this.words.say('need_postcode'), choices: [this.buttons.address_not_listed] };
  }

  chooseAddress(postcode: string, addresses: string[]): Reply {
    return { text: this.words.say('choose_address', { postcode }), choices: [...addresses, this.buttons.address_not_listed] };
  }

  /** An address found from the street the resident named ("6 fenwik rd"), shown so they can see it was understood. */
  addressFound(address: string): Reply {
    return { text: this.words.say('address_found', { address }) };
  }

  /** Where a street problem is, read from the first message ("On London Road outside no 15"). */
  placeFound(place: string): Reply {
    return { text: this.words.say('place_found', { place }) };
  }

  chooseOnStreet(street: string, addresses: string[]): Reply {
    return { text: this.words.say('choose_on_street', { street }), choices: [...addresses, this.buttons.address_not_listed] };
  }

  /** The same house number or name on several streets. */
  chooseAmong(addresses: string[]): Reply {
    return { text: this.words.say('choose_among'), choices: [...addresses, this.buttons.address_not_listed] };
  }

  /** A misspelt street name as close to two streets, or one name in two places. */
  chooseStreet(streets: string[]): Reply {
    return { text: this.words.say('choose_street'), choices: [...streets, this.buttons.address_not_listed] };
  }

  numberNotOnStreet(number: string, street: string, addresses: string[]): Reply {
    return { text: this.words.say('number_not_on_street', { number, street }), choices: [...addresses, this.buttons.address_not_listed] };
  }

  addressNotMatched(): Reply {
    return { text: this.words.say('address_not_matched') };
  }

  askLocationText(): Reply {
    return { text: this.words.say('ask_location_text') };
  }

  locationTooShort(): Reply {
    return { text: this.words.say('location_too_short') };
  }

  invalidChoice(options: string[]): Reply {
    return { text: this.words.say('invalid_choice', { options: options.join(', ') }), choices: options };
  }

  multiAdded(added: string[], remaining: string[]): Reply {
    return { text: this.words.say('multi_added', { added: added.join(', '), done: this.buttons.done }), choices: [...remaining, this.buttons.done] };
  }

  multiUnknown(unknown: string[], options: string[]): Reply {
    return { text: this.words.say('multi_unknown', { unknown: unknown.map((u) => `"${u}"`).join(', '), options: options.join(', ') }), choices: options };
  }

  tooManyChoices(max: number, wanted: number, sofar: string[]): Reply {
    const soFar = sofar.length ? this.words.say('too_many_choices_so_far', { chosen: sofar.join(', ') }) : '';
    return { text: this.words.say('too_many_choices', { max, wanted, soFar }) };
  }

  numberOutOfRange(min: number, max: number | undefined, chosen?: number): Reply {
    const range = max === undefined ? this.words.say('number_range_at_least', { min }) : this.words.say('number_range_between', { min, max });
    return {
      text: this.words.say('number_out_of_range', {
        range,
        chosen: chosen ? this.words.say(chosen === 1 ? 'number_chosen_one' : 'number_chosen_other', { chosen }) : '',
      }),
    };
  }

  needAtLeastOne(): Reply {
    return { text: this.words.say('need_at_least_one') };
  }

  invalidNumber(hint: string): Reply {
    return { text: this.words.say('invalid_number', { hint: hint ? this.words.say('invalid_number_hint', { hint }) : '' }) };
  }

  invalidDate(): Reply {
    return { text: this.words.say('invalid_date') };
  }

  futureDate(date: string): Reply {
    return { text: this.words.say('future_date', { date }) };
  }

  pastDate(date: string): Reply {
    return { text: this.words.say('past_date', { date }) };
  }

  required(): Reply {
    return { text: this.words.say('required') };
  }

  tooLong(limit: number, length: number): Reply {
    return { text: this.words.say('too_long', { length: length.toLocaleString(this.locale), limit: limit.toLocaleString(this.locale) }) };
  }

  askDescription(): Reply {
    return { text: this.words.say('ask_description'), choices: [this.buttons.skip] };
  }

  askContact(required: boolean): Reply {
    return required
      ? { text: this.words.say('ask_contact_required') }
      : { text: this.words.say('ask_contact_optional'), choices: [this.buttons.stay_anonymous] };
  }

  invalidContact(required: boolean): Reply {
    return { text: this.words.say('invalid_contact'), choices: required ? undefined : [this.buttons.stay_anonymous] };
  }

  askName(): Reply {
    return { text: this.words.say('ask_name') };
  }

  /**
   * `invite`: `contact` when contact details are optional and not given yet (the summary says how to add them); `name`
   * when there are contact details and no name (it is not asked).
   */
  summary(lines: string[], invite?: 'contact' | 'name'): Reply {
    const said = this.words.say(invite === 'contact' ? 'summary_invite_contact' : invite === 'name' ? 'summary_invite_name' : 'summary_invite');
    return {
      text: this.words.say('summary', { lines: lines.map((line) => this.words.say('summary_line', { line })).join('\n'), invite: said }),
      choices: [this.buttons.send_it, this.buttons.change_something, this.buttons.cancel],
    };
  }

  /** One clause of `changed`: "changed the bin to Garden waste (green bin)". */
  changedTo(what: string, value: string): string {
    return this.words.say('changed_to', { what, value });
  }

  /** One clause of `changed`: "added Sofa to the items" (`list`: the list's label; "the list" without one). */
  addedTo(items: string, list?: string): string {
    return this.words.say('added_to', { items, list: list ?? this.words.say('the_list') });
  }

  /** One clause of `changed`: "taken Television off the items". */
  takenOff(items: string, list?: string): string {
    return this.words.say('taken_off', { items, list: list ?? this.words.say('the_list') });
  }

  /** Things counted over what one booking takes, said at once: which to leave out. */
  tooManyCounted(max: number, wanted: number, chosen: string[]): Reply {
    return { text: this.words.say('too_many_counted', { max, wanted, chosen: chosen.join(', ') }) };
  }

  /** One clause of `changed`: words typed at "Shall I send it?" kept as details. */
  addedToDetails(): string {
    return this.words.say('added_to_details');
  }

  /** Contact details taken from a message, in "I've …". */
  addedContact(): string {
    return this.words.say('added_contact');
  }

  /** The place, in "changed … to …": a home's address, or where a street problem is. */
  placeName(kind: 'address' | 'street'): string {
    return this.words.say(kind === 'address' ? 'the_address' : 'the_place');
  }

  /** An answer not given, as the summary shows it. */
  notGiven(): string {
    return this.words.say('summary_not_given');
  }

  /** The summary's lines: the service, its questions and answers (as given), the place, the details and the contact. */
  summaryLines(parts: { service: string; answers: string[]; place?: string; details?: string; contact?: string }): string[] {
    return [
      this.words.say('summary_service', { service: parts.service }),
      ...parts.answers,
      this.words.say('summary_where', { place: parts.place ?? this.notGiven() }),
      this.words.say('summary_details', { details: parts.details || this.words.say('summary_no_details') }),
      this.words.say('summary_contact', { contact: parts.contact ?? this.words.say('summary_anonymous') }),
    ];
  }

  /** One of the service's questions in the summary, by its short name: "Where it is: On the pavement". */
  summaryAnswer(label: string, answer: string): string {
    return this.words.say('summary_answer', { label: label.charAt(0).toLocaleUpperCase(this.locale) + label.slice(1), answer });
  }

  /** The choices at "What would you like to change?" after the service's own questions. */
  changeNames(): { location: string; description: string; contact: string } {
    return { location: this.words.say('change_location'), description: this.words.say('change_description'), contact: this.words.say('change_contact') };
  }

  /** Details the resident corrected or added: "I've changed the bin to Garden waste (green bin)." (clauses: "changed …", "added …") */
  changed(clauses: string[]): Reply {
    // "changed the width to 60 and the depth to 12": a verb said once for the clauses in a row that share it.
    const parts = clauses.map((c, i) => (i > 0 && c.split(' ')[0] === clauses[i - 1].split(' ')[0] ? c.slice(c.indexOf(' ') + 1) : c));
    const changes = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} ${this.words.say('list_and')} ${parts.at(-1)}` : parts[0];
    return { text: this.words.say('changed', { changes }) };
  }

  /** A no at "Shall I send it?" ("nah leave it"). */
  notSent(serviceName: string): Reply {
    return { text: this.words.say('not_sent', { service: serviceName.toLowerCase() }) };
  }

  /** A bare "No thanks." at a summary that invites contact details: send it without them, or not at all? */
  confirmNoThanks(): Reply {
    return { text: this.words.say('confirm_no_thanks', { sendIt: this.buttons.send_it, cancel: this.buttons.cancel }) };
  }

  confirmNotUnderstood(): Reply {
    return {
      text: this.words.say('confirm_not_understood', {
        sendIt: this.buttons.send_it,
        changeSomething: this.buttons.change_something,
        cancel: this.buttons.cancel,
      }),
      choices: [this.buttons.send_it, this.buttons.change_something, this.buttons.cancel],
    };
  }

  whichChange(fields: string[]): Reply {
    return { text: this.words.say('which_change'), choices: fields };
  }

  submitted(reference: string, notice: string): Reply {
    return { text: this.words.say('submitted', { reference, notice: notice ? `${notice} ` : '' }) };
  }

  /** A second "yes" to the same summary (sent twice, or from two windows): nothing new is filed. */
  alreadySubmitted(reference: string): Reply {
    return { text: this.words.say('already_submitted', { reference }) };
  }

  officialReference(local: string, official: string, notice: string): string {
    return this.words.say('official_reference', { local, official, notice: notice ? ` ${notice}` : '' });
  }

  precheckRefused(message: string, next?: string): Reply {
    return { text: this.words.say('precheck_refused', { message, next: next ? ` ${next}` : '' }) };
  }

  /** Safety advice from knowledge/service-requests.yaml (`urgent`). */
  urgent(say: string): Reply {
    return { text: this.withCouncilNumbers(say) };
  }

  /** Words from knowledge/service-requests.yaml (`urgent`, `refuse`) with {phone} and {outOfHoursPhone} filled in from the council profile. */
  withCouncilNumbers(say: string): string {
    return say.replaceAll('{phone}', this.council.phone).replaceAll('{outOfHoursPhone}', this.council.outOfHoursPhone);
  }

  /** An answer not understood twice in a row: the same problem, and a way out to a person. */
  /** A question with the person button under it too: for a resident who asked for a person and carries on meanwhile. */
  withPersonButton(question: Reply): Reply {
    const choices = question.choices ?? [];
    return choices.includes(this.buttons.talk_to_person) ? question : { ...question, choices: [...choices, this.buttons.talk_to_person] };
  }

  /** A message at "Shall I send it?" that was neither a yes, a no nor a change: said so, and the summary again (it may not have been seen). */
  withSummary(problem: Reply, summary: Reply): Reply {
    return { text: `${problem.text}\n\n${summary.text}`, choices: summary.choices ?? problem.choices };
  }

  withPersonOffer(problem: Reply): Reply {
    return { text: this.words.say('with_person_offer', { problem: problem.text }), choices: [...(problem.choices ?? []), this.buttons.talk_to_person] };
  }

  /** A bin day asked for an address not in the council's address list. */
  binDayNotListed(): Reply {
    return { text: this.words.say('bin_day_not_listed') };
  }

  /**
   * The next collection of each bin at an address (none: its round was not found). Dates are in words already.
   * `following`: the collection after the next of the one bin the question named.
   */
  binDays(address: string, collections: BinDayCollection[], following?: BinDayCollection): Reply {
    if (!collections.length) return { text: this.words.say('bin_day_no_round', { address }) };
    const line = (c: BinDayCollection, key: 'bin_day_line' | 'bin_day_following') =>
      this.words.say(key, {
        container: c.container,
        when: c.today ? this.words.say('bin_day_today', { date: c.date }) : c.date,
        change: c.usual ? this.words.say('bin_day_changed', { usual: c.usual.date, reason: c.usual.reason }) : '',
      });
    const lines = collections.map((c) => line(c, 'bin_day_line'));
    if (following) lines.push('', line(following, 'bin_day_following'));
    return { text: this.words.say('bin_day_collections', { address, lines: lines.join('\n') }) };
  }

  /** "What's the reference number?" */
  askReference(): Reply {
    return { text: this.words.say('case_ask_reference') };
  }

  notAReference(): Reply {
    return { text: this.words.say('case_not_a_reference') };
  }

  /**
   * A report as the council's system has it, in a sentence or a few: its state (`status`, Open311's
   * or mySociety's; one it made up is said as open, or closed when `closed`), the council's notes,
   * when it is expected to be dealt with, the latest update (its words, else its state) or when it
   * last changed. Dates are in words already.
   */
  caseStatus(report: {
    service?: string;
    reference: string;
    chatReference?: string;
    status: string;
    closed: boolean;
    notes?: string;
    expected?: string;
    update?: { date: string; words?: string; status: string };
    lastChanged?: string;
  }): string {
    const parts = [
      this.words.say('case_status', {
        service: report.service ?? this.words.say('case_your_report'),
        reference: report.reference,
        chatReference: report.chatReference ? this.words.say('case_chat_reference', { reference: report.chatReference }) : '',
        status: this.statusWords(report.status) ?? this.words.say(report.closed ? 'status_closed' : 'status_open'),
      }),
    ];
    if (report.notes !== undefined) parts.push(this.words.say('case_notes', { notes: report.notes }));
    if (report.expected) parts.push(this.words.say('case_expected', { date: report.expected }));
    if (report.update)
      parts.push(
        this.words.say('case_latest_update', {
          date: report.update.date,
          update: report.update.words ?? this.statusWords(report.update.status) ?? report.update.status,
        }),
      );
    else if (report.lastChanged) parts.push(this.words.say('case_last_changed', { date: report.lastChanged }));
    return parts.join(' ');
  }

  /** A state in plain words (OPEN, IN_PROGRESS, FIXED…), or undefined for a state the council's system made up. */
  private statusWords(status: string): string | undefined {
    const id = CASE_STATES[status];
    return id ? this.words.say(id) : undefined;
  }
}

/** Each state of Open311 and mySociety's extended statuses, as it is written, and the message that says it in plain words. */
const CASE_STATES: Record<string, keyof typeof SERVICE_MESSAGES.spec> = {
  OPEN: 'status_open',
  INVESTIGATING: 'status_investigating',
  IN_PROGRESS: 'status_in_progress',
  ACTION_SCHEDULED: 'status_action_scheduled',
  DUPLICATE: 'status_duplicate',
  NOT_COUNCILS_RESPONSIBILITY: 'status_not_councils_responsibility',
  NO_FURTHER_ACTION: 'status_no_further_action',
  INTERNAL_REFERRAL: 'status_internal_referral',
  FIXED: 'status_fixed',
  CLOSED: 'status_closed',
};

/** A bin's collection as a bin-day reply says it: dates in words; `usual` when a bank holiday moved it. */
export interface BinDayCollection {
  container: string;
  date: string;
  today: boolean;
  usual?: { date: string; reason: string };
}
