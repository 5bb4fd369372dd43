import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { createApp } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../platform/logger';
import type { PurgeCounts } from '../../bot/privacy/retentionPurge';
import { RetentionSchedule } from '../../bot/privacy/retentionSchedule';
import { AppDatabase } from '../../platform/storage/database';
import { addConversationState, addOutbox, daysAgo } from './seed';

const NONE: PurgeCounts = {
  conversationState: 0,
  handoffs: 0,
  staffCases: 0,
  callbacks: 0,
  outbox: 0,
  requestsBlanked: 0,
  feedback: 0,
  unansweredQuestions: 0,
  signInLimits: 0,
};

describe('the scheduled retention purge', () => {
  it('is started with the app: aged conversation state and outbox rows go, recent ones stay', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-retention-app-'));
    const seed = await AppDatabase.open({ dataDir });
    const now = new Date();
    await addConversationState(seed.db, { id: 'old' }, daysAgo(now, 8));
    await addConversationState(seed.db, { id: 'new' }, daysAgo(now, 6));
    await addOutbox(seed.db, { id: 'old', email: 'old@example.com' }, daysAgo(now, 4), 'delivered');
    await seed.close();

    const config = loadConfig({
      PORT: '0',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      RETENTION_CONVERSATION_DAYS: '7',
      RETENTION_OUTBOX_DAYS: '3',
    });
    const app = await createApp(config, createLogger('silent'), 'test', {
      retentionSchedule: { firstRunMs: 0 },
    });
    try {
      await vi.waitFor(async () => expect(await app.database.db.selectFrom('service_outbox').select('reference').execute()).toEqual([]), { timeout: 10_000 });
      expect((await app.database.db.selectFrom('bot_state').select('id').execute()).map((r) => r.id)).toEqual(['directline/conversations/new']);
    } finally {
      await app.close();
    }
  });

  it('logs a failed run without personal data and tries again at the next interval', async () => {
    const lines: string[] = [];
    const logger = createLogger(
      'info',
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(chunk.toString());
          done();
        },
      }),
    );
    let calls = 0;
    const purger = {
      run: (): Promise<PurgeCounts> => {
        calls++;
        if (calls === 1) return Promise.reject(new Error('database is locked'));
        return Promise.resolve({ ...NONE, conversationState: 4 });
      },
    };
    const schedule = new RetentionSchedule(purger, logger, {
      firstRunMs: 0,
      intervalMs: 1,
    });
    schedule.start();
    await vi.waitFor(() => expect(lines.some((l) => l.includes('"conversationState":4'))).toBe(true), { timeout: 10_000 });
    await schedule.stop();
    expect(lines.some((l) => l.includes('retention purge failed') && l.includes('database is locked'))).toBe(true);
  });
});
