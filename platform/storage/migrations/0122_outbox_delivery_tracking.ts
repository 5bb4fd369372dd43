import type { Kysely } from 'kysely';

/**
 * What the outbox needs to deliver a report exactly once to any back office:
 * - `delivery_token`: the token of an asynchronous creation (`[{"token": …}]`), followed with
 *   `GET tokens/{token}` until a service_request_id arrives; once held, the report is never POSTed again;
 * - `first_posted_at`: when the report was first sent, the time window of the look-up;
 * - `outcome_unknown`: 1 from just before a POST until its answer is known (a timeout, a dropped
 *   connection, a 5xx or a crash leave it set): the next attempt looks the report up before sending it again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('service_outbox').addColumn('delivery_token', 'varchar(256)').execute();
  await db.schema.alterTable('service_outbox').addColumn('first_posted_at', 'varchar(32)').execute();
  await db.schema
    .alterTable('service_outbox')
    .addColumn('outcome_unknown', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('service_outbox').dropColumn('outcome_unknown').execute();
  await db.schema.alterTable('service_outbox').dropColumn('first_posted_at').execute();
  await db.schema.alterTable('service_outbox').dropColumn('delivery_token').execute();
}
