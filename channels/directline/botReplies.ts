import type { TurnWrites } from '../../platform/storage/turnWrites';
import { streamCopy } from './activityRules';
import type { BotIdentity } from './botBridge';
import type { ConversationStore } from './conversationStore';

/**
 * Where the bot's activities enter a local Direct Line conversation: as residents' clients see
 * them (no serviceUrl, no traces), from the bot, with the conversation's next id; typing is shown
 * on open streams and not kept. Used in-process by {@link BotBridge} during a resident's turn, and
 * by the connector routes for what arrives over HTTP (proactive messages, a bot elsewhere).
 */
export class BotReplies {
  constructor(
    private readonly store: ConversationStore,
    readonly identity: BotIdentity,
  ) {}

  /** Takes one activity from the bot; the id it was given ('' when nothing was stored). In a resident's turn, held with its writes. */
  async take(conversationId: string, activity: Record<string, unknown>, turn?: TurnWrites): Promise<string> {
    const copy = streamCopy(activity);
    if (!copy) return '';
    copy.conversation = { id: conversationId };
    copy.from = { id: this.identity.id, name: this.identity.name, ...(copy.from as object | undefined), role: 'bot' };
    if (copy.type === 'typing') {
      this.store.announce(conversationId, copy);
      return '';
    }
    return (await this.store.append(conversationId, copy, turn)).id ?? '';
  }
}
