import type { Kysely } from 'kysely';

/**
 * Staff console hardening: accounts can be disabled, and sign-in limits are counted per
 * account and per client address in one table that a single UPSERT updates atomically
 * (replacing staff_sign_in_throttle, whose read-then-write lost counts under parallel
 * attempts; its rows are short-lived lock-outs, so nothing of value is dropped).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('staff_account').addColumn('disabled_at', 'varchar(32)').execute();
  await db.schema
    .createTable('staff_sign_in_limit')
    // 'account:<username typed>' or 'address:<client address>'
    .addColumn('key', 'varchar(200)', (c) => c.primaryKey())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('window_started_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('locked_until', 'varchar(32)')
    .execute();
  await db.schema.dropTable('staff_sign_in_throttle').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('staff_sign_in_throttle')
    .addColumn('username', 'varchar(128)', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('locked_until', 'varchar(32)')
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.dropTable('staff_sign_in_limit').execute();
  await db.schema.alterTable('staff_account').dropColumn('disabled_at').execute();
}
