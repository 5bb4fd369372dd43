import type { ConversationReference } from 'botbuilder';
import type { ConversationContinuer } from '../platform/proactive';
import type { Logger } from '../platform/logger';
import { proactive } from '../channels/proactive';
import type { OutboxRow } from '../servicerequests/open311/outbox';
import type { ResidentNotifier } from '../servicerequests/open311/outboxWorker';

/** `locale`: the conversation's language, as kept with its reference when the report was confirmed. */
export interface NotificationTexts {
  /** `serviceCode`: the report's service, for the back office's notice in the conversation's language. */
  delivered(localReference: string, serviceRequestId: string, notice: string, locale: string | undefined, serviceCode: string): string;
  /** `status`: the back office's HTTP status, when it gave one; its own words are for staff, never the resident. */
  rejected(localReference: string, status: number | null, locale: string | undefined): string;
}

/**
 * Tells the resident in their own conversation ("your official reference is …") with
 * CloudAdapter.continueConversationAsync and the conversation reference kept with the outbox row.
 */
export class ProactiveNotifier implements ResidentNotifier {
  constructor(
    private readonly adapter: ConversationContinuer,
    private readonly botAppId: string,
    private readonly texts: NotificationTexts,
    private readonly logger: Logger,
  ) {}

  delivered(row: OutboxRow, serviceRequestId: string, notice: string): Promise<boolean> {
    return this.send(row, (locale) => this.texts.delivered(row.reference, serviceRequestId, notice, locale, row.service_code));
  }

  rejected(row: OutboxRow): Promise<boolean> {
    return this.send(row, (locale) => this.texts.rejected(row.reference, row.last_status, locale));
  }

  private async send(row: OutboxRow, say: (locale: string | undefined) => string): Promise<boolean> {
    if (!row.conversation_reference) return false;
    const reference = JSON.parse(row.conversation_reference) as Partial<ConversationReference>;
    if (!reference.serviceUrl || !reference.conversation?.id) return false;
    const text = say(reference.locale);
    try {
      await this.adapter.continueConversationAsync(this.botAppId, reference, async (turn) => {
        const context = proactive(turn);
        await context.sendActivity(text);
      });
      return true;
    } catch (err) {
      this.logger.warn(
        { reference: row.reference, channelId: reference.channelId, err: { type: (err as Error).name, message: (err as Error).message } },
        'proactive message not delivered',
      );
      return false;
    }
  }
}
