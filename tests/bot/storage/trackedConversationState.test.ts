import { MemoryStorage, type StoreItems } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { isETagConflict, KyselyStorage } from '../../../platform/storage/kyselyStorage';
import { AppDatabase } from '../../../platform/storage/database';
import { TrackedConversationState } from '../../../platform/storage/trackedConversationState';
import { detachedTurn } from '../../support/detachedTurn';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** MemoryStorage that counts what reaches it. */
class CountingStorage extends MemoryStorage {
  reads = 0;
  writes: StoreItems[] = [];
  override async read(keys: string[]): Promise<StoreItems> {
    this.reads++;
    return super.read(keys);
  }
  override async write(changes: StoreItems): Promise<void> {
    this.writes.push(JSON.parse(JSON.stringify(changes)) as StoreItems);
    return super.write(changes);
  }
}

const turn = (conversation = 'c1') =>
  detachedTurn({
    type: 'message',
    text: 'hi',
    channelId: 'test',
    conversation: { id: conversation, isGroup: false, conversationType: '', name: '' },
    from: { id: 'u', name: 'Resident' },
    recipient: { id: 'b', name: 'Bot' },
  });

describe('TrackedConversationState', () => {
  it('loads once per turn and keeps property values across turns', async () => {
    const storage = new CountingStorage();
    const state = new TrackedConversationState(storage);
    const count = state.createProperty<number>('count');
    for (const expected of [1, 2, 3]) {
      const context = turn();
      await count.set(context, (await count.get(context, 0)) + 1);
      expect(await count.get(context)).toBe(expected);
      await state.saveChanges(context);
    }
    expect(storage.reads).toBe(3);
    expect(storage.writes).toHaveLength(3);
    expect(await count.get(turn())).toBe(3);
  });

  it('writes only when something changed, however deep, or when forced', async () => {
    const storage = new CountingStorage();
    const state = new TrackedConversationState(storage);
    const memory = state.createProperty<{ transcript: string[] }>('memory');
    const first = turn();
    (await memory.get(first, { transcript: [] })).transcript.push('hello');
    await state.saveChanges(first);
    expect(storage.writes).toHaveLength(1);

    const readOnly = turn();
    await memory.get(readOnly);
    await state.saveChanges(readOnly);
    expect(storage.writes).toHaveLength(1);

    const nested = turn();
    (await memory.get(nested))!.transcript.push('thanks');
    await state.saveChanges(nested);
    expect(storage.writes).toHaveLength(2);
    // Saving again in the same turn, unchanged since, writes nothing more.
    await state.saveChanges(nested);
    expect(storage.writes).toHaveLength(2);

    const forced = turn();
    await memory.get(forced);
    await state.saveChanges(forced, true);
    expect(storage.writes).toHaveLength(3);
    // Without loading, nothing is saved unless forced (then an empty state).
    await state.saveChanges(turn('c2'));
    expect(storage.writes).toHaveLength(3);
    await state.saveChanges(turn('c3'), true);
    expect(Object.values(storage.writes[3])[0]).toEqual({ eTag: '*' });
    expect((await memory.get(turn()))!.transcript).toEqual(['hello', 'thanks']);
  });

  it('clears, deletes and gets like BotState', async () => {
    const storage = new CountingStorage();
    const state = new TrackedConversationState(storage);
    const flag = state.createProperty<boolean>('flag');
    const context = turn();
    expect(state.get(context)).toBeUndefined();
    await flag.set(context, true);
    expect(state.get(context)).toMatchObject({ flag: true });
    await state.saveChanges(context);

    const clearing = turn();
    await flag.get(clearing);
    await state.clear(clearing);
    await state.saveChanges(clearing);
    expect(await flag.get(turn())).toBeUndefined();

    const deleting = turn();
    await flag.set(deleting, true);
    await state.saveChanges(deleting);
    expect(Object.keys(await storage.read(['test/conversations/c1/']))).toHaveLength(1);
    await state.delete(deleting);
    expect(state.get(deleting)).toBeUndefined();
    expect(await storage.read(['test/conversations/c1/'])).toEqual({});
  });
});

describe('TrackedConversationState: two turns of one conversation at once', () => {
  async function overlap(storage: MemoryStorage | KyselyStorage) {
    const state = new TrackedConversationState(storage);
    const answer = state.createProperty<string>('answer');
    const setUp = turn('race');
    await answer.set(setUp, 'first');
    await state.saveChanges(setUp);

    // Both turns load the same version; the first to save wins, the second is told, not silently lost.
    const a = turn('race');
    const b = turn('race');
    await answer.set(a, 'from a');
    await answer.set(b, 'from b');
    await state.saveChanges(a);
    const refused = await state.saveChanges(b).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(isETagConflict(refused)).toBe(true);
    expect(await answer.get(turn('race'))).toBe('from a');

    // The winner can save again in the same turn (its eTag follows its own writes).
    await answer.set(a, 'from a, again');
    await state.saveChanges(a);
    expect(await answer.get(turn('race'))).toBe('from a, again');
  }

  it('with MemoryStorage', async () => {
    await overlap(new MemoryStorage());
  });

  it('with the project database (SQLite)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracked-state-'));
    const database = await AppDatabase.open({ dataDir: dir });
    try {
      await overlap(new KyselyStorage(database.db));
    } finally {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
