import type { ConversationReference, TurnContext } from 'botbuilder';

/**
 * What a proactive message (a person from the contact centre, a report's outcome) needs of the
 * hosting adapter: to continue a conversation by its reference. The hosting module's adapter
 * (bot/hosting) is one; the rooms that send proactively are handed it and never see the adapter's class.
 */
export interface ConversationContinuer {
  continueConversationAsync(botAppId: string, reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void>;
}
