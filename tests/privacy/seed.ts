import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../../platform/storage/schema';

/** Rows of every kind that holds residents' data, written straight into the real tables. */
export const DAY = 86_400_000;
export const daysAgo = (now: Date, days: number) => new Date(now.getTime() - days * DAY).toISOString();

export interface Resident {
  /** Used as the conversation id, the outbox reference's suffix and the ids' prefix. */
  id: string;
  email?: string;
  phone?: string;
  name?: string;
}

const conversationRef = (conversationId: string) =>
  JSON.stringify({
    conversation: { id: conversationId },
    channelId: 'directline',
    serviceUrl: 'http://127.0.0.1:9',
  });

export async function addConversationState(db: Kysely<DatabaseSchema>, r: Resident, at: string, text = 'hello'): Promise<string> {
  const id = `directline/conversations/${r.id}`;
  await db
    .insertInto('bot_state')
    .values({
      id,
      data: JSON.stringify({
        handoffMemory: { transcript: [{ from: 'resident', text, at }] },
      }),
      etag: 'e',
      updated_at: at,
    })
    .execute();
  return id;
}

export async function addHandoff(db: Kysely<DatabaseSchema>, r: Resident, at: string, status = 'ended', text = 'I need help'): Promise<string> {
  const id = `${r.id}-handoff`;
  await db
    .insertInto('handoff')
    .values({
      id,
      conversation_id: r.id,
      conversation_ref: conversationRef(r.id),
      status,
      priority: 2,
      reason: 'resident_asked',
      language: 'en',
      summary: 'Asked for a person',
      context: JSON.stringify({
        reason: 'resident_asked',
        priority: 2,
        language: 'en',
        transcript: [{ from: 'resident', text, at }],
        captured: {},
      }),
      agent_id: null,
      created_at: at,
      queued_at: at,
      accepted_at: null,
      agent_seen_at: null,
      ended_at: status === 'ended' ? at : null,
      end_reason: null,
    })
    .execute();
  await db
    .insertInto('handoff_message')
    .values({
      id: `${id}-m1`,
      handoff_id: id,
      sender: 'resident',
      staff_id: null,
      text,
      flag: null,
      at_ms: Date.parse(at),
      created_at: at,
    })
    .execute();
  await db
    .insertInto('staff_case')
    .values({
      id: `${id}-case`,
      reference: `CC-${r.id.toUpperCase()}`,
      handoff_id: id,
      staff_id: 'staff-1',
      fields: JSON.stringify({ note: text }),
      created_at: at,
    })
    .execute();
  return id;
}

export async function addStaffCaseAlone(db: Kysely<DatabaseSchema>, r: Resident, at: string): Promise<string> {
  const id = `${r.id}-case-alone`;
  await db
    .insertInto('staff_case')
    .values({
      id,
      reference: `CC-${r.id.toUpperCase()}-A`,
      handoff_id: null,
      staff_id: 'staff-1',
      fields: JSON.stringify({ name: r.name ?? '' }),
      created_at: at,
    })
    .execute();
  return id;
}

export async function addCallback(db: Kysely<DatabaseSchema>, r: Resident, at: string, status = 'done'): Promise<string> {
  const id = `${r.id}-callback`;
  await db
    .insertInto('callback_request')
    .values({
      id,
      conversation_id: r.id,
      name: r.name ?? 'Sam',
      contact: r.phone ?? r.email ?? '07700 900000',
      best_time: 'mornings',
      about: 'council tax',
      priority: 3,
      context: '{}',
      status,
      created_at: at,
      done_by: status === 'done' ? 'staff-1' : null,
      done_at: status === 'done' ? at : null,
    })
    .execute();
  return id;
}

export async function addOutbox(db: Kysely<DatabaseSchema>, r: Resident, at: string, state = 'delivered'): Promise<string> {
  const reference = `AT-${r.id.toUpperCase()}`;
  await db
    .insertInto('service_outbox')
    .values({
      reference,
      service_code: 'streetlight',
      payload: JSON.stringify({
        service_code: 'streetlight',
        address_string: 'Mill Lane',
        email: r.email,
        phone: r.phone,
        first_name: r.name,
        attributes: {},
      }),
      conversation_reference: conversationRef(r.id),
      state,
      attempts: 1,
      next_attempt_at: at,
      locked_until: null,
      last_error: null,
      service_request_id: state === 'pending' ? null : `SR-${r.id.toUpperCase()}`,
      service_notice: null,
      notified: 1,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return reference;
}

let seq = 100000;
export async function addRequest(db: Kysely<DatabaseSchema>, r: Resident, at: string): Promise<string> {
  const id = `SR-${r.id.toUpperCase()}`;
  await db
    .insertInto('open311_requests')
    .values({
      service_request_id: id,
      seq: ++seq,
      service_code: 'streetlight',
      status: 'closed',
      extended_status: 'FIXED',
      status_notes: null,
      description: 'Light out',
      lat: null,
      long: null,
      address_string: 'Mill Lane',
      address_id: null,
      attributes: '{}',
      email: r.email ?? null,
      first_name: r.name ?? null,
      last_name: 'Resident',
      phone: r.phone ?? null,
      client_reference: `AT-${r.id.toUpperCase()}`,
      service_notice: null,
      requested_datetime: at,
      updated_datetime: at,
      expected_datetime: null,
    })
    .execute();
  return id;
}

export async function addFeedback(db: Kysely<DatabaseSchema>, id: string, at: string): Promise<string> {
  await db.insertInto('feedback').values({ id, subject: 'council-tax', helpful: 1, created_at: at }).execute();
  return id;
}

export async function addWebChat(db: Kysely<DatabaseSchema>, r: Resident, at: string, text: string): Promise<void> {
  await db
    .insertInto('directline_conversations')
    .values({
      id: r.id,
      user_id: `${r.id}-user`,
      started: 1,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await db
    .insertInto('directline_activities')
    .values({
      conversation_id: r.id,
      seq: 1,
      activity: JSON.stringify({
        type: 'message',
        text,
        from: { id: `${r.id}-user` },
      }),
      created_at: at,
    })
    .execute();
  await db
    .insertInto('bot_state')
    .values({
      id: `directline/users/${r.id}-user`,
      data: JSON.stringify({ profile: { welcomed: true } }),
      etag: 'e',
      updated_at: at,
    })
    .execute();
}

/** One resident's data of every kind, as the assistant would hold it a few days after they used it. */
export async function addResident(db: Kysely<DatabaseSchema>, r: Resident & { email: string; phone: string; name: string }, at: string): Promise<void> {
  // The transcript names them only by email; the rest is found through their conversation.
  await addConversationState(db, r, at, `my email is ${r.email.toUpperCase()}`);
  await addWebChat(db, r, at, `you can reach me on ${r.email}`);
  await addHandoff(db, r, at, 'ended', 'can someone call me back');
  await addCallback(db, r, at, 'open');
  await addOutbox(db, r, at, 'delivered');
  await addRequest(db, r, at);
}

/** Every row of every table that holds residents' data, to compare before and after. */
export async function snapshotAll(db: Kysely<DatabaseSchema>): Promise<Record<string, unknown[]>> {
  const tables = [
    'bot_state',
    'directline_conversations',
    'directline_activities',
    'handoff',
    'handoff_message',
    'staff_case',
    'callback_request',
    'service_outbox',
    'open311_requests',
  ] as const;
  const out: Record<string, unknown[]> = {};
  for (const t of tables) out[t] = await db.selectFrom(t).selectAll().execute();
  return out;
}
