import type { Activity, ActivityHandler, CloudAdapter } from 'botbuilder';
import type { DirectLineActivity } from './conversationStore';

export interface BotIdentity {
  id: string;
  name: string;
}

/**
 * Hands residents' activities to the bot through the CloudAdapter, as Azure's Direct Line
 * does over HTTP: the activity's serviceUrl points back at this server's connector
 * endpoints, so the bot's replies (and later proactive messages) come back through the
 * Bot Framework connector client into the conversation's stream.
 */
export class BotBridge {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly bot: ActivityHandler,
    readonly identity: BotIdentity,
  ) {}

  async deliver(activity: DirectLineActivity, conversationId: string, userId: string, serviceUrl: string): Promise<void> {
    const incoming = {
      ...activity,
      channelId: 'directline',
      serviceUrl,
      conversation: { id: conversationId },
      from: { ...(activity.from as object | undefined), id: userId, role: 'user' },
      recipient: { id: this.identity.id, name: this.identity.name, role: 'bot' },
      timestamp: (activity.timestamp as string | undefined) ?? new Date().toISOString(),
    } as unknown as Activity;
    // No Authorization: with no MicrosoftAppId the adapter treats the channel as trusted and sends replies without a token.
    await this.adapter.processActivityDirect('', incoming, (context) => this.bot.run(context));
  }

  /** Tells the bot the conversation began (Web Chat shows the welcome that follows). */
  async start(conversationId: string, userId: string, serviceUrl: string): Promise<void> {
    await this.deliver(
      { type: 'conversationUpdate', membersAdded: [{ id: this.identity.id, name: this.identity.name }, { id: userId }] },
      conversationId,
      userId,
      serviceUrl,
    );
  }

  /** Tells the bot the resident has gone (their page closed): a conversationUpdate with them in membersRemoved. */
  async left(conversationId: string, userId: string, serviceUrl: string): Promise<void> {
    await this.deliver({ type: 'conversationUpdate', membersRemoved: [{ id: userId }] }, conversationId, userId, serviceUrl);
  }
}
