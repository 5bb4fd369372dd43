import type { TurnContext } from 'botbuilder';

/**
 * Marks a turn from CloudAdapter.continueConversationAsync as proactive: the activities it sends
 * answer nothing the resident sent, so they go without a replyToId. Left alone, TurnContext gives
 * each one the id of the adapter's synthetic ContinueConversation event (a fresh uuid no client
 * ever receives), and Web Chat holds an activity whose replyToId it has not seen for up to 5 s
 * before showing it. Call first thing in the continueConversationAsync callback.
 */
export function proactive(context: TurnContext): TurnContext {
  context.onSendActivities(async (_ctx, activities, next) => {
    for (const activity of activities) delete activity.replyToId;
    return next();
  });
  return context;
}
