import type { Kysely } from 'kysely';

/** Local Direct Line: conversations, their activities (the stream residents see) and the token signing key. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('directline_conversations')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('user_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('started', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('directline_activities')
    .addColumn('conversation_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('activity', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('directline_activities_pk', ['conversation_id', 'seq'])
    .execute();
  await db.schema.createIndex('directline_activities_created').on('directline_activities').column('created_at').execute();
  await db.schema
    .createTable('directline_keys')
    .addColumn('name', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('value', 'varchar(256)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('directline_keys').execute();
  await db.schema.dropTable('directline_activities').execute();
  await db.schema.dropTable('directline_conversations').execute();
}
