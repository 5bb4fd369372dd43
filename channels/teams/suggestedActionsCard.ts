import { CardFactory, type Activity, type Attachment } from 'botbuilder';

/** The Adaptive Card schema version Teams renders on desktop, web and mobile. */
export const TEAMS_ADAPTIVE_CARD_VERSION = '1.5';

/**
 * Buttons as an Adaptive Card for Teams, which shows suggested actions only in some
 * conversations and drops them in others. Each button sends its title back as the
 * resident's message (Teams' imBack), exactly like a suggested action would.
 */
export function choicesCard(choices: string[]): Attachment {
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: TEAMS_ADAPTIVE_CARD_VERSION,
    body: [],
    actions: choices.map((title) => ({
      type: 'Action.Submit',
      title,
      data: { msteams: { type: 'imBack', value: title } },
    })),
  });
}

/** A copy of `activity` with its imBack suggested actions moved into an Adaptive Card; others unchanged. */
export function withSuggestedActionsAsCard(activity: Partial<Activity>): Partial<Activity> {
  const actions = activity.suggestedActions?.actions ?? [];
  if (!actions.length) return activity;
  const titles = actions.map((a) => String(a.value ?? a.title ?? '')).filter(Boolean);
  const { suggestedActions: _dropped, ...rest } = activity;
  return { ...rest, attachments: [...(activity.attachments ?? []), choicesCard(titles)] };
}
