import type { Kysely } from 'kysely';

/**
 * Benefits insight (issue 22, insights/): what happened in each conversation, as events with no
 * personal data — never the resident's words, names, contact details or addresses, nor the
 * channel's user or conversation id (the conversation is a salted hash, only to tell one
 * conversation's events from another's).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('insight_event')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    // sha-256 of the conversation id and a salt of this installation, cut to 32 hex characters
    .addColumn('conversation', 'varchar(64)', (c) => c.notNull())
    // web | teams | directline | other
    .addColumn('channel', 'varchar(16)', (c) => c.notNull())
    // routed | answered | helpful | unhelpful | filed | person | callback | safeguarding | prompt | out_of_scope
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    // how a message was routed (kb, clarify, none, intent:<name>), an article id, a service code, a risk category, a question's field, the way to a person; else null
    .addColumn('detail', 'varchar(200)')
    // ISO timestamp; its first ten characters are the day
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    // the event's place among those of its turn (one turn's events share a time)
    .addColumn('seq', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('insight_event_created').on('insight_event').column('created_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('insight_event').execute();
}
