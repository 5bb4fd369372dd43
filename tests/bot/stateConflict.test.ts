import { MemoryStorage, type StoreItems } from 'botbuilder';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Assistant } from '../../bot/assistant';
import { testAssistant } from '../support/assistant';
import { ConversationDriver, replyText } from '../support/conversationRunner';

type Item = Record<string, unknown>;

/**
 * MemoryStorage where, once armed, another turn of the same conversation saves its state just
 * before this turn does (what two messages answered at the same moment amount to).
 */
class RacedStorage extends MemoryStorage {
  otherTurn?: (mine: Item) => Item;

  override async write(changes: StoreItems): Promise<void> {
    const other = this.otherTurn;
    const key = Object.keys(changes).find((k) => k.includes('/conversations/'));
    if (other && key) {
      this.otherTurn = undefined;
      await super.write({ [key]: { ...other(changes[key] as Item), eTag: '*' } });
    }
    return super.write(changes);
  }
}

describe('two turns of one conversation saved at once', () => {
  let storage: RacedStorage;
  let assistant: Assistant;
  beforeAll(() => {
    storage = new RacedStorage();
    assistant = testAssistant(storage);
  });

  async function stored(driver: ConversationDriver): Promise<Item> {
    const key = `${driver.adapter.conversation.channelId}/conversations/${driver.adapter.conversation.conversation.id}/`;
    return (await storage.read([key]))[key] as Item;
  }

  it('keeps the other turn’s state and says nothing more when both reached the same point in the dialogs', async () => {
    const driver = new ConversationDriver(assistant.bot, storage);
    await driver.say('hello');
    storage.otherTurn = (mine) => ({ ...mine, fromTheOtherTurn: true });
    const outcome = await driver.say('zzkq blorp'); // not understood: the turn changes the state (a miss), not the dialogs
    expect(replyText(outcome)).not.toMatch(/went wrong|two of your messages/i);
    expect(outcome.replies.length).toBeGreaterThan(0);
    expect(await stored(driver)).toMatchObject({ fromTheOtherTurn: true });
  });

  it('tells the resident honestly when this message’s progress could not be kept', async () => {
    const driver = new ConversationDriver(assistant.bot, storage);
    await driver.say('hello');
    storage.otherTurn = (mine) => ({ ...mine, DialogState: { dialogStack: [{ id: 'the-other-turn', state: {} }] }, fromTheOtherTurn: true });
    const outcome = await driver.say('zzkq blorp');
    const text = replyText(outcome);
    expect(text).toMatch(/Two of your messages reached me at the same moment/);
    expect(text).not.toMatch(/went wrong/i);
    expect(await stored(driver)).toMatchObject({ fromTheOtherTurn: true, DialogState: { dialogStack: [{ id: 'the-other-turn' }] } });
  });
});
