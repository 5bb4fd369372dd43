import { MessageFile, type MessageTexts, type MessageWords } from './messageFile';

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
  missed_bin_future: ['date'],
  missed_bin_no_round: [],
  missed_bin_not_collected_there: ['container'],
  missed_bin_no_recent: [],
  missed_bin_next: ['date'],
  missed_bin_too_late: ['container', 'date', 'days', 'next'],
  missed_bin_too_early: ['container', 'ends'],
  bin_day_not_listed: [],
  bin_day_collections: ['address', 'lines'],
  bin_day_line: ['container', 'when', 'change'],
  bin_day_today: ['date'],
  bin_day_changed: ['usual', 'reason'],
  bin_day_no_round: ['address'],
  case_ask_reference: [],
  case_not_a_reference: [],
  case_status: ['service', 'reference', 'chatReference', 'status'],
  case_your_report: [],
  case_chat_reference: ['reference'],
  case_notes: ['notes'],
  case_expected: ['date'],
  case_latest_update: ['date', 'update'],
  case_last_changed: ['date'],
  status_open: [],
  status_investigating: [],
  status_in_progress: [],
  status_action_scheduled: [],
  status_duplicate: [],
  status_not_councils_responsibility: [],
  status_no_further_action: [],
  status_internal_referral: [],
  status_fixed: [],
  status_closed: [],
} as const);

/** The services.yaml words with the council's details filled in, for the missed-bin check (servicerequests/waste). */
export type ServiceTexts = MessageTexts<typeof SERVICE_MESSAGES.spec>;

/** What residents are told around a handoff to the contact centre: the queue, the chat, a call back (handoff.yaml). */
export const HANDOFF_MESSAGES = new MessageFile('handoff', {
  wait_one: ['minutes'],
  wait_other: ['minutes'],
  queued: ['position', 'wait'],
  still_waiting: ['position', 'wait'],
  moved_up: ['position', 'wait'],
  left_queue: [],
  connected: ['agentName'],
  agent_left_back_in_queue: ['position', 'wait'],
  transferred: ['position', 'wait'],
  ended: [],
  resident_ended: [],
  resident_left_queued: [],
  resident_left_talking: [],
  external_started: [],
  external_failed: [],
  safeguarding_with_person: ['helplines'],
  safeguarding_with_person_plain: [],
  closed_offer_callback: [],
  closed_offer_callback_safeguarding: ['helplines'],
  closed_offer_callback_safeguarding_plain: [],
  closed_offer_callback_again: [],
  callback_ask_name: [],
  callback_ask_contact: [],
  callback_contact_not_valid: [],
  callback_ask_best_time: [],
  callback_ask_about: [],
  callback_need_some_words: [],
  confirm_callback: ['residentName', 'contact', 'bestTime', 'about'],
  confirm_callback_again: [],
  callback_not_sent: [],
  callback_stored: ['reference'],
  callback_declined: ['notSent'],
  callback_declined_not_sent: [],
  note_accepted: ['agentName'],
  note_passed_back: ['agentName'],
  note_agent_ended: ['agentName'],
  note_agent_disconnected: [],
  note_resident_left_queue: [],
  note_resident_ended: [],
  note_external_accepted: [],
  note_resident_left: [],
} as const);

/** The titles of the buttons the assistant offers besides the intents' labels; each is also recognised when typed (buttons.yaml). */
export const BUTTON_MESSAGES = new MessageFile('buttons', {
  talk_to_person: [],
  carry_on: [],
  yes_stop: [],
  no_carry_on: [],
  start_again: [],
  cancel: [],
  no_thanks: [],
  help: [],
  something_else: [],
  it_helped: [],
  it_did_not_help: [],
  send_it: [],
  change_something: [],
  skip: [],
  done: [],
  stay_anonymous: [],
  address_not_listed: [],
  stop_waiting: [],
  end_chat: [],
  ask_for_call_back: [],
  call_back_any_time: [],
  send_call_back: [],
  dont_send_call_back: [],
} as const);

/**
 * What the assistant's web addresses answer when a request fails or is refused (http.yaml): the
 * body of any request that failed on our side, and the chat page's own requests (a conversation
 * opened, a message sent) that were refused.
 */
export const HTTP_MESSAGES = new MessageFile('http', {
  internal_error: [],
  body_too_large: ['kb'],
  chat_busy: ['seconds'],
  chat_unavailable: [],
  token_expired: [],
  token_other_conversation: [],
  token_needed: [],
  conversation_not_found: [],
  refresh_needs_token: [],
  could_not_start: [],
  could_not_take_message: [],
  wait_one: ['seconds'],
  wait_other: ['seconds'],
  too_many_messages: ['wait'],
  message_too_large: ['kb'],
  files_not_available: [],
} as const);

/** The http.yaml words with the council's details filled in, for the server and the chat page's Direct Line. */
export type HttpTexts = MessageTexts<typeof HTTP_MESSAGES.spec>;

/** What the agent console tells contact-centre staff: signing in, a request refused, a conversation someone else took (console.yaml). */
export const CONSOLE_MESSAGES = new MessageFile('console', {
  sign_in_problem: [],
  sign_in_form_expired: [],
  sign_in_missing: [],
  sign_in_failed: [],
  wait_one: ['minutes'],
  wait_other: ['minutes'],
  sign_in_locked: ['wait'],
  sign_in_limited: ['wait'],
  session_needed: [],
  session_expired: [],
  csrf_refused: [],
  not_found: [],
  needs_manager_role: [],
  needs_content_role: [],
  show_by_invalid: [],
  first_day_invalid: ['got'],
  last_day_invalid: ['got'],
  last_day_before_first: [],
  days_invalid: ['max'],
  no_such_table: [],
  no_such_conversation: [],
  message_empty: [],
  message_too_long: ['max'],
  case_needs_summary: [],
  already_accepted: [],
  no_longer_waiting: [],
  conversation_ended: [],
  not_yours: [],
  conversation_changed: [],
  already_ended: [],
  callback_closed: [],
  could_not_do_it: [],
} as const);

/** The console.yaml words with the council's details filled in, for the agent console, its socket and the hub. */
export type ConsoleTexts = MessageTexts<typeof CONSOLE_MESSAGES.spec>;

/** The notes at the end of a resident's subject-access export: what is held but cannot be listed (privacy.yaml). */
export const PRIVACY_MESSAGES = new MessageFile('privacy', {
  feedback_not_listed: [],
  unanswered_not_listed: [],
  back_office_holds_too: [],
} as const);

/** The privacy.yaml words with the council's details filled in, for the export. */
export type PrivacyTexts = MessageTexts<typeof PRIVACY_MESSAGES.spec>;

/** The contact centre's opening hours in words (hours.yaml): the council profile's `openingHours` (knowledge/contactCentre.ts describeHours). */
export const HOURS_MESSAGES = new MessageFile('hours', {
  day_hours: ['days', 'times'],
  day_range: ['from', 'to'],
  every_day: [],
  all_day: [],
  time_range: ['from', 'to'],
  morning_time: ['time'],
  afternoon_time: ['time'],
  noon: [],
  midnight: [],
  closed_bank_holidays: [],
  no_hours: [],
} as const);

/** The hours.yaml words of a language. */
export type HoursWords = MessageWords<typeof HOURS_MESSAGES.spec>;

/** Every message file of this list, for `npm run validate`. */
export const MESSAGE_FILES: ReadonlyArray<MessageFile<Record<string, readonly string[]>>> = [
  SERVICE_MESSAGES,
  HANDOFF_MESSAGES,
  BUTTON_MESSAGES,
  HTTP_MESSAGES,
  CONSOLE_MESSAGES,
  PRIVACY_MESSAGES,
  HOURS_MESSAGES,
];
