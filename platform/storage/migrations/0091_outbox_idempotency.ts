import type { Kysely } from 'kysely';

/**
 * The outbox refuses a second row for the same confirmation: `idempotency_key` is derived from
 * the conversation and the dialog instance that asked "Shall I send it?", so two "yes" sent
 * together (or a turn run twice) file one request. Older rows have none (NULLs do not clash).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('service_outbox').addColumn('idempotency_key', 'varchar(128)').execute();
  await db.schema.createIndex('service_outbox_idempotency').unique().on('service_outbox').column('idempotency_key').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('service_outbox_idempotency').execute();
  await db.schema.alterTable('service_outbox').dropColumn('idempotency_key').execute();
}
