import { ConversationState, type TurnContext } from 'botbuilder';
import { KyselyStorage } from './kyselyStorage';
import { TurnWrites } from './turnWrites';

/** This turn's copy of the conversation's state and its JSON as loaded (or last saved). */
interface Cached {
  state: Record<string, unknown>;
  json: string;
}

const CACHED = Symbol('council.conversationState');

/** What decides whether the state changed: its JSON without the eTag. */
function snapshot(state: Record<string, unknown>): string {
  const { eTag: _eTag, ...rest } = state;
  return JSON.stringify(rest);
}

/**
 * ConversationState that notices changes by comparing plain JSON, with BotState's behaviour
 * otherwise (load once per turn, save only when changed or forced, clear, delete, get) except
 * one: a save carries the eTag the state was loaded with, instead of '*', so that when another
 * turn of the same conversation saved in between the save fails (see `isETagConflict`)
 * rather than silently undoing that turn.
 *
 * Why: BotState works out a SHA-256 of the state serialised through a replacer function (to
 * survive circular references) three times a turn: after loading, before saving and after
 * saving. That was about a twentieth of a turn's CPU, and it grows with the conversation (the
 * handoff transcript lives in this state). The state is stored as JSON, so it cannot be
 * circular, and comparing the JSON itself needs no hash.
 */
export class TrackedConversationState extends ConversationState {
  override async load(context: TurnContext, force = false): Promise<Record<string, unknown>> {
    const cached = context.turnState.get<Cached | undefined>(CACHED);
    if (!force && cached?.state) return cached.state;
    const key = await this.storageKey(context);
    const items = await this.storage.read([key]);
    const state = (items[key] as Record<string, unknown> | undefined) ?? {};
    context.turnState.set(CACHED, { state, json: snapshot(state) } satisfies Cached);
    return state;
  }

  override async saveChanges(context: TurnContext, force = false): Promise<void> {
    let cached = context.turnState.get<Cached | undefined>(CACHED);
    const json = cached ? snapshot(cached.state) : undefined;
    if (!force && (!cached || json === cached.json)) return;
    cached ??= { state: {}, json: '' };
    const key = await this.storageKey(context);
    // The eTag it was loaded with: a write by another turn since then is a conflict, not overwritten.
    const sent = typeof cached.state.eTag === 'string' && cached.state.eTag ? cached.state.eTag : '*';
    cached.state.eTag = sent;
    // A web-chat turn's other writes go in the same transaction (issue 23).
    const turn = TurnWrites.of(context);
    if (turn && this.storage instanceof KyselyStorage) await this.storage.writeInTurn({ [key]: cached.state }, turn);
    else await this.storage.write({ [key]: cached.state });
    // A storage that does not hand back the new eTag (MemoryStorage): later saves this turn overwrite.
    if (cached.state.eTag === sent) cached.state.eTag = '*';
    cached.json = json ?? snapshot(cached.state);
    context.turnState.set(CACHED, cached);
  }

  override clear(context: TurnContext): Promise<void> {
    // An empty JSON makes the next save write the cleared state (still checked against the loaded eTag).
    const eTag = this.get(context)?.eTag;
    context.turnState.set(CACHED, { state: typeof eTag === 'string' ? { eTag } : {}, json: '' } satisfies Cached);
    return Promise.resolve();
  }

  override async delete(context: TurnContext): Promise<void> {
    context.turnState.delete(CACHED);
    await this.storage.delete([await this.storageKey(context)]);
  }

  override get(context: TurnContext): Record<string, unknown> | undefined {
    const cached = context.turnState.get<Cached | undefined>(CACHED);
    return typeof cached?.state === 'object' ? cached.state : undefined;
  }
}
