import type { TurnContext } from 'botbuilder';
import type { RecognizerResult } from '../intents/recognizer';
import type { RequestSoFar } from '../bot/handoff/types';
import type { Location } from './services/addressLookup';

/** What the bot works out once per turn and dialogs read (never recognise twice in a turn). */
const RECOGNIZED = Symbol('council.recognized');

export function setRecognized(context: TurnContext, result: RecognizerResult): void {
  context.turnState.set(RECOGNIZED, result);
}

export function getRecognized(context: TurnContext): RecognizerResult | undefined {
  return context.turnState.get(RECOGNIZED) as RecognizerResult | undefined;
}

/** The reference of a request filed this turn; the main dialog keeps it as the conversation's last reference. */
const FILED = Symbol('council.filedReference');

export function setFiledReference(context: TurnContext, reference: string): void {
  context.turnState.set(FILED, reference);
}

export function getFiledReference(context: TurnContext): string | undefined {
  return context.turnState.get(FILED) as string | undefined;
}

/**
 * A home or street place this turn settled (a request filed there, a bin day answered for it); the main
 * dialog keeps it for "same place" and for the next request at the home address.
 */
const KNOWN_PLACE = Symbol('council.knownPlace');

export function setKnownPlace(context: TurnContext, place: Location | undefined): void {
  context.turnState.set(KNOWN_PLACE, place);
}

export function getKnownPlace(context: TurnContext): Location | undefined {
  return context.turnState.get(KNOWN_PLACE) as Location | undefined;
}

/** A request filed this turn, as a person taking over would need it (the handoff memory keeps it; never traced or logged). */
const FILED_REQUEST = Symbol('council.filedRequest');

export function setFiledRequest(context: TurnContext, request: RequestSoFar): void {
  context.turnState.set(FILED_REQUEST, request);
}

export function getFiledRequest(context: TurnContext): RequestSoFar | undefined {
  return context.turnState.get(FILED_REQUEST) as RequestSoFar | undefined;
}
