import { sql, type Kysely } from 'kysely';

/**
 * Staff roles beyond answering chats: a space-separated list on the account (`content`: may
 * read the knowledge report). Granted and revoked with `npm run staff:grant` / `staff:revoke`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('staff_account')
    .addColumn('roles', 'varchar(200)', (c) => c.notNull().defaultTo(sql`''`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('staff_account').dropColumn('roles').execute();
}
