import type { Kysely } from 'kysely';

/**
 * The HTTP status of a row's last failed delivery, so that requests held back because the back
 * office refuses the bot itself (401/403/404: a rotated key, a wrong URL) can be counted and
 * shown to staff.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('service_outbox').addColumn('last_status', 'integer').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('service_outbox').dropColumn('last_status').execute();
}
