import { EventFactory, type Activity, type ConversationAccount } from 'botbuilder';
import type { ConversationContinuer } from '../platform/proactive';
import { toActivity } from '../dialogs/replies';
import type { Reply } from '../dialogs/responses';
import type { Logger } from '../platform/logger';
import { proactive } from '../channels/proactive';
import type { Handoff } from '../dialogs/handoffTypes';

/**
 * Sends to a resident outside their own turn (proactive messages): the agent's words and
 * queue news. Uses the stored conversation reference, so it works from any process and over
 * any channel (Bot Framework connector, Direct Line, the local Web Chat page).
 */
export class ResidentMessenger {
  constructor(
    private readonly adapter: ConversationContinuer,
    private readonly appId: string,
    private readonly logger: Logger,
  ) {}

  async send(handoff: Handoff, items: Array<Reply | Partial<Activity>>): Promise<boolean> {
    try {
      await this.adapter.continueConversationAsync(this.appId, handoff.reference, async (turn) => {
        const context = proactive(turn);
        context.onSendActivities(async (_ctx, activities, next) => {
          for (const activity of activities) asAgent(activity);
          return next();
        });
        for (const item of items) await context.sendActivity('type' in item ? item : toActivity(item as Reply));
      });
      return true;
    } catch (err) {
      this.logger.warn({ handoffId: handoff.id, err: { type: (err as Error).name, message: (err as Error).message } }, 'could not reach the resident');
      return false;
    }
  }

  /**
   * Text from a person in the contact centre. On the wire it comes from the agent (from.name =
   * their display name, an id of its own), so Web Chat shows and announces a person, not the
   * assistant; channelData says so for clients that look there.
   */
  agentText(text: string, agentName: string, agentId?: string): Partial<Activity> {
    return { type: 'message', text, channelData: { councilHandoff: { from: 'agent', agentName, ...(agentId ? { agentId } : {}) } } };
  }

  /**
   * Back in the queue from a person (transferred, or their console went away): Bot Framework's
   * handoff.status has no state for it, so the page hears it as `council.handoff` (it hides "End chat").
   */
  backInQueue(): Partial<Activity> {
    return { type: 'event', name: 'council.handoff', value: { state: 'queued' } };
  }

  status(handoff: Handoff, state: 'accepted' | 'failed' | 'completed', message?: string): Partial<Activity> {
    return EventFactory.createHandoffStatus(handoff.reference.conversation as ConversationAccount, state, message);
  }
}

/** TurnContext sets from to the bot on every activity it sends; an agent's words say who wrote them. */
function asAgent(activity: Partial<Activity>): void {
  const marker = (activity.channelData as { councilHandoff?: { from?: string; agentName?: string; agentId?: string } } | undefined)?.councilHandoff;
  if (marker?.from !== 'agent' || !activity.from) return;
  activity.from = {
    ...activity.from,
    id: `${activity.from.id}:agent:${marker.agentId ?? marker.agentName ?? 'agent'}`,
    name: marker.agentName ?? activity.from.name,
    role: 'bot',
  };
}
