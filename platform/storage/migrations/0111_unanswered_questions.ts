import type { Kysely } from 'kysely';

/**
 * The knowledge report (`npm run kb:report`, the console's knowledge report): questions the
 * assistant could not answer, or whose answer a resident said did not help. Only the question
 * with personal data redacted (`platform/redact.ts`), the outcome, the article offered and when:
 * never the conversation, the channel's user id or anything else that says who asked.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('unanswered_question')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    // the resident's words, redacted before they are stored; at most 500 characters
    .addColumn('question', 'text', (c) => c.notNull())
    // no_answer | not_helpful
    .addColumn('outcome', 'varchar(16)', (c) => c.notNull())
    // the article offered (not_helpful), else null
    .addColumn('article_id', 'varchar(200)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  // The report reads a window of days, and the retention purge filters by age.
  await db.schema.createIndex('unanswered_question_created').on('unanswered_question').column('created_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('unanswered_question').execute();
}
