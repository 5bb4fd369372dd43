import type { TurnWrites } from '../../platform/storage/turnWrites';
import type { DirectLineActivity } from './conversationStore';

export interface BotIdentity {
  id: string;
  name: string;
}

/**
 * How the local Direct Line hands a resident's activities to the bot in this process. The
 * hosting module builds it on the adapter (bot/hosting/directLineBridge.ts), so nothing here
 * knows the Bot Framework adapter: the composition root hands it in (WebChatDeps.bridge).
 */
export interface BotBridge {
  readonly identity: BotIdentity;
  /** Runs the bot's turn on the activity; with `turn`, the turn's writes are held there (one transaction, issue 23). */
  deliver(activity: DirectLineActivity, conversationId: string, userId: string, serviceUrl: string, turn?: TurnWrites): Promise<void>;
  /** Tells the bot the conversation began (Web Chat shows the welcome that follows), in the page's language (`locale`) when it said one. */
  start(conversationId: string, userId: string, serviceUrl: string, turn?: TurnWrites, locale?: string): Promise<void>;
  /** Tells the bot the resident has gone (their page closed): a conversationUpdate with them in membersRemoved. */
  left(conversationId: string, userId: string, serviceUrl: string, turn?: TurnWrites): Promise<void>;
}
