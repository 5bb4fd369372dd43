import type { DirectLineActivity } from './conversationStore';

/** Activity types a Direct Line client may send. */
const CLIENT_TYPES = new Set(['message', 'event', 'typing']);
/** Fields a client may set; everything else (ids, from, serviceUrl, conversation…) the server sets. */
const CLIENT_FIELDS = [
  'type',
  'text',
  'textFormat',
  'locale',
  'value',
  'name',
  'attachments',
  'attachmentLayout',
  'channelData',
  'entities',
  'replyToId',
  'localTimestamp',
  'localTimezone',
  'speak',
  'inputHint',
];
/** Largest activity stored, as JSON (the HTTP body limit is larger; a chat message is far smaller). */
export const MAX_ACTIVITY_BYTES = 64 * 1024;

export type CheckedActivity = { ok: true; activity: DirectLineActivity } | { ok: false; status: number; code: string; message: string };

/** Keeps what a client may say, or explains why the activity is refused; one too large is refused with `tooLarge` (the council's words). */
export function clientActivity(body: unknown, tooLarge: string): CheckedActivity {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    return { ok: false, status: 400, code: 'BadArgument', message: 'The body must be an activity: a JSON object with a "type".' };
  const raw = body as Record<string, unknown>;
  if (typeof raw.type !== 'string' || !CLIENT_TYPES.has(raw.type)) {
    return { ok: false, status: 400, code: 'BadArgument', message: 'The activity type must be "message", "event" or "typing".' };
  }
  if (raw.text !== undefined && typeof raw.text !== 'string')
    return { ok: false, status: 400, code: 'BadArgument', message: 'The activity text must be a string.' };
  const activity: DirectLineActivity = { type: raw.type };
  for (const field of CLIENT_FIELDS) if (raw[field] !== undefined) activity[field] = raw[field];
  if (Buffer.byteLength(JSON.stringify(activity)) > MAX_ACTIVITY_BYTES) {
    return { ok: false, status: 413, code: 'MessageSizeTooBig', message: tooLarge };
  }
  return { ok: true, activity };
}

/** A bot's activity as residents' clients see it: no serviceUrl (it carries the connector key), no traces. */
export function streamCopy(activity: Record<string, unknown>): DirectLineActivity | undefined {
  if (typeof activity.type !== 'string' || activity.type === 'trace') return undefined;
  const copy: DirectLineActivity = { ...activity, type: activity.type };
  delete copy.serviceUrl;
  delete copy.id;
  if (!copy.timestamp) copy.timestamp = new Date().toISOString();
  return copy;
}
