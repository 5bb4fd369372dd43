import type { Activity, ActivityHandler, CloudAdapter, ConversationAccount, ResourceResponse, TurnContext } from 'botbuilder';
import { TurnWrites } from '../../platform/storage/turnWrites';
import type { BotReplies } from '../../channels/directline/botReplies';
import type { BotBridge, BotIdentity } from '../../channels/directline/botBridge';
import type { DirectLineActivity } from '../../channels/directline/conversationStore';

/** The part of the Bot Framework connector client the adapter uses to send a turn's activities. */
interface TurnConnector {
  conversations: {
    replyToActivity(conversationId: string, activityId: string, activity: Partial<Activity>): Promise<ResourceResponse>;
    sendToConversation(conversationId: string, activity: Partial<Activity>): Promise<ResourceResponse>;
  };
}

/**
 * Hands residents' activities to the bot through the CloudAdapter, as Azure's Direct Line
 * does over HTTP: the activity's serviceUrl points back at this server's connector
 * endpoints, so proactive messages (a person from the contact centre, a report's outcome) come
 * back through the Bot Framework connector client into the conversation's stream. The replies of
 * a resident's own turn go straight to {@link BotReplies} in this process instead of over HTTP to
 * this same server (issue 23): the turn's connector client is swapped for one that writes to the
 * store, so every middleware and send handler still runs as on any channel.
 */
export class DirectLineBridge implements BotBridge {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly bot: ActivityHandler,
    readonly identity: BotIdentity,
    private readonly replies?: BotReplies,
  ) {}

  /** Runs the bot's turn on the activity; with `turn`, the turn's writes are held there (one transaction, issue 23). */
  async deliver(activity: DirectLineActivity, conversationId: string, userId: string, serviceUrl: string, turn?: TurnWrites): Promise<void> {
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
    await this.adapter.processActivityDirect('', incoming, async (context) => {
      turn?.attach(context);
      this.sendInProcess(context);
      await this.bot.run(context);
    });
  }

  private sendInProcess(context: TurnContext): void {
    const replies = this.replies;
    const key = this.adapter.ConnectorClientKey;
    const http = context.turnState.get<TurnConnector | undefined>(key);
    if (!replies || !http) return;
    // The same JSON the connector client would have sent (dates as strings, no undefined fields).
    const take = async (conversation: ConversationAccount | string, activity: Partial<Activity>): Promise<ResourceResponse> => ({
      id: await replies.take(
        typeof conversation === 'string' ? conversation : conversation.id,
        JSON.parse(JSON.stringify(activity)) as Record<string, unknown>,
        TurnWrites.of(context),
      ),
    });
    const conversations = Object.assign(Object.create(http.conversations) as TurnConnector['conversations'], {
      replyToActivity: (conversationId: string, _replyTo: string, activity: Partial<Activity>) => take(conversationId, activity),
      sendToConversation: (conversationId: string, activity: Partial<Activity>) => take(conversationId, activity),
    });
    context.turnState.set(key, Object.assign(Object.create(http) as object, { conversations }));
  }

  /** Tells the bot the conversation began (Web Chat shows the welcome that follows), in the page's language (`locale`) when it said one. */
  async start(conversationId: string, userId: string, serviceUrl: string, turn?: TurnWrites, locale?: string): Promise<void> {
    await this.deliver(
      { type: 'conversationUpdate', membersAdded: [{ id: this.identity.id, name: this.identity.name }, { id: userId }], ...(locale ? { locale } : {}) },
      conversationId,
      userId,
      serviceUrl,
      turn,
    );
  }

  /** Tells the bot the resident has gone (their page closed): a conversationUpdate with them in membersRemoved. */
  async left(conversationId: string, userId: string, serviceUrl: string, turn?: TurnWrites): Promise<void> {
    await this.deliver({ type: 'conversationUpdate', membersRemoved: [{ id: userId }] }, conversationId, userId, serviceUrl, turn);
  }
}
