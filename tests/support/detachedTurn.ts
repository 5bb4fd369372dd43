import { TestAdapter, TurnContext, type Activity } from 'botbuilder';

let adapter: TestAdapter | undefined;

/**
 * A turn's context with no bot and no channel behind it, for code that reads and writes state
 * during a turn (the SDK's test adapter underneath; nothing is run, and nothing sent goes anywhere).
 */
export function detachedTurn(activity: Partial<Activity>): TurnContext {
  adapter ??= new TestAdapter(() => Promise.resolve());
  return new TurnContext(adapter, activity);
}
