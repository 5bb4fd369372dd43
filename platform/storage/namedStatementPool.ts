import { createHash } from 'node:crypto';
import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type pg from 'pg';

/** Distinct statements given a name; past this, statements go unnamed (each connection keeps every name it prepared). */
const MAX_NAMES = 500;
/** Only queries, not schema changes (migrations run once). */
const NAMEABLE = /^\s*(select|insert|update|delete|with)\b/i;
/** PostgreSQL refuses a prepared statement whose table changed shape since (a migration by another instance). */
const STALE_PLAN = /cached plan must not change result type/i;

/**
 * Kysely's PostgreSQL driver sends every query unnamed, so PostgreSQL parses and plans it on every
 * call; the bot's queries come from a few builders, so their texts are few. This pool hands Kysely
 * clients that send each query under a name made from its text: node-postgres then prepares it
 * once per connection and afterwards sends only the values (issue 23: PostgreSQL close to
 * SQLite; the same as {@link StatementCache} does for SQLite). A statement PostgreSQL will no
 * longer run (its table changed under it) is sent unnamed from then on.
 */
export class NamedStatementPool implements PostgresPool {
  private readonly names = new Map<string, string | null>();

  constructor(private readonly pool: pg.Pool) {}

  async connect(): Promise<PostgresPoolClient> {
    const client = await this.pool.connect();
    const query = ((sqlOrCursor: string | PostgresCursor<unknown>, parameters?: ReadonlyArray<unknown>) => {
      if (typeof sqlOrCursor !== 'string') return client.query(sqlOrCursor as never);
      return this.run(client, sqlOrCursor, parameters ?? []);
    }) as unknown as PostgresPoolClient['query'];
    return { query, release: (destroy?: boolean) => client.release(destroy) };
  }

  end(): Promise<void> {
    return this.pool.end();
  }

  private async run(client: pg.PoolClient, text: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<never>> {
    const name = this.nameOf(text);
    const values = parameters as unknown[];
    if (!name) return (await client.query(text, values)) as unknown as PostgresQueryResult<never>;
    try {
      return (await client.query({ name, text, values })) as unknown as PostgresQueryResult<never>;
    } catch (err) {
      if (!STALE_PLAN.test((err as Error).message)) throw err;
      this.names.set(text, null);
      return (await client.query(text, values)) as unknown as PostgresQueryResult<never>;
    }
  }

  private nameOf(text: string): string | undefined {
    const known = this.names.get(text);
    if (known !== undefined) return known ?? undefined;
    if (this.names.size >= MAX_NAMES || !NAMEABLE.test(text)) return undefined;
    const name = `k${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    this.names.set(text, name);
    return name;
  }
}
