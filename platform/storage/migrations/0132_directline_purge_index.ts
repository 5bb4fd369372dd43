import type { Kysely } from 'kysely';

/**
 * The Direct Line retention purge finds conversations untouched since a cut-off: an index on
 * `updated_at` lets it read each short batch without scanning the whole table (issue 23).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('directline_conversations_updated').on('directline_conversations').column('updated_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('directline_conversations_updated').execute();
}
