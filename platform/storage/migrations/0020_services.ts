import type { Kysely } from 'kysely';

/** The built-in Open311 back office (requests + updates) and the bot's delivery outbox. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('open311_requests')
    .addColumn('service_request_id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull().unique())
    .addColumn('service_code', 'varchar(64)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('extended_status', 'varchar(48)', (c) => c.notNull())
    .addColumn('status_notes', 'text')
    .addColumn('description', 'text')
    .addColumn('lat', 'double precision')
    .addColumn('long', 'double precision')
    .addColumn('address_string', 'text')
    .addColumn('address_id', 'varchar(64)')
    .addColumn('attributes', 'text', (c) => c.notNull())
    .addColumn('email', 'varchar(320)')
    .addColumn('first_name', 'varchar(200)')
    .addColumn('last_name', 'varchar(200)')
    .addColumn('phone', 'varchar(40)')
    .addColumn('client_reference', 'varchar(128)', (c) => c.unique())
    .addColumn('service_notice', 'text')
    .addColumn('requested_datetime', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_datetime', 'varchar(32)', (c) => c.notNull())
    .addColumn('expected_datetime', 'varchar(32)')
    .execute();
  await db.schema.createIndex('open311_requests_requested').on('open311_requests').column('requested_datetime').execute();
  await db.schema
    .createTable('open311_updates')
    .addColumn('update_id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('service_request_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('status', 'varchar(48)', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('updated_datetime', 'varchar(32)', (c) => c.notNull())
    .addColumn('external_status_code', 'varchar(64)')
    .execute();
  await db.schema.createIndex('open311_updates_request').on('open311_updates').column('service_request_id').execute();
  await db.schema.createIndex('open311_updates_time').on('open311_updates').column('updated_datetime').execute();
  await db.schema
    .createTable('service_outbox')
    .addColumn('reference', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('service_code', 'varchar(64)', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('conversation_reference', 'text')
    .addColumn('state', 'varchar(16)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('locked_until', 'varchar(32)')
    .addColumn('last_error', 'text')
    .addColumn('service_request_id', 'varchar(64)')
    .addColumn('service_notice', 'text')
    .addColumn('notified', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('service_outbox_due').on('service_outbox').columns(['state', 'next_attempt_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('service_outbox').execute();
  await db.schema.dropTable('open311_updates').execute();
  await db.schema.dropTable('open311_requests').execute();
}
