import type { Kysely } from 'kysely';

/**
 * The built-in back office keeps photos' addresses (`media_url`, a JSON list) on requests and
 * updates, and tells a council's status update from a resident's comment (mySociety's POST
 * servicerequestupdates): comments never change the request's status or notes. `client_update_id`
 * is the sender's own id for a comment (FixMyStreet's `update_id`), so that a repeat is not stored
 * twice. A commenter's name, email and phone are not stored.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('open311_requests').addColumn('media_url', 'text').execute();
  await db.schema.alterTable('open311_updates').addColumn('media_url', 'text').execute();
  // council | resident
  await db.schema
    .alterTable('open311_updates')
    .addColumn('origin', 'varchar(16)', (c) => c.notNull().defaultTo('council'))
    .execute();
  await db.schema.alterTable('open311_updates').addColumn('client_update_id', 'varchar(64)').execute();
  // Two deliveries of the same comment racing: the index decides (NULLs do not collide).
  await db.schema.createIndex('open311_updates_client_update').on('open311_updates').columns(['service_request_id', 'client_update_id']).unique().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('open311_updates_client_update').execute();
  await db.schema.alterTable('open311_updates').dropColumn('client_update_id').execute();
  await db.schema.alterTable('open311_updates').dropColumn('origin').execute();
  await db.schema.alterTable('open311_updates').dropColumn('media_url').execute();
  await db.schema.alterTable('open311_requests').dropColumn('media_url').execute();
}
