import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../platform/storage/schema';

/** What can happen in a conversation, as insight counts it (docs/insights.md). */
export const EVENT_KINDS = ['routed', 'answered', 'helpful', 'unhelpful', 'filed', 'person', 'callback', 'safeguarding', 'prompt', 'out_of_scope'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** How the resident reached the assistant. */
export const CHANNELS = ['web', 'teams', 'directline', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface InsightEvent {
  /** The conversation as a salted hash ({@link conversationKey}). */
  conversation: string;
  channel: Channel;
  kind: EventKind;
  /** An article id, a service code, a risk category, a question's field or the way to a person; never the resident's words. */
  detail: string | null;
  /** ISO timestamp. */
  at: string;
}

export interface InsightEventRecorder {
  /**
   * Stores one turn's events in order; `into` is a transaction of the turn's to write them in, and
   * `firstSeq` the number of the turn's events already written (their order within the turn).
   */
  record(events: readonly InsightEvent[], into?: Kysely<DatabaseSchema>, firstSeq?: number): Promise<void>;
}

/** A conversation id as stored: not reversible, and not the same in two installations (each has its own salt). */
export function conversationKey(conversationId: string, salt: string): string {
  return createHash('sha256').update(`${salt}\u0000${conversationId}`).digest('hex').slice(0, 32);
}

/** The `insight_event` table (SQLite or PostgreSQL). */
export class InsightEventStore implements InsightEventRecorder {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  /** One turn's events, in the order they happened. */
  async record(events: readonly InsightEvent[], into: Kysely<DatabaseSchema> = this.db, firstSeq = 0): Promise<void> {
    if (!events.length) return;
    await into
      .insertInto('insight_event')
      .values(
        events.map((e, i) => ({
          id: randomUUID(),
          conversation: e.conversation,
          channel: e.channel,
          kind: e.kind,
          detail: e.detail?.slice(0, 200) ?? null,
          created_at: e.at,
          seq: firstSeq + i,
        })),
      )
      .execute();
  }

  /** Events of conversations that began on or after `from` and before `to` (ISO days), oldest first. */
  async between(from: string, to: string): Promise<InsightEvent[]> {
    const rows = await this.db
      .selectFrom('insight_event')
      .select(['conversation', 'channel', 'kind', 'detail', 'created_at'])
      .where('created_at', '>=', from)
      .where('created_at', '<', to)
      .orderBy('created_at')
      .orderBy('seq')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({ conversation: r.conversation, channel: r.channel as Channel, kind: r.kind as EventKind, detail: r.detail, at: r.created_at }));
  }
}
