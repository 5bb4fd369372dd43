import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { PreparedQuery } from '../platform/storage/preparedQuery';
import type { CallbackRequestTable, DatabaseSchema, HandoffMessageTable, HandoffTable } from '../platform/storage/schema';
import { handoffLocale } from '../dialogs/handoffLocale';
import type { CallbackRequest, Handoff, HandoffContext, HandoffMessage, HandoffStatus } from '../dialogs/handoffTypes';

export interface NewHandoff {
  conversationId: string;
  reference: Handoff['reference'];
  status: 'queued' | 'external';
  priority: number;
  reason: string;
  language: string;
  summary: string;
  context: HandoffContext;
}

/** A handoff in progress: queued, with a member of staff, or with an external contact centre. */
const OPEN_STATUSES: HandoffStatus[] = ['queued', 'active', 'external'];
const OPEN = new Set<string>(OPEN_STATUSES);

let lastMs = 0;
/** Milliseconds that never repeat within a process, so messages keep their order. */
function monotonicMs(): number {
  const now = Date.now();
  lastMs = now > lastMs ? now : lastMs + 1;
  return lastMs;
}

/**
 * The queue, the relay's messages and who-accepted-what, in the database. Every state
 * change is one conditional UPDATE, so two processes (or two agents) cannot both win.
 */
export class HandoffStore {
  /** Run for every resident message (the relay's check), so compiled once. */
  private readonly openQuery: PreparedQuery<{ conversationId: string }, Selectable<HandoffTable>>;

  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.openQuery = new PreparedQuery(db, ({ conversationId }) => db.selectFrom('handoff').selectAll().where('conversation_id', '=', conversationId), [
      'conversationId',
    ]);
  }

  private iso(): string {
    return this.now().toISOString();
  }

  async create(input: NewHandoff): Promise<Handoff> {
    const at = this.iso();
    const row: HandoffTable = {
      id: randomUUID(),
      conversation_id: input.conversationId,
      conversation_ref: JSON.stringify(input.reference),
      status: input.status,
      priority: input.priority,
      reason: input.reason,
      language: handoffLocale(input.language),
      summary: input.summary.slice(0, 500),
      context: JSON.stringify(input.context),
      agent_id: null,
      created_at: at,
      queued_at: at,
      accepted_at: null,
      agent_seen_at: null,
      ended_at: null,
      end_reason: null,
    };
    await this.db.insertInto('handoff').values(row).execute();
    return toHandoff(row);
  }

  async get(id: string): Promise<Handoff | undefined> {
    const row = await this.db.selectFrom('handoff').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toHandoff(row) : undefined;
  }

  /** The conversation's handoff still in progress (queued, active or with an external centre). */
  async openFor(conversationId: string): Promise<Handoff | undefined> {
    // The conversation's handoffs (a handful at most) are filtered and the newest picked here: with
    // ORDER BY, SQLite opened a sorter on every call (about 50 µs even when there is no row), and
    // the status list made it build a temporary table; this runs for every message.
    let newest: Selectable<HandoffTable> | undefined;
    for (const row of (await this.openQuery.execute({ conversationId })).rows) {
      if (OPEN.has(row.status) && (!newest || row.created_at > newest.created_at)) newest = row;
    }
    return newest ? toHandoff(newest) : undefined;
  }

  /** Waiting conversations, most urgent first, then longest waiting. */
  async queued(): Promise<Handoff[]> {
    const rows = await this.db
      .selectFrom('handoff')
      .selectAll()
      .where('status', '=', 'queued')
      .orderBy('priority')
      .orderBy('queued_at')
      .orderBy('id')
      .execute();
    return rows.map(toHandoff);
  }

  async active(): Promise<Handoff[]> {
    const rows = await this.db.selectFrom('handoff').selectAll().where('status', '=', 'active').orderBy('accepted_at').execute();
    return rows.map(toHandoff);
  }

  /** 1-based place in the queue, or undefined when not queued. */
  async position(handoff: Handoff): Promise<number | undefined> {
    const queue = await this.queued();
    const i = queue.findIndex((h) => h.id === handoff.id);
    return i < 0 ? undefined : i + 1;
  }

  /** Only one agent can win: the UPDATE matches only while the conversation is still queued. */
  async accept(id: string, staffId: string): Promise<boolean> {
    const at = this.iso();
    const result = await this.db
      .updateTable('handoff')
      .set({ status: 'active', agent_id: staffId, accepted_at: at, agent_seen_at: at })
      .where('id', '=', id)
      .where('status', '=', 'queued')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Back to the queue, keeping its original place (queued_at is not reset). */
  async requeue(id: string, staffId?: string): Promise<boolean> {
    let q = this.db
      .updateTable('handoff')
      .set({ status: 'queued', agent_id: null, accepted_at: null, agent_seen_at: null })
      .where('id', '=', id)
      .where('status', '=', 'active');
    if (staffId) q = q.where('agent_id', '=', staffId);
    const result = await q.executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** The sweeper's requeue: only while the agent has still not been seen since `cutoff`. */
  async requeueIfAbandoned(id: string, cutoff: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('handoff')
      .set({ status: 'queued', agent_id: null, accepted_at: null, agent_seen_at: null })
      .where('id', '=', id)
      .where('status', '=', 'active')
      .where('agent_seen_at', '<', cutoff.toISOString())
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async end(id: string, endReason: string, fromStatuses: HandoffStatus[] = OPEN_STATUSES): Promise<boolean> {
    const result = await this.db
      .updateTable('handoff')
      .set({ status: 'ended', ended_at: this.iso(), end_reason: endReason })
      .where('id', '=', id)
      .where('status', 'in', fromStatuses)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async setPriority(id: string, priority: number): Promise<void> {
    await this.db.updateTable('handoff').set({ priority }).where('id', '=', id).where('priority', '>', priority).execute();
  }

  /** The agent's console is still open (called while its WebSocket is connected). */
  async touchAgent(staffIds: string[]): Promise<void> {
    if (staffIds.length === 0) return;
    await this.db.updateTable('handoff').set({ agent_seen_at: this.iso() }).where('status', '=', 'active').where('agent_id', 'in', staffIds).execute();
  }

  /** Active conversations whose agent has not been seen since `cutoff`. */
  async abandoned(cutoff: Date): Promise<Handoff[]> {
    const rows = await this.db.selectFrom('handoff').selectAll().where('status', '=', 'active').where('agent_seen_at', '<', cutoff.toISOString()).execute();
    return rows.map(toHandoff);
  }

  async addMessage(
    handoffId: string,
    sender: HandoffMessage['sender'],
    text: string,
    staffId: string | null = null,
    flag: string | null = null,
  ): Promise<HandoffMessage> {
    const row: HandoffMessageTable = {
      id: randomUUID(),
      handoff_id: handoffId,
      sender,
      staff_id: staffId,
      text,
      flag,
      at_ms: monotonicMs(),
      created_at: this.iso(),
    };
    await this.db.insertInto('handoff_message').values(row).execute();
    return toMessage(row);
  }

  async message(id: string): Promise<HandoffMessage | undefined> {
    const row = await this.db.selectFrom('handoff_message').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toMessage(row) : undefined;
  }

  async messages(handoffId: string): Promise<HandoffMessage[]> {
    const rows = await this.db.selectFrom('handoff_message').selectAll().where('handoff_id', '=', handoffId).orderBy('at_ms').orderBy('id').execute();
    return rows.map(toMessage);
  }

  async createCase(handoffId: string | null, staffId: string, fields: Record<string, string>): Promise<string> {
    const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
    const bytes = randomBytes(8);
    const reference = 'CC-' + Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
    await this.db
      .insertInto('staff_case')
      .values({ id: randomUUID(), reference, handoff_id: handoffId, staff_id: staffId, fields: JSON.stringify(fields), created_at: this.iso() })
      .execute();
    return reference;
  }

  async addCallback(input: Omit<CallbackRequest, 'id' | 'reference' | 'status' | 'createdAt' | 'language'>): Promise<CallbackRequest> {
    const row: Selectable<CallbackRequestTable> = {
      id: randomUUID(),
      conversation_id: input.conversationId,
      name: input.name,
      contact: input.contact,
      best_time: input.bestTime,
      about: input.about,
      priority: input.priority,
      context: JSON.stringify(input.context),
      status: 'open',
      created_at: this.iso(),
      done_by: null,
      done_at: null,
      language: handoffLocale(input.context.language),
    };
    await this.db.insertInto('callback_request').values(row).execute();
    return toCallback(row);
  }

  async openCallbacks(): Promise<CallbackRequest[]> {
    const rows = await this.db.selectFrom('callback_request').selectAll().where('status', '=', 'open').orderBy('priority').orderBy('created_at').execute();
    return rows.map(toCallback);
  }

  async callbackDone(id: string, staffId: string): Promise<boolean> {
    const result = await this.db
      .updateTable('callback_request')
      .set({ status: 'done', done_by: staffId, done_at: this.iso() })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}

function toHandoff(row: Selectable<HandoffTable>): Handoff {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    reference: JSON.parse(row.conversation_ref) as Handoff['reference'],
    status: row.status as HandoffStatus,
    priority: row.priority,
    reason: row.reason,
    language: row.language,
    summary: row.summary,
    context: JSON.parse(row.context) as HandoffContext,
    agentId: row.agent_id,
    createdAt: row.created_at,
    queuedAt: row.queued_at,
    acceptedAt: row.accepted_at,
    endedAt: row.ended_at,
    endReason: row.end_reason,
  };
}

function toMessage(row: Selectable<HandoffMessageTable>): HandoffMessage {
  return {
    id: row.id,
    handoffId: row.handoff_id,
    sender: row.sender as HandoffMessage['sender'],
    staffId: row.staff_id,
    text: row.text,
    flag: row.flag,
    at: new Date(Number(row.at_ms)).toISOString(),
  };
}

/** A call-back request's reference, from its random id: short enough to read out over the phone. */
export function callbackReference(id: string): string {
  return 'CB-' + id.replace(/-/g, '').slice(0, 8).toUpperCase();
}

function toCallback(row: Selectable<CallbackRequestTable>): CallbackRequest {
  return {
    id: row.id,
    reference: callbackReference(row.id),
    conversationId: row.conversation_id,
    name: row.name,
    contact: row.contact,
    bestTime: row.best_time,
    about: row.about,
    priority: row.priority,
    context: JSON.parse(row.context) as HandoffContext,
    language: row.language,
    status: row.status as CallbackRequest['status'],
    createdAt: row.created_at,
  };
}
