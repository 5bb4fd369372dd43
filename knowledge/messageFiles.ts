import { MessageFile } from './messageFile';

/**
 * The message files besides replies.yaml and intents.yaml (knowledge/replyTexts.ts,
 * knowledge/intentMessages.ts), each id with the placeholders its message may use besides the
 * council's details. The code asks for these ids; the words are content in
 * knowledge/messages/<locale>/<file>.yaml.
 */

/** What the service-request, bin-day and case-status conversations say (services.yaml). */
export const SERVICE_MESSAGES = new MessageFile('services', {
  unavailable: ['what'],
  unavailable_start_report: ['service'],
  unavailable_do_that: [],
  starting: ['service'],
  ask_postcode_address: [],
  ask_postcode_street: [],
  invalid_postcode: [],
  outside_area: ['postcode'],
  no_addresses: ['postcode', 'orDescribe'],
  no_addresses_or_describe: [],
  need_postcode: [],
  choose_address: ['postcode'],
  address_found: ['address'],
  place_found: ['place'],
  choose_on_street: ['street'],
  choose_among: [],
  choose_street: [],
  number_not_on_street: ['number', 'street'],
  address_not_matched: [],
  ask_location_text: [],
  location_too_short: [],
  invalid_choice: ['options'],
  multi_added: ['added', 'done'],
  multi_unknown: ['unknown', 'options'],
  too_many_choices: ['max', 'wanted', 'soFar'],
  too_many_choices_so_far: ['chosen'],
  number_out_of_range: ['range', 'chosen'],
  number_range_at_least: ['min'],
  number_range_between: ['min', 'max'],
  number_chosen_one: ['chosen'],
  number_chosen_other: ['chosen'],
  need_at_least_one: [],
  invalid_number: ['hint'],
  invalid_number_hint: ['hint'],
  invalid_date: [],
  future_date: ['date'],
  past_date: ['date'],
  required: [],
  too_long: ['length', 'limit'],
  ask_description: [],
  ask_contact_required: [],
  ask_contact_optional: [],
  invalid_contact: [],
  ask_name: [],
  summary: ['lines', 'invite'],
  summary_line: ['line'],
  summary_invite: [],
  summary_invite_contact: [],
  changed: ['changes'],
  list_and: [],
  not_sent: ['service'],
  confirm_not_understood: ['sendIt', 'changeSomething', 'cancel'],
  which_change: [],
  submitted: ['reference', 'notice'],
  already_submitted: ['reference'],
  official_reference: ['local', 'official', 'notice'],
  precheck_refused: ['message', 'next'],
  with_person_offer: ['problem'],
} as const);

/** Every message file of this list, for `npm run validate`. */
export const MESSAGE_FILES: ReadonlyArray<MessageFile<Record<string, readonly string[]>>> = [SERVICE_MESSAGES];
