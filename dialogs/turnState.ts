import type { TurnContext } from 'botbuilder';
import type { RecognizerResult } from '../intents/recognizer';
import type { RequestSoFar } from './handoffTypes';
import type { Location } from './services/addressLookup';

/** One value a turn carries from where it is worked out to the dialogs that read it (kept in turnState under its own symbol). */
function turnValue<T>(name: string): { set(context: TurnContext, value: T): void; get(context: TurnContext): T | undefined } {
  const key = Symbol(name);
  return {
    set: (context, value) => void context.turnState.set(key, value),
    get: (context) => context.turnState.get<T | undefined>(key),
  };
}

/** What the bot works out once per turn and dialogs read (never recognise twice in a turn). */
const recognized = turnValue<RecognizerResult>('council.recognized');
export const setRecognized = recognized.set;
export const getRecognized = recognized.get;

/** The reference of a request filed this turn; the main dialog keeps it as the conversation's last reference. */
const filedReference = turnValue<string>('council.filedReference');
export const setFiledReference = filedReference.set;
export const getFiledReference = filedReference.get;

/**
 * A home or street place this turn settled (a request filed there, a bin day answered for it); the main
 * dialog keeps it for "same place" and for the next request at the home address.
 */
const knownPlace = turnValue<Location | undefined>('council.knownPlace');
export const setKnownPlace = knownPlace.set;
export const getKnownPlace = knownPlace.get;

/** A request filed this turn, as a person taking over would need it (the handoff memory keeps it; never traced or logged). */
const filedRequest = turnValue<RequestSoFar>('council.filedRequest');
export const setFiledRequest = filedRequest.set;
export const getFiledRequest = filedRequest.get;

/**
 * What a message said after answering the open question ("send it. and I want to make a complaint": the
 * complaint): the bot routes it as a message of its own once the dialogs have taken the answer.
 */
const restOfMessage = turnValue<string | undefined>('council.restOfMessage');
export const setRestOfMessage = restOfMessage.set;
/** The rest of the message, taken once: a second reading of it never leaves another. */
export function takeRestOfMessage(context: TurnContext): string | undefined {
  const rest = restOfMessage.get(context);
  if (rest !== undefined) restOfMessage.set(context, undefined);
  return rest;
}

/**
 * The answers of a request that was refused this turn ("too late to send a crew back" at 14 Forest Way): a correction
 * of the place right after it ("sorry, it's 4 Forest Way, not 14") starts the request again with them, not from nothing.
 */
const refusedAnswers = turnValue<{ intent: string; answers: Record<string, string | string[]>; location?: Location }>('council.refusedAnswers');
export const setRefusedAnswers = refusedAnswers.set;
export const getRefusedAnswers = refusedAnswers.get;

/**
 * The conversation's language this turn ('en-GB' or 'cy-GB'), set once a turn where the conversation's
 * language is known: a handoff started in the turn carries it (HandoffStarter.gather), so Welsh
 * conversations are marked and offered first to Welsh-speaking staff.
 */
const conversationLocale = turnValue<string>('council.conversationLocale');
export const setConversationLocale = conversationLocale.set;
export const getConversationLocale = conversationLocale.get;
