import { ActivityTypes, TurnContext, type Activity, type Middleware } from 'botbuilder';
import type { Responses } from '../../dialogs/responses';
import { toActivity } from '../../dialogs/replies';
import type { Logger } from '../../platform/logger';
import { withSuggestedActionsAsCard } from './suggestedActionsCard';

export const TEAMS_CHANNEL = 'msteams';

/** Attachment types Teams uses for message formatting and cards, which are not uploads. */
const NOT_UPLOADS = new Set(['text/html', 'text/plain', 'application/vnd.microsoft.card.adaptive']);

export interface TeamsOptions {
  /** Lower-case tenant ids allowed; empty allows any tenant. */
  allowedTenants: string[];
  responses: Responses;
  logger: Logger;
}

/** The Microsoft Entra tenant a Teams activity comes from. */
export function teamsTenantId(activity: Partial<Activity>): string | undefined {
  const fromChannelData = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  const id = typeof fromChannelData === 'string' ? fromChannelData : activity.conversation?.tenantId;
  return id ? id.toLowerCase() : undefined;
}

/**
 * Teams specifics, so that dialogs stay channel-neutral:
 * - activities from tenants outside TEAMS_ALLOWED_TENANTS are refused (when the list is set);
 * - the bot's @mention is removed from the text before recognition;
 * - uploaded files and pictures are declined politely, and not read;
 * - suggested actions go out as an Adaptive Card, which Teams always shows.
 */
export class TeamsMiddleware implements Middleware {
  constructor(private readonly options: TeamsOptions) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const activity = context.activity;
    if (activity.channelId !== TEAMS_CHANNEL) return next();

    const tenant = teamsTenantId(activity);
    if (this.options.allowedTenants.length && (!tenant || !this.options.allowedTenants.includes(tenant))) {
      this.options.logger.warn(
        { channelId: TEAMS_CHANNEL, tenant: tenant ?? '(none)', activityType: activity.type },
        'Teams activity from a tenant that is not allowed: refused',
      );
      if (activity.type === ActivityTypes.Message) await context.sendActivity(toActivity(this.options.responses.teamsTenantRefused()));
      return;
    }

    context.onSendActivities(async (_ctx, activities, sendNext) => {
      for (let i = 0; i < activities.length; i++) activities[i] = withSuggestedActionsAsCard(activities[i]);
      return sendNext();
    });

    if (activity.type === ActivityTypes.Message) {
      if (activity.text && activity.recipient?.id) TurnContext.removeRecipientMention(activity);
      const uploads = (activity.attachments ?? []).filter((a) => !NOT_UPLOADS.has(a.contentType));
      if (uploads.length) {
        this.options.logger.info({ channelId: TEAMS_CHANNEL, attachments: uploads.length }, 'Teams file upload declined');
        await context.sendActivity(toActivity(this.options.responses.teamsFileDeclined()));
        activity.attachments = [];
        if (!activity.text?.trim() && (activity.value === undefined || activity.value === null)) return;
      }
    }
    await next();
  }
}
