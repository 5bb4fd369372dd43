import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HandoffStore, type NewHandoff } from '../../handoff/handoffStore';
import { AppDatabase } from '../../platform/storage/database';

describe('HandoffStore.openFor', () => {
  let database: AppDatabase;
  let store: HandoffStore;
  let clock = Date.parse('2026-11-27T09:00:00Z');
  beforeAll(async () => {
    database = await AppDatabase.open({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'ca-handoff-store-')) });
    store = new HandoffStore(database.db, () => new Date((clock += 1000)));
  });
  afterAll(async () => database?.close());

  const handoff = (conversationId: string, status: NewHandoff['status'] = 'queued'): NewHandoff => ({
    conversationId,
    reference: { conversation: { id: conversationId, isGroup: false, conversationType: '', name: '' } },
    status,
    priority: 3,
    reason: 'resident_asked',
    language: 'en-GB',
    summary: 'test',
    context: { reason: 'resident_asked', priority: 3, language: 'en-GB', transcript: [], captured: {} },
  });

  it('finds the conversation’s handoff in progress, not ended ones nor other conversations’', async () => {
    expect(await store.openFor('conv-a')).toBeUndefined();
    const first = await store.create(handoff('conv-a'));
    await store.create(handoff('conv-b', 'external'));
    expect((await store.openFor('conv-a'))?.id).toBe(first.id);
    expect(await store.end(first.id, 'resident_left')).toBe(true);
    expect(await store.openFor('conv-a')).toBeUndefined();

    const second = await store.create(handoff('conv-a'));
    expect((await store.openFor('conv-a'))?.id).toBe(second.id);
    expect((await store.openFor('conv-b'))?.status).toBe('external');
  });

  it('prefers the newest when, unusually, two are open', async () => {
    const older = await store.create(handoff('conv-c'));
    const newer = await store.create(handoff('conv-c', 'external'));
    expect((await store.openFor('conv-c'))?.id).toBe(newer.id);
    await store.end(newer.id, 'external_completed');
    expect((await store.openFor('conv-c'))?.id).toBe(older.id);
  });
});
