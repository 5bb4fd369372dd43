import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { AppDatabase } from '../../platform/storage/database';
import { FeedbackStore } from '../../knowledge/feedbackStore';

async function exercise(database: AppDatabase): Promise<void> {
  const store = new FeedbackStore(database.db);
  await store.record('council-tax-pay', true);
  await store.record('council-tax-pay', false);
  await store.record('library', true);
  expect(await store.counts()).toEqual([
    { subject: 'council-tax-pay', helpful: 1, notHelpful: 1 },
    { subject: 'library', helpful: 1, notHelpful: 0 },
  ]);
  const rows = await database.db.selectFrom('feedback').selectAll().execute();
  expect(rows).toHaveLength(3);
  for (const row of rows) {
    // Only what the table allows: an id, the article, yes/no and when. Nothing about the resident.
    expect(Object.keys(row).sort()).toEqual(['created_at', 'helpful', 'id', 'subject']);
    expect(Number.isNaN(Date.parse(row.created_at))).toBe(false);
  }
}

describe('FeedbackStore', () => {
  it('stores yes/no per article in SQLite', async () => {
    const database = await AppDatabase.open({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'kb-feedback-')) });
    try {
      await exercise(database);
    } finally {
      await database.close();
    }
  });

  const adminUrl = 'postgres://root@127.0.0.1:5432/test';
  const name = `kb_feedback_${process.pid}_${Date.now()}`;
  let created = false;
  afterAll(async () => {
    if (!created) return;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.end();
  });

  it('stores yes/no per article in PostgreSQL', async (ctx) => {
    const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
    try {
      await admin.connect();
    } catch (err) {
      if (process.env.REQUIRE_POSTGRES === '1') throw err;
      ctx.skip(`PostgreSQL is not reachable at 127.0.0.1:5432 (${(err as Error).message})`);
      return;
    }
    await admin.query(`CREATE DATABASE ${name}`);
    created = true;
    await admin.end();
    const database = await AppDatabase.open({ databaseUrl: `postgres://root@127.0.0.1:5432/${name}`, dataDir: os.tmpdir() });
    try {
      await exercise(database);
    } finally {
      await database.close();
    }
  });
});
