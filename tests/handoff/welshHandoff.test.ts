import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { ConversationState, MemoryStorage, type TurnContext } from 'botbuilder';
import { detachedTurn } from '../support/detachedTurn';
import { shippedConsoleWords } from '../support/shippedWords';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setConversationLocale } from '../../dialogs/turnState';
import { HandoffRecorder, type HandoffMemory } from '../../handoff/handoffMemory';
import { HandoffStarter } from '../../handoff/handoffStarter';
import { loadVocabularyOrShipped } from '../../knowledge/vocabulary';
import { caseDraft } from '../../handoff/caseDraft';
import { handoffLocale } from '../../dialogs/handoffLocale';
import type { Handoff, HandoffContext } from '../../dialogs/handoffTypes';
import { welshFirst } from '../../handoff/welshFirst';
import { HandoffStore } from '../../handoff/handoffStore';
import type { DatabaseSchema } from '../../platform/storage/schema';
import { InCodeMigrationProvider } from '../../platform/storage/migrations';
import { createTestPostgres, type TestPostgres } from '../support/postgres';
import {
  eventually,
  FIXTURES,
  newConversationId,
  PASSWORD,
  ROOT,
  residentSays,
  signIn,
  staffScript,
  startApp,
  type Harness,
  type Json,
} from './support/harness';
import { HANDOFF_MESSAGES } from '../../knowledge/messageFiles';

const context = (language: string): HandoffContext => ({ reason: 'resident_asked', priority: 3, language, transcript: [], captured: {} });

function handoff(id: string, language: string, priority: number, queuedAt: string): Handoff {
  return {
    id,
    conversationId: `c-${id}`,
    reference: {},
    status: 'queued',
    priority,
    reason: 'resident_asked',
    language,
    summary: id,
    context: context(language),
    agentId: null,
    createdAt: queuedAt,
    queuedAt,
    acceptedAt: null,
    endedAt: null,
    endReason: null,
  };
}

describe('a handoff language', () => {
  it('is cy-GB for any Welsh tag and en-GB for anything else, missing or malformed', () => {
    for (const tag of ['cy', 'cy-GB', 'CY-gb', 'cy_GB', ' cy ']) expect(handoffLocale(tag), tag).toBe('cy-GB');
    for (const tag of [undefined, null, '', 'en-GB', 'en-US', 'en', 'cym-x', 'not a tag!', 'cyx-GB']) expect(handoffLocale(tag), String(tag)).toBe('en-GB');
  });

  it('travels with the case draft, with a request in progress or without', () => {
    expect(caseDraft('s', context('cy'), shippedConsoleWords()).language).toBe('cy-GB');
    expect(caseDraft('s', context('en-US'), shippedConsoleWords()).language).toBe('en-GB');
  });
});

describe('HandoffStarter.gather: where the language comes from', () => {
  const state = new ConversationState(new MemoryStorage());
  const recorder = new HandoffRecorder(state.createProperty<HandoffMemory>('handoff'));
  // gather() reads the turn, the handoff memory and the vocabulary only: the queue, events and hours are for start().
  const starter = new HandoffStarter(
    null as never,
    null as never,
    null as never,
    recorder,
    'builtin',
    loadVocabularyOrShipped(undefined),
    shippedConsoleWords(),
  );
  const turn = (locale: string | undefined) =>
    detachedTurn({
      type: 'message',
      text: 'Talk to a person',
      locale,
      channelId: 'test',
      from: { id: 'resident', name: 'Resident' },
      recipient: { id: 'bot', name: 'Bot' },
      conversation: { id: `c-${Math.random()}`, isGroup: false, conversationType: '', name: '' },
    });
  const language = async (context: TurnContext, locale?: string) => (await starter.gather(context, locale === undefined ? {} : { locale })).language;

  it("takes the locale the caller passes, else the turn's conversation locale, else the activity's", async () => {
    expect(await language(turn('en-GB'), 'cy')).toBe('cy-GB');
    const marked = turn('en-US');
    setConversationLocale(marked, 'cy-GB');
    expect(await language(marked)).toBe('cy-GB');
    expect(await language(marked, 'en-GB')).toBe('en-GB');
    expect(await language(turn('cy'))).toBe('cy-GB');
    expect(await language(turn(undefined))).toBe('en-GB');
  });
});

describe('Welsh conversations offered first (handoff/welshFirst.ts)', () => {
  const now = new Date('2026-12-07T10:10:00Z');
  // The store's order: most urgent first, then longest waiting.
  const queue = [
    handoff('urgent-en', 'en-GB', 1, '2026-12-07T10:09:30Z'),
    handoff('old-en', 'en-GB', 3, '2026-12-07T10:00:00Z'),
    handoff('old-cy', 'cy-GB', 3, '2026-12-07T10:01:00Z'),
    handoff('new-cy', 'cy-GB', 3, '2026-12-07T10:08:45Z'),
    handoff('new-en', 'en-GB', 3, '2026-12-07T10:09:00Z'),
  ];
  const ids = (places: ReturnType<typeof welshFirst>) => places.map((p) => p.handoff.id);

  it('a Welsh speaker sees the Welsh conversations of each priority first, never before a more urgent one', () => {
    expect(ids(welshFirst(queue, true, now))).toEqual(['urgent-en', 'old-cy', 'new-cy', 'old-en', 'new-en']);
    expect(welshFirst(queue, true, now).some((p) => p.heldForWelsh)).toBe(false);
  });

  it('anyone else sees a Welsh conversation after the others of its priority for the grace period, then in its usual place', () => {
    const places = welshFirst(queue, false, now, 2 * 60_000);
    // old-cy has waited 9 minutes: past the grace period, in its usual place; new-cy (75 s) is held, after new-en.
    expect(ids(places)).toEqual(['urgent-en', 'old-en', 'old-cy', 'new-en', 'new-cy']);
    expect(places.filter((p) => p.heldForWelsh).map((p) => p.handoff.id)).toEqual(['new-cy']);
    // Once new-cy has waited longer than the grace period nothing is held: the usual order.
    const later = welshFirst(queue, false, new Date('2026-12-07T10:12:31Z'), 2 * 60_000);
    expect(ids(later)).toEqual(['urgent-en', 'old-en', 'old-cy', 'new-cy', 'new-en']);
    expect(later.some((p) => p.heldForWelsh)).toBe(false);
  });
});

/** The migrations up to 0132 (before this change), rows as they were, then the rest. */
async function migratesExisting(db: Kysely<unknown>): Promise<void> {
  const migrator = new Migrator({ db, provider: new InCodeMigrationProvider() });
  const before = await migrator.migrateTo('0132_directline_purge_index');
  expect(before.error).toBeUndefined();
  const row = (id: string, language: string) => ({
    id,
    conversation_id: `c-${id}`,
    conversation_ref: '{}',
    status: 'queued',
    priority: 3,
    reason: 'resident_asked',
    language,
    summary: 's',
    context: JSON.stringify(context(language)),
    created_at: '2026-12-01T10:00:00Z',
    queued_at: '2026-12-01T10:00:00Z',
  });
  for (const [id, language] of [
    ['h-cy', 'cy'],
    ['h-cygb', 'cy_GB'],
    ['h-enus', 'en-US'],
    ['h-cyx', 'cyx'],
  ])
    await db
      .insertInto('handoff' as never)
      .values(row(id, language))
      .execute();
  const callback = (id: string, language: string) => ({
    id,
    conversation_id: `c-${id}`,
    name: 'Jo',
    contact: '07700 900123',
    best_time: 'mornings',
    about: 'rats',
    priority: 3,
    context: JSON.stringify(context(language)),
    status: 'open',
    created_at: '2026-12-01T10:00:00Z',
  });
  await db
    .insertInto('callback_request' as never)
    .values(callback('cb-cy', 'cy-GB'))
    .execute();
  await db
    .insertInto('callback_request' as never)
    .values(callback('cb-en', 'en-US'))
    .execute();

  const after = await migrator.migrateToLatest();
  expect(after.error).toBeUndefined();
  const handoffs = await sql<{ id: string; language: string }>`select id, language from handoff order by id`.execute(db);
  expect(handoffs.rows).toEqual([
    { id: 'h-cy', language: 'cy-GB' },
    { id: 'h-cygb', language: 'cy-GB' },
    { id: 'h-cyx', language: 'en-GB' },
    { id: 'h-enus', language: 'en-GB' },
  ]);
  const callbacks = await sql<{ id: string; language: string }>`select id, language from callback_request order by id`.execute(db);
  expect(callbacks.rows).toEqual([
    { id: 'cb-cy', language: 'cy-GB' },
    { id: 'cb-en', language: 'en-GB' },
  ]);

  // The store on the migrated database: a new handoff and call-back record their language.
  const store = new HandoffStore(db as Kysely<DatabaseSchema>);
  const made = await store.create({
    conversationId: 'c-new',
    reference: {},
    status: 'queued',
    priority: 3,
    reason: 'resident_asked',
    language: 'cy',
    summary: 's',
    context: context('cy'),
  });
  expect((await store.get(made.id))!.language).toBe('cy-GB');
  const asked = await store.addCallback({
    conversationId: 'c-new',
    name: 'Jo',
    contact: 'jo@example.com',
    bestTime: 'now',
    about: 'x',
    priority: 3,
    context: context('cy-GB'),
  });
  expect((await store.openCallbacks()).find((c) => c.id === asked.id)!.language).toBe('cy-GB');
}

describe('an existing database migrates (0141_handoff_language)', () => {
  it('SQLite file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'welsh-migrate-'));
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new Database(path.join(dir, 'assistant.db')) }) });
    try {
      await migratesExisting(db);
    } finally {
      await db.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  let pgdb: TestPostgres;
  beforeAll(async () => {
    pgdb = await createTestPostgres();
  });
  afterAll(async () => pgdb?.drop());
  it('PostgreSQL', async (ctx) => {
    if (!pgdb.url) return ctx.skip(pgdb.skipReason);
    const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: pgdb.url, max: 2 }) }) });
    try {
      await migratesExisting(db);
    } finally {
      await db.destroy();
    }
  });
});

describe('Welsh handoffs over /api/messages and the console API (SQLite file, real HTTP)', () => {
  let h: Harness;
  beforeAll(async () => {
    // Held for Welsh speakers for an hour: the test never depends on how fast it runs.
    h = await startApp({ WELSH_FIRST_SECONDS: '3600' });
    await h.app.handoff.staff.addAccount('eleri', 'Eleri', PASSWORD);
    await h.app.handoff.staff.grantRole('eleri', 'welsh');
    await h.app.handoff.staff.addAccount('sam', 'Sam', PASSWORD);
  });
  afterAll(async () => h?.close());

  async function askForPerson(locale: string): Promise<string> {
    const conv = newConversationId();
    // The conversation's language is the resident's: a Welsh page and Welsh words (an English sentence would switch it to English).
    const welsh = locale.startsWith('cy');
    expect(await residentSays(h.url, h.channel.url, conv, welsh ? 'mae fy min i heb gael ei gasglu' : 'my bin was not collected', { locale })).toBe(200);
    expect(await residentSays(h.url, h.channel.url, conv, welsh ? 'Siarad â pherson' : 'Talk to a person', { locale })).toBe(200);
    await h.channel.waitFor((a) => a.conversation?.id === conv && a.name === 'handoff.initiate');
    return (await h.app.handoff.store.openFor(conv))!.id;
  }

  it('marks the conversation Welsh, lists it first for a Welsh speaker and after the others (marked) for anyone else', async () => {
    const first = await askForPerson('en-US');
    const welsh = await askForPerson('cy-GB');
    const last = await askForPerson('en-GB');
    expect((await h.app.handoff.store.get(welsh))!.language).toBe('cy-GB');
    expect((await h.app.handoff.store.get(first))!.language).toBe('en-GB');

    const eleri = await signIn(h.url, 'eleri');
    const sam = await signIn(h.url, 'sam');
    expect((await eleri.api('GET', '/agent/api/me')).body.roles).toContain('welsh');
    expect((await sam.api('GET', '/agent/api/me')).body.roles).not.toContain('welsh');

    const ours = (q: Json) => q.waiting.filter((w: Json) => [first, welsh, last].includes(w.id));
    const forEleri = ours((await eleri.api('GET', '/agent/api/queue')).body);
    expect(forEleri.map((w: Json) => w.id)).toEqual([welsh, first, last]);
    expect(forEleri.map((w: Json) => w.welsh)).toEqual([true, false, false]);
    const forSam = ours((await sam.api('GET', '/agent/api/queue')).body);
    expect(forSam.map((w: Json) => w.id)).toEqual([first, last, welsh]);
    expect(forSam.at(-1)).toMatchObject({ welsh: true, heldForWelsh: true, language: 'cy-GB' });

    // Accepted, it is still marked in the live list; the detail and the case draft carry the language.
    expect((await eleri.api('POST', `/agent/api/conversations/${welsh}/accept`)).status).toBe(200);
    const live = (await sam.api('GET', '/agent/api/queue')).body.active.find((a: Json) => a.id === welsh);
    expect(live).toMatchObject({ welsh: true, language: 'cy-GB' });
    const detail = (await eleri.api('GET', `/agent/api/conversations/${welsh}`)).body;
    expect(detail).toMatchObject({ welsh: true, language: 'cy-GB' });
    expect(detail.caseDraft.language).toBe('cy-GB');
    expect(detail.context.language).toBe('cy-GB');
    // The console offers a conversation the canned replies of its locale: the Welsh overlay's to a Welsh one, never the English.
    expect(detail.locale).toBe('cy-GB');
    expect((await sam.api('GET', `/agent/api/conversations/${first}`)).body.locale).toBe('en-GB');
    const canned = (await eleri.api('GET', '/agent/api/canned')).body;
    expect(canned.byLocale['cy-GB']).toEqual([
      'Diolch am aros. Dw i wedi darllen beth ddwedoch chi wrth y cynorthwyydd.',
      'Oes unrhyw beth arall y galla i eich helpu chi gydag e heddiw?',
    ]);
    expect(canned.byLocale['en-GB']).toEqual(canned.replies);
    expect(canned.replies[1]).toBe('Is there anything else I can help you with today?');
  });

  it('tells a Welsh resident what the console does in Welsh (handoff.yaml of cy-GB): moved up, connected, passed back, ended; an English one in English', async () => {
    const cy = HANDOFF_MESSAGES.load(HANDOFF_MESSAGES.file(path.join(ROOT, 'knowledge', 'messages'), 'cy-GB'));
    const en = HANDOFF_MESSAGES.load(HANDOFF_MESSAGES.file(path.join(ROOT, 'knowledge', 'messages'), 'en-GB'));
    const english = await askForPerson('en-GB');
    const welsh = await askForPerson('cy-GB');
    const [englishConv, welshConv] = await Promise.all([english, welsh].map(async (id) => (await h.app.handoff.store.get(id))!.conversationId));
    const start = (pattern: string) => pattern.split('{')[0];
    const heard = (conv: string, words: string) =>
      eventually(() => h.channel.texts(conv).find((t) => t.startsWith(start(words))), { what: `"${start(words)}" in ${conv}` });
    const sam = await signIn(h.url, 'sam');
    // The English conversation, ahead in the queue, is taken: the Welsh resident hears their new place in Welsh.
    expect((await sam.api('POST', `/agent/api/conversations/${english}/accept`)).status).toBe(200);
    await heard(englishConv, en.connected);
    await heard(welshConv, cy.moved_up);
    expect((await sam.api('POST', `/agent/api/conversations/${english}/end`)).status).toBe(200);
    await heard(englishConv, en.ended);
    expect((await sam.api('POST', `/agent/api/conversations/${welsh}/accept`)).status).toBe(200);
    await heard(welshConv, cy.connected);
    expect((await sam.api('POST', `/agent/api/conversations/${welsh}/transfer`)).status).toBe(200);
    await heard(welshConv, cy.transferred);
    expect((await sam.api('POST', `/agent/api/conversations/${welsh}/accept`)).status).toBe(200);
    expect((await sam.api('POST', `/agent/api/conversations/${welsh}/end`)).status).toBe(200);
    await heard(welshConv, cy.ended);
    const englishStarts = [en.connected, en.moved_up, en.transferred, en.ended].map(start);
    expect(h.channel.texts(welshConv).filter((t) => englishStarts.some((e) => t.startsWith(e)))).toEqual([]);
  });

  it('tells an external contact centre the language in handoff.initiate', async () => {
    const conv = newConversationId();
    await residentSays(h.url, h.channel.url, conv, 'Siarad â pherson', { locale: 'cy' });
    const initiate = await h.channel.waitFor((a) => a.conversation?.id === conv && a.name === 'handoff.initiate');
    expect((initiate.value as { language: string }).language).toBe('cy-GB');
  });
});

describe('out of hours: the call-back request records the language', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp({ CONTACT_CENTRE_CONFIG: path.join(FIXTURES, 'always-closed.yaml') });
    await h.app.handoff.staff.addAccount('sam', 'Sam', PASSWORD);
  });
  afterAll(async () => h?.close());

  async function callBack(locale: string): Promise<string> {
    const conv = newConversationId();
    const say = (t: string) => residentSays(h.url, h.channel.url, conv, t, { locale });
    // In the resident's language throughout (an English sentence on a Welsh page switches the conversation to English).
    const cy = locale.startsWith('cy');
    await say(cy ? "mae 'na lygod mawr yn fy ngardd i yn 12 Mill Lane" : 'there are rats in my garden at 12 Mill Lane');
    await say(cy ? 'Siarad â pherson' : 'Talk to a person');
    await say(cy ? 'Gofyn am alwad yn ôl' : 'Ask for a call back');
    await say('Jo Bloggs');
    await say('07700 900123');
    await say(cy ? 'yn y bore yn ystod yr wythnos' : 'weekday mornings');
    await say(cy ? 'y llygod mawr' : 'the rats');
    await say(cy ? 'Anfon' : 'Send it');
    const stored = (await h.app.handoff.store.openCallbacks()).find((c) => c.conversationId === conv);
    expect(stored, h.channel.texts(conv).join('\n')).toBeDefined();
    return stored!.id;
  }

  it('stores cy-GB for a Welsh conversation, en-GB otherwise, and the console lists it', async () => {
    const welsh = await callBack('cy-GB');
    const english = await callBack('en-GB');
    const sam = await signIn(h.url, 'sam');
    const callbacks = (await sam.api('GET', '/agent/api/queue')).body.callbacks as Json[];
    expect(callbacks.find((c) => c.id === welsh)).toMatchObject({ language: 'cy-GB', welsh: true });
    expect(callbacks.find((c) => c.id === english)).toMatchObject({ language: 'en-GB', welsh: false });
  });
});

describe('npm run staff:add -- --welsh, staff:grant / staff:revoke --role welsh', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp();
  });
  afterAll(async () => h?.close());

  const run = (script: string, args: string[], input?: string) => staffScript(h, script.replace(/^scripts\//, ''), args, input);

  it('flags an account as a Welsh speaker and takes the flag away', async () => {
    const added = await run('scripts/staffAdd.ts', ['--username', 'eleri', '--name', 'Eleri', '--password-stdin', '--welsh'], PASSWORD);
    expect(added.code, added.out).toBe(0);
    expect(added.out).toMatch(/as a Welsh speaker/);
    expect(await h.app.handoff.staff.roles('eleri')).toEqual(['welsh']);

    const plain = await run('scripts/staffAdd.ts', ['--username', 'sam', '--name', 'Sam', '--password-stdin'], PASSWORD);
    expect(plain.code, plain.out).toBe(0);
    expect(await h.app.handoff.staff.roles('sam')).toEqual([]);

    const granted = await run('scripts/staffAccount.ts', ['grant', '--username', 'sam', '--role', 'welsh']);
    expect(granted.code, granted.out).toBe(0);
    expect(await h.app.handoff.staff.roles('sam')).toEqual(['welsh']);
    const revoked = await run('scripts/staffAccount.ts', ['revoke', '--username', 'eleri', '--role', 'welsh']);
    expect(revoked.code, revoked.out).toBe(0);
    expect(await h.app.handoff.staff.roles('eleri')).toEqual([]);
  });
});
