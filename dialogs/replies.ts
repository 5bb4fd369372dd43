import { ActivityTypes, CardFactory, MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import type { Reply } from './responses';

/** Turns a {@link Reply} into an activity: buttons become suggested actions (imBack). */
export function toActivity(reply: Reply): Partial<Activity> {
  return reply.choices?.length ? MessageFactory.suggestedActions(reply.choices, reply.text) : MessageFactory.text(reply.text);
}

export async function sendReply(context: TurnContext, reply: Reply): Promise<void> {
  await context.sendActivity(toActivity(reply));
}

/** A reply whose buttons sit on a hero card: they stay visible under the messages that follow (suggested actions last one turn). */
export async function sendCard(context: TurnContext, reply: Reply): Promise<void> {
  await context.sendActivity(MessageFactory.attachment(CardFactory.heroCard('', reply.text, undefined, CardFactory.actions(reply.choices ?? []))));
}

/** A trace the Emulator, tests and `npm run eval` read; channels never show traces to residents. */
export async function sendTrace(context: TurnContext, name: string, value: unknown): Promise<void> {
  await context.sendActivity({ type: ActivityTypes.Trace, name, label: name, valueType: `https://council-assistant/${name}`, value });
}

/**
 * Says what the question just asked is about (`council.prompt`, `{ field }`): a field name such as
 * `postcode`, `address`, an attribute code of the service (`container`, `width_cm`), `confirm` or
 * `carry_on` — never the resident's answer. Read by `npm run eval:conversations`.
 */
export async function sendPromptTrace(context: TurnContext, field: string): Promise<void> {
  await sendTrace(context, 'council.prompt', { field });
}
