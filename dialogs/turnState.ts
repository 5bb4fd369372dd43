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
