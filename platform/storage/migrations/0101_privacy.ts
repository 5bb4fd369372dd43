import type { Kysely } from 'kysely';

/**
 * Retention and residents' rights: indexes on the timestamps the retention purge filters by
 * (so each of its batches is a short index range scan), and the audit of subject-access
 * exports and erasures (a hash of who was asked about, never the email, phone or reference).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('bot_state_updated').on('bot_state').column('updated_at').execute();
  await db.schema.createIndex('feedback_created').on('feedback').column('created_at').execute();
  await db.schema.createIndex('handoff_created').on('handoff').column('created_at').execute();
  await db.schema.createIndex('callback_request_created').on('callback_request').column('created_at').execute();
  await db.schema.createIndex('staff_case_created').on('staff_case').column('created_at').execute();
  await db.schema.createIndex('staff_case_handoff').on('staff_case').column('handoff_id').execute();
  await db.schema.createIndex('service_outbox_finished').on('service_outbox').columns(['state', 'updated_at']).execute();
  await db.schema.createIndex('open311_requests_updated').on('open311_requests').column('updated_datetime').execute();
  await db.schema
    .createTable('privacy_audit')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    // export | erase
    .addColumn('action', 'varchar(16)', (c) => c.notNull())
    // email | phone | reference
    .addColumn('selector_kind', 'varchar(16)', (c) => c.notNull())
    // SHA-256 (hex) of the normalised selector
    .addColumn('selector_hash', 'varchar(64)', (c) => c.notNull())
    // JSON: rows found (export) or erased/blanked (erase), per kind of data
    .addColumn('counts', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('privacy_audit_at').on('privacy_audit').column('at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('privacy_audit').execute();
  for (const index of [
    'open311_requests_updated',
    'service_outbox_finished',
    'staff_case_handoff',
    'staff_case_created',
    'callback_request_created',
    'handoff_created',
    'feedback_created',
    'bot_state_updated',
  ]) {
    await db.schema.dropIndex(index).execute();
  }
}
