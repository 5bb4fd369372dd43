import { sql, type Kysely } from 'kysely';

/**
 * Welsh handoffs (issue 21): a handoff's `language` is now 'en-GB' or 'cy-GB' (it held the activity's
 * locale as sent, e.g. 'en-US'), and a call-back request records the language too, so staff call a
 * Welsh speaker back in Welsh. Existing rows are brought to the two values; an existing call-back takes
 * the language its context recorded. (The rule is written out here, not imported, so that this
 * migration means the same whatever later code does: a tag whose language subtag is 'cy' is Welsh.)
 */
const WELSH = (tag: unknown) => typeof tag === 'string' && /^cy(?:[-_]|$)/i.test(tag.trim());

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('callback_request')
    .addColumn('language', 'varchar(32)', (c) => c.notNull().defaultTo(sql`'en-GB'`))
    .execute();
  await sql`update handoff set language = case when lower(language) = 'cy' or lower(language) like 'cy-%' or lower(language) like 'cy\\_%' escape '\\' then 'cy-GB' else 'en-GB' end`.execute(
    db,
  );
  const callbacks = await sql<{ id: string; context: string }>`select id, context from callback_request`.execute(db);
  for (const row of callbacks.rows) {
    let language: unknown;
    try {
      language = (JSON.parse(row.context) as { language?: unknown }).language;
    } catch {
      continue;
    }
    if (WELSH(language)) await sql`update callback_request set language = 'cy-GB' where id = ${row.id}`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('callback_request').dropColumn('language').execute();
}
