import type { Kysely } from 'kysely';

/**
 * Contact-centre handoff: the queue, the relay and who accepted what live here, so that
 * several bot processes on one database work together. Staff accounts, sessions, sign-in
 * throttling, the audit trail and out-of-hours callback requests too.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('handoff')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('conversation_id', 'varchar(512)', (c) => c.notNull())
    .addColumn('conversation_ref', 'text', (c) => c.notNull())
    // queued | active | ended | external
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addColumn('reason', 'varchar(64)', (c) => c.notNull())
    .addColumn('language', 'varchar(32)', (c) => c.notNull())
    .addColumn('summary', 'varchar(512)', (c) => c.notNull())
    // JSON: transcript, captured fields, the recognizer's view
    .addColumn('context', 'text', (c) => c.notNull())
    .addColumn('agent_id', 'varchar(64)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('queued_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('accepted_at', 'varchar(32)')
    .addColumn('agent_seen_at', 'varchar(32)')
    .addColumn('ended_at', 'varchar(32)')
    .addColumn('end_reason', 'varchar(64)')
    .execute();
  await db.schema.createIndex('handoff_status').on('handoff').columns(['status', 'priority', 'queued_at']).execute();
  await db.schema.createIndex('handoff_conversation').on('handoff').columns(['conversation_id', 'status']).execute();

  await db.schema
    .createTable('handoff_message')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('handoff_id', 'varchar(64)', (c) => c.notNull())
    // resident | agent | system
    .addColumn('sender', 'varchar(16)', (c) => c.notNull())
    .addColumn('staff_id', 'varchar(64)')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('flag', 'varchar(32)')
    .addColumn('at_ms', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('handoff_message_handoff').on('handoff_message').columns(['handoff_id', 'at_ms']).execute();

  await db.schema
    .createTable('callback_request')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('conversation_id', 'varchar(512)', (c) => c.notNull())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('contact', 'varchar(320)', (c) => c.notNull())
    .addColumn('best_time', 'varchar(200)', (c) => c.notNull())
    .addColumn('about', 'text', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addColumn('context', 'text', (c) => c.notNull())
    // open | done
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('done_by', 'varchar(64)')
    .addColumn('done_at', 'varchar(32)')
    .execute();

  await db.schema
    .createTable('staff_account')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('username', 'varchar(128)', (c) => c.notNull().unique())
    .addColumn('display_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('password_hash', 'varchar(512)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('staff_session')
    .addColumn('id', 'varchar(128)', (c) => c.primaryKey())
    .addColumn('staff_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('csrf_token', 'varchar(128)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  // Keyed by the username typed, whether or not such an account exists (no hint either way).
  await db.schema
    .createTable('staff_sign_in_throttle')
    .addColumn('username', 'varchar(128)', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('locked_until', 'varchar(32)')
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('staff_audit')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('staff_id', 'varchar(64)')
    .addColumn('action', 'varchar(64)', (c) => c.notNull())
    .addColumn('subject', 'varchar(128)')
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('staff_audit_at').on('staff_audit').column('at').execute();

  await db.schema
    .createTable('staff_case')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('reference', 'varchar(32)', (c) => c.notNull().unique())
    .addColumn('handoff_id', 'varchar(64)')
    .addColumn('staff_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['staff_case', 'staff_audit', 'staff_sign_in_throttle', 'staff_session', 'staff_account', 'callback_request', 'handoff_message', 'handoff']) {
    await db.schema.dropTable(t).execute();
  }
}
