import type { CouncilProfile } from '../../knowledge/councilProfile';
import { TALK_TO_PERSON, type Reply } from '../responses';

export const SEND_IT = 'Send it';
export const CHANGE_SOMETHING = 'Change something';
export const CANCEL = 'Cancel';
export const SKIP_LABEL = 'Skip';
export const DONE_LABEL = "That's all";
export const ANONYMOUS = 'Stay anonymous';
export const NOT_LISTED_LABEL = "My address isn't listed";

/** Everything the service-request, bin-day and case-status conversations say. */
export class ServiceResponses {
  constructor(private readonly council: CouncilProfile) {}

  private get callUs(): string {
    return `call us on ${this.council.phone} (${this.council.openingHours})`;
  }

  unavailable(serviceName?: string): Reply {
    return {
      text: `Sorry, I can't reach the council's system to ${serviceName ? `start a ${serviceName.toLowerCase()} report` : 'do that'} just now, so nothing has been recorded. Please try again later, or ${this.callUs}.`,
    };
  }

  starting(serviceName: string): Reply {
    return { text: `I can help with that: ${serviceName}. I'll ask a few questions. Say "cancel" at any time to stop.` };
  }

  askPostcode(kind: 'address' | 'street'): Reply {
    return kind === 'address'
      ? { text: "What's the postcode of the address? For example AT1 1AA. Or tell me the house number and street." }
      : { text: 'Where is it? Give me a postcode and I\'ll list the addresses there, or describe the place, for example "outside the library on Station Road".' };
  }

  invalidPostcode(): Reply {
    return { text: "That doesn't look like a full UK postcode. A postcode looks like AT1 1AA. Please check it and try again." };
  }

  outsideArea(postcode: string): Reply {
    return {
      text:
        `${postcode} isn't in ${this.council.name}'s area, so we can't deal with this. ` +
        `Please contact the council for that area: you can find it at https://www.gov.uk/find-local-council. If you think this is wrong, give me another postcode.`,
    };
  }

  noAddresses(postcode: string, kind: 'address' | 'street'): Reply {
    return {
      text: `I can't find any addresses for ${postcode}. Please check the postcode${kind === 'street' ? ', or describe where the problem is' : ''}.`,
      choices: kind === 'address' ? [NOT_LISTED_LABEL] : undefined,
    };
  }

  needPostcode(): Reply {
    return { text: 'I need the postcode, or the house number and street, to find the address. For example AT1 1AA.', choices: [NOT_LISTED_LABEL] };
  }

  chooseAddress(postcode: string, addresses: string[]): Reply {
    return { text: `Which address in ${postcode}?`, choices: [...addresses, NOT_LISTED_LABEL] };
  }

  /** An address found from the street the resident named ("6 fenwik rd"), shown so they can see it was understood. */
  addressFound(address: string): Reply {
    return { text: `I have the address as ${address}.` };
  }

  /** Where a street problem is, read from the first message ("On London Road outside no 15"). */
  placeFound(place: string): Reply {
    return { text: `I've noted where it is: ${place}.` };
  }

  chooseOnStreet(street: string, addresses: string[]): Reply {
    return { text: `Which address on ${street}?`, choices: [...addresses, NOT_LISTED_LABEL] };
  }

  /** The same house number or name on several streets. */
  chooseAmong(addresses: string[]): Reply {
    return { text: 'Which of these addresses is it?', choices: [...addresses, NOT_LISTED_LABEL] };
  }

  /** A misspelt street name as close to two streets, or one name in two places. */
  chooseStreet(streets: string[]): Reply {
    return { text: 'Which street do you mean?', choices: [...streets, NOT_LISTED_LABEL] };
  }

  numberNotOnStreet(number: string, street: string, addresses: string[]): Reply {
    return { text: `I can't find number ${number} on ${street}. Which address is it?`, choices: [...addresses, NOT_LISTED_LABEL] };
  }

  addressNotMatched(): Reply {
    return { text: "Sorry, I couldn't match that to one of the addresses. Please choose one, or say your address isn't listed." };
  }

  askLocationText(): Reply {
    return { text: 'Please type the address, or describe where it is as exactly as you can.' };
  }

  locationTooShort(): Reply {
    return { text: 'Please tell me a bit more about where it is, for example the street and a nearby landmark.' };
  }

  invalidChoice(options: string[]): Reply {
    return { text: `Sorry, I didn't catch which one. Please choose one of: ${options.join(', ')}.`, choices: options };
  }

  multiAdded(added: string[], remaining: string[]): Reply {
    return { text: `I've added ${added.join(', ')}. Anything else? Choose another, or say "${DONE_LABEL}".`, choices: [...remaining, DONE_LABEL] };
  }

  multiUnknown(unknown: string[], options: string[]): Reply {
    return { text: `I couldn't match ${unknown.map((u) => `"${u}"`).join(', ')} to the list. Please choose from: ${options.join(', ')}.`, choices: options };
  }

  tooManyChoices(max: number, wanted: number, sofar: string[]): Reply {
    return {
      text: `One booking takes up to ${max}, and that would be ${wanted}.${sofar.length ? ` So far: ${sofar.join(', ')}.` : ''} Please choose again, or say "that's all". For more, you can make a second booking afterwards.`,
    };
  }

  numberOutOfRange(min: number, max: number | undefined, chosen?: number): Reply {
    const range = max === undefined ? `a whole number, at least ${min}` : `a whole number from ${min} to ${max}`;
    return { text: `Please give ${range}.${chosen ? ` You chose ${chosen} ${chosen === 1 ? 'kind of item' : 'kinds of item'}, so it's at least ${chosen}.` : ''}` };
  }

  needAtLeastOne(): Reply {
    return { text: 'Please choose at least one.' };
  }

  invalidNumber(hint: string): Reply {
    return { text: `Please give a number${hint ? ` (${hint})` : ''}.` };
  }

  invalidDate(): Reply {
    return { text: 'Sorry, I didn\'t understand that date. You can say "yesterday", "Monday" or a date like 23/11/2026.' };
  }

  futureDate(date: string): Reply {
    return { text: `${date} is in the future. Please give the date it should have happened, on or before today.` };
  }

  pastDate(date: string): Reply {
    return { text: `${date} has already passed. Please give a date from tomorrow onwards.` };
  }

  required(): Reply {
    return { text: 'I need an answer to this one to pass your request on.' };
  }

  tooLong(limit: number, length: number): Reply {
    return { text: `That's ${length.toLocaleString('en-GB')} characters; the limit is ${limit.toLocaleString('en-GB')}. Please send a shorter version.` };
  }

  askDescription(): Reply {
    return { text: 'Is there anything else we should know? Type it, or choose Skip.', choices: [SKIP_LABEL] };
  }

  askContact(required: boolean): Reply {
    return required
      ? { text: "We need a way to contact you to arrange this. What's your email address or UK phone number?" }
      : { text: "If you'd like updates, give me your email address or UK phone number. Or you can stay anonymous.", choices: [ANONYMOUS] };
  }

  invalidContact(required: boolean): Reply {
    return { text: "That doesn't look like an email address or a UK phone number (for example name@example.com or 01632 960 000). Please try again.", choices: required ? undefined : [ANONYMOUS] };
  }

  askName(): Reply {
    return { text: "What's your name?" };
  }

  /** `inviteContact`: contact details are optional and not given yet (the summary says how to add them). */
  summary(lines: string[], inviteContact = false): Reply {
    const invite = inviteContact
      ? 'To add anything, just type it. For updates, type your email address or UK phone number.'
      : 'To add anything, just type it.';
    return { text: `Here's what I'll send:\n\n${lines.map((l) => `- ${l}`).join('\n')}\n\n${invite} Shall I send it?`, choices: [SEND_IT, CHANGE_SOMETHING, CANCEL] };
  }

  /** Details the resident corrected or added: "I've changed the bin to Garden waste (green bin)." (clauses: "changed …", "added …") */
  changed(clauses: string[]): Reply {
    // "changed the width to 60 and the depth to 12": a verb said once for the clauses in a row that share it.
    const parts = clauses.map((c, i) => (i > 0 && c.split(' ')[0] === clauses[i - 1]!.split(' ')[0] ? c.slice(c.indexOf(' ') + 1) : c));
    const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0];
    return { text: `I've ${list}.` };
  }

  /** A no at "Shall I send it?" ("nah leave it"). */
  notSent(serviceName: string): Reply {
    return { text: `OK, I haven't sent it: nothing has been recorded about this ${serviceName.toLowerCase()}. If you change your mind, just ask me again.` };
  }

  confirmNotUnderstood(): Reply {
    return { text: `Please choose "${SEND_IT}", "${CHANGE_SOMETHING}" or "${CANCEL}".`, choices: [SEND_IT, CHANGE_SOMETHING, CANCEL] };
  }

  whichChange(fields: string[]): Reply {
    return { text: 'What would you like to change?', choices: fields };
  }

  submitted(reference: string, notice: string): Reply {
    return {
      text:
        `Thank you, I've taken your report. Your reference is ${reference}. ${notice ? `${notice} ` : ''}` +
        `I'm passing it to the team now and will tell you their own reference when their system confirms it. You can ask me about ${reference} at any time.`,
    };
  }

  /** A second "yes" to the same summary (sent twice, or from two windows): nothing new is filed. */
  alreadySubmitted(reference: string): Reply {
    return { text: `I've already taken that report, so I haven't sent it again. Your reference is ${reference}.` };
  }

  officialReference(local: string, official: string, notice: string): string {
    return `Update on ${local}: the council's system has your report. The official reference is ${official}.${notice ? ` ${notice}` : ''}`;
  }

  precheckRefused(message: string, next?: string): Reply {
    return { text: `${message}${next ? ` ${next}` : ''} I haven't made a report.` };
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
  withPersonOffer(problem: Reply): Reply {
    return { text: `${problem.text}\n\nIf this isn't working, you can talk to a person instead.`, choices: [...(problem.choices ?? []), TALK_TO_PERSON] };
  }
}
