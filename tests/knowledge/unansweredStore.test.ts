import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_QUESTION_LENGTH, UnansweredStore } from '../../knowledge/unansweredStore';
import { bothEngines, openedBeforeEach } from '../privacy/engines';
import { createTestPostgres } from '../support/postgres';

/** Personal data a resident might type into a question, none of which may be stored in clear. */
const PERSONAL = ['jo.bloggs@example.com', '07700 900123', '07700900123', 'AT1 1AA', '12 High Street', 'Jo Bloggs', 'Bloggs'];
const QUESTION = 'My name is Jo Bloggs, I live at 12 High Street, AT1 1AA. Can I keep chickens? Email jo.bloggs@example.com or ring 07700 900123';

/** Every byte SQLite has written (the database, its journal and WAL files). */
function sqliteBytes(dataDir: string): string {
  return fs
    .readdirSync(dataDir)
    .filter((f) => fs.statSync(path.join(dataDir, f)).isFile())
    .map((f) => fs.readFileSync(path.join(dataDir, f)).toString('latin1'))
    .join('\n');
}

describe('UnansweredStore', async () => {
  const pg = await createTestPostgres();
  afterAll(async () => pg.drop());

  describe.each(bothEngines(pg))('on $name', (engine) => {
    const database = openedBeforeEach(engine);

    it.skipIf(!!engine.skip)('stores the question with personal data redacted, never in clear', async () => {
      const db = database().db;
      await db.deleteFrom('unanswered_question').execute();
      await new UnansweredStore(db).record(QUESTION, 'no_answer');
      const rows = await db.selectFrom('unanswered_question').selectAll().execute();
      expect(rows).toHaveLength(1);
      expect(Object.keys(rows[0]).sort()).toEqual(['article_id', 'created_at', 'id', 'outcome', 'question']);
      expect(rows[0].question).toBe('My name is [name], I live at [address], [postcode]. Can I keep chickens? Email [email] or ring [phone]');
      for (const value of PERSONAL) expect(rows[0].question).not.toContain(value);
      if (engine.env.DATA_DIR) {
        // Not in the file either (no copy of the clear text anywhere SQLite wrote).
        const bytes = sqliteBytes(engine.env.DATA_DIR);
        expect(bytes).toContain('Can I keep chickens?');
        for (const value of PERSONAL) expect(bytes).not.toContain(value);
      }
    });

    it.skipIf(!!engine.skip)('keeps the outcome and the article, skips empty text, cuts long pastes, and reads a window of time', async () => {
      const db = database().db;
      await db.deleteFrom('unanswered_question').execute();
      let now = new Date('2026-11-01T09:00:00.000Z');
      const store = new UnansweredStore(db, () => now);
      await store.record('  dog   licence?  ', 'no_answer');
      await store.record('   ', 'no_answer');
      now = new Date('2026-11-20T09:00:00.000Z');
      await store.record('how do I pay', 'not_helpful', 'council-tax-pay');
      await store.record('x'.repeat(5000), 'no_answer');
      expect(await store.since(new Date('2026-10-01T00:00:00.000Z'))).toMatchObject([
        { question: 'dog licence?', outcome: 'no_answer', articleId: null, createdAt: '2026-11-01T09:00:00.000Z' },
        {},
        {},
      ]);
      const recent = await store.since(new Date('2026-11-10T00:00:00.000Z'));
      expect(recent.map((q) => [q.question.length, q.outcome, q.articleId]).sort()).toEqual(
        [
          [12, 'not_helpful', 'council-tax-pay'],
          [MAX_QUESTION_LENGTH, 'no_answer', null],
        ].sort(),
      );
    });
  });
});
