import { EventFactory, type Activity, type CloudAdapterBase, type ConversationAccount } from 'botbuilder';
import { toActivity } from '../../dialogs/replies';
import type { Reply } from '../../dialogs/responses';
import type { Logger } from '../logger';
import { proactive } from '../proactive';
import type { Handoff } from './types';

/**
 * Sends to a resident outside their own turn (proactive messages): the agent's words and
 * queue news. Uses the stored conversation reference, so it works from any process and over
 * any channel (Bot Framework connector, Direct Line, the local Web Chat page).
 */
export class ResidentMessenger {
  constructor(
    private readonly adapter: Pick<CloudAdapterBase, 'continueConversationAsync'>,
    private readonly appId: string,
    private readonly logger: Logger,
  ) {}

  async send(handoff: Handoff, items: Array<Reply | Partial<Activity>>): Promise<boolean> {
    try {
      await this.adapter.continueConversationAsync(this.appId, handoff.reference, async (turn) => {
        const context = proactive(turn);
        for (const item of items) await context.sendActivity('type' in item ? item : toActivity(item as Reply));
      });
      return true;
    } catch (err) {
      this.logger.warn({ handoffId: handoff.id, err: { type: (err as Error).name, message: (err as Error).message } }, 'could not reach the resident');
      return false;
    }
  }

  /** Text from a person in the contact centre. */
  agentText(text: string, agentName: string): Partial<Activity> {
    return { type: 'message', text, channelData: { councilHandoff: { from: 'agent', agentName } } };
  }

  status(handoff: Handoff, state: 'accepted' | 'failed' | 'completed', message?: string): Partial<Activity> {
    return EventFactory.createHandoffStatus(handoff.reference.conversation as ConversationAccount, state, message);
  }
}
