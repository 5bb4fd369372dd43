import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * A throwaway PostgreSQL database for one test file. Uses TEST_DATABASE_URL (default
 * postgres://root@127.0.0.1:5432/test) to create `ca_test_<random>`; when PostgreSQL cannot
 * be reached the tests are skipped with the reason, unless REQUIRE_POSTGRES=1 (as in CI).
 */
export interface TestPostgres {
  url?: string;
  skipReason?: string;
  drop(): Promise<void>;
}

export const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';

export async function createTestPostgres(): Promise<TestPostgres> {
  const admin = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (err) {
    const reason = `PostgreSQL is not reachable at ${ADMIN_URL.replace(/\/\/[^@]*@/, '//')} (${(err as Error).message}); set TEST_DATABASE_URL to run these tests`;
    if (process.env.REQUIRE_POSTGRES === '1') throw new Error(reason);
    process.stderr.write(`skipped: ${reason}\n`);
    return { skipReason: reason, drop: () => Promise.resolve() };
  }
  const name = `ca_test_${randomBytes(6).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
