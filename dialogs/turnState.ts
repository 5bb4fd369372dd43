import type { TurnContext } from 'botbuilder';
import type { RecognizerResult } from '../intents/recognizer';

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

/** Where the request filed this turn was (its location); the main dialog keeps it for "same place". */
const FILED_PLACE = Symbol('council.filedPlace');

export function setFiledPlace(context: TurnContext, place: unknown): void {
  context.turnState.set(FILED_PLACE, place);
}

export function getFiledPlace<T>(context: TurnContext): T | undefined {
  return context.turnState.get(FILED_PLACE) as T | undefined;
}
