/**
 * What POST /api/messages requires of a body before it reaches the adapter: the fields every
 * turn relies on, with the types the Bot Framework schema gives them. A body that fails gets
 * 400 with the reason, instead of an error inside the turn (and a 200 with an apology).
 *
 * Written out rather than as a zod schema: it runs on every request, and five checks of a few
 * fields cost nothing, where a schema parse of the whole activity costs more than the echo
 * bot's turn (botbuilder's own CloudAdapter.process does that, see bot/hosting/adapter.ts).
 */
export function activityProblem(body: unknown): string | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'it must be a JSON object';
  const a = body as Record<string, unknown>;
  if (typeof a.type !== 'string' || !a.type) return '"type" must be a non-empty string';
  if (!isObjectWithId(a.conversation)) return '"conversation" must be an object with a non-empty string "id"';
  if (a.from !== undefined && a.from !== null && !isObjectWithId(a.from)) return '"from" must be an object with a non-empty string "id"';
  for (const field of ['text', 'serviceUrl', 'channelId', 'id', 'locale', 'deliveryMode', 'replyToId', 'name'] as const) {
    if (a[field] !== undefined && a[field] !== null && typeof a[field] !== 'string') return `"${field}" must be a string`;
  }
  // Without a serviceUrl the replies have nowhere to go (the connector retries for seconds first); expectReplies returns them in the response.
  if (a.deliveryMode !== 'expectReplies' && (typeof a.serviceUrl !== 'string' || !a.serviceUrl))
    return '"serviceUrl" is required (where replies go), unless "deliveryMode" is "expectReplies"';
  if (a.recipient !== undefined && (!a.recipient || typeof a.recipient !== 'object' || Array.isArray(a.recipient))) return '"recipient" must be an object';
  for (const list of ['membersAdded', 'membersRemoved', 'attachments', 'entities'] as const) {
    const value = a[list];
    // null is refused too: botbuilder reads entities' length while removing @mentions in Teams.
    if (value !== undefined && !(Array.isArray(value) && value.every((item) => item && typeof item === 'object'))) {
      return `"${list}" must be a list of objects`;
    }
  }
  return undefined;
}

function isObjectWithId(value: unknown): boolean {
  return !!value && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string' && (value as { id: string }).id !== '';
}
