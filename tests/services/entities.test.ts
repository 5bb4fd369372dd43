import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConversationState, MemoryStorage, type Activity } from 'botbuilder';
import { DialogSet, DialogTurnStatus } from 'botbuilder-dialogs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandaloneGeoReport } from '../../backoffice/standaloneServer';
import { Gazetteer } from '../../servicerequests/gazetteer/gazetteer';
import { createLogger } from '../../platform/logger';
import { Open311Client } from '../../servicerequests/open311/open311Client';
import { Outbox } from '../../servicerequests/open311/outbox';
import { AppDatabase } from '../../platform/storage/database';
import { CollectionEvents } from '../../servicerequests/waste/collectionEvents';
import { MissedBinCheck } from '../../servicerequests/waste/missedBinCheck';
import { WasteSchedule } from '../../servicerequests/waste/wasteSchedule';
import { AddressLookup } from '../../dialogs/services/addressLookup';
import { RequestSlotsDialog } from '../../dialogs/services/requestSlotsDialog';
import { loadServiceRequestConfig } from '../../dialogs/services/serviceRequestConfig';
import { ServiceResponses } from '../../dialogs/services/serviceResponses';
import type { Entity, RecognizerResult } from '../../intents/recognizer';
import { loadCouncilProfile } from '../../knowledge/councilProfile';
import { MessageTexts } from '../../knowledge/messageFile';
import { SERVICE_MESSAGES } from '../../knowledge/messageFiles';
import { shippedButtons, shippedVocabulary } from '../support/shippedWords';
import { TestConversation } from '../support/testConversation';

const KEY = 'entities-key-1';
let backOffice: Awaited<ReturnType<typeof startStandaloneGeoReport>>;
let db: AppDatabase;
const dirs: string[] = [];

beforeAll(async () => {
  const d1 = fs.mkdtempSync(path.join(os.tmpdir(), 'entities-'));
  const d2 = fs.mkdtempSync(path.join(os.tmpdir(), 'entities-'));
  dirs.push(d1, d2);
  backOffice = await startStandaloneGeoReport({
    dataDir: d1,
    servicesDir: path.resolve('services'),
    apiKey: KEY,
    jurisdictionId: 'anytown.example',
    logger: createLogger('silent'),
  });
  db = await AppDatabase.open({ dataDir: d2 });
});
afterAll(async () => {
  await db.close();
  await backOffice.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** Runs the missed-bin dialog alone, as MainDialog starts it: with the first message's recognised entities. */
function missedBinConversation(entities: Entity[], memory: Record<string, string> = {}) {
  const now = () => new Date('2026-11-24T18:00:00Z');
  const council = loadCouncilProfile(path.resolve('knowledge/council.yaml'));
  const responses = new ServiceResponses(council, shippedButtons());
  const schedule = WasteSchedule.load(path.resolve('waste'));
  const slots = new RequestSlotsDialog(
    'slots',
    'report_missed_bin',
    loadServiceRequestConfig(path.resolve('knowledge/service-requests.yaml')).report_missed_bin,
    {
      client: new Open311Client({ baseUrl: backOffice.baseUrl, apiKey: KEY }),
      addresses: new AddressLookup(Gazetteer.load(path.resolve('gazetteer')), responses, shippedVocabulary()),
      responses,
      vocabulary: shippedVocabulary(),
      outbox: new Outbox(db.db),
      onQueued: () => undefined,
      missedBin: new MissedBinCheck(schedule, CollectionEvents.load(path.resolve('waste')), 2, new MessageTexts(SERVICE_MESSAGES.shipped(), council)),
      now,
    },
  );
  const state = new ConversationState(new MemoryStorage(memory));
  const dialogs = new DialogSet(state.createProperty('dialog'));
  dialogs.add(slots);
  const recognized: RecognizerResult = { text: '', intent: 'report_missed_bin', score: 1, alternatives: [], entities, source: 'test' };
  return new TestConversation(async (context) => {
    const dc = await dialogs.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog('slots', { recognized });
    await state.saveChanges(context);
  });
}

const text = (a: Partial<Activity>) => a.text ?? '';

describe('entities the resident already gave are not asked again', () => {
  it('skips the bin, the date and the address when the first message had them', async () => {
    const conversation = missedBinConversation([
      { type: 'binType', text: 'grey bin', value: 'general' },
      { type: 'date', text: 'yesterday', value: '2026-11-23' },
      { type: 'postcode', text: 'at1 1aa', value: 'AT1 1AA' },
      { type: 'houseNumber', text: '7', value: '7' },
      { type: 'street', text: 'high street', value: 'High Street' },
    ]);
    await conversation
      .send('my grey bin at 7 high street at1 1aa was not collected yesterday')
      .assertReply((a) => expect(text(a)).toMatch(/Missed bin collection/))
      .assertReply((a) => expect(text(a)).toMatch(/Was the bin out by 7am/))
      .send('Yes')
      .assertReply((a) => {
        expect(text(a)).toMatch(/General waste \(grey bin\)/);
        expect(text(a)).toMatch(/Monday 23 November/);
        expect(text(a)).toMatch(/7 High Street, Anytown, AT1 1AA/);
      });
  });

  it('asks for what is missing, and offers the addresses at a recognised postcode', async () => {
    const conversation = missedBinConversation([{ type: 'postcode', text: 'at1 1aa', value: 'AT1 1AA' }]);
    await conversation
      .send('bin missed at AT1 1AA')
      .assertReply((a) => expect(text(a)).toMatch(/Missed bin collection/))
      .assertReply((a) => {
        expect(text(a)).toMatch(/Which address in AT1 1AA/);
        expect(a.suggestedActions?.actions.map((x) => x.title)).toContain('7 High Street');
      });
  });

  it('reads "on Monday" in a report as the Monday just gone', async () => {
    const conversation = missedBinConversation([
      { type: 'binType', text: 'grey', value: 'general' },
      { type: 'date', text: 'monday', value: '2026-11-30' },
      { type: 'postcode', text: 'at1 1aa', value: 'AT1 1AA' },
      { type: 'houseNumber', text: '7', value: '7' },
    ]);
    await conversation
      .send('grey bin at 7 AT1 1AA not collected on monday')
      .assertReply((a) => expect(text(a)).toMatch(/Missed bin collection/))
      .assertReply((a) => expect(text(a)).toMatch(/Was the bin out by 7am/))
      .send('yes')
      .assertReply((a) => expect(text(a)).toMatch(/Monday 23 November/));
  });

  it('does not take a future date from the first message', async () => {
    const conversation = missedBinConversation([
      { type: 'binType', text: 'grey', value: 'general' },
      { type: 'date', text: 'next friday', value: '2026-12-04' },
      { type: 'postcode', text: 'at1 1aa', value: 'AT1 1AA' },
      { type: 'houseNumber', text: '7', value: '7' },
    ]);
    await conversation
      .send('grey bin missed next friday at 7 AT1 1AA')
      .assertReply((a) => expect(text(a)).toMatch(/Missed bin collection/))
      .assertReply((a) => expect(text(a)).toMatch(/Which day should it have been collected/));
  });
});

/** Every service request's saved state in the storage's JSON (MemoryStorage keeps each item as a string). */
function savedRequests(memory: Record<string, string>, edit: (slots: Record<string, unknown>) => void): void {
  const walk = (o: unknown): void => {
    if (!o || typeof o !== 'object') return;
    const slots = (o as Record<string, unknown>).slots;
    if (slots && typeof slots === 'object' && 'serviceCode' in slots) edit(slots);
    for (const v of Object.values(o)) walk(v);
  };
  for (const [key, item] of Object.entries(memory)) {
    const parsed = JSON.parse(item) as unknown;
    walk(parsed);
    memory[key] = JSON.stringify(parsed);
  }
}

describe('a request saved before the typed fields', () => {
  it("resumes from its open question saved as 'attr:<code>', and is saved in the new form", async () => {
    const memory: Record<string, string> = {};
    const conversation = missedBinConversation(
      [
        { type: 'binType', text: 'grey bin', value: 'general' },
        { type: 'date', text: 'yesterday', value: '2026-11-23' },
        { type: 'postcode', text: 'at1 1aa', value: 'AT1 1AA' },
        { type: 'houseNumber', text: '7', value: '7' },
      ],
      memory,
    );
    await conversation
      .send('my grey bin at 7 high street at1 1aa was not collected yesterday')
      .assertReply((a) => expect(text(a)).toMatch(/Missed bin collection/))
      .assertReply((a) => expect(text(a)).toMatch(/Was the bin out by 7am/));
    let seen = 0;
    savedRequests(memory, (slots) => {
      expect(slots.current).toEqual({ kind: 'attribute', code: 'bin_out_by_7am' });
      slots.current = 'attr:bin_out_by_7am'; // as saved before the change
      seen++;
    });
    expect(seen).toBe(1);
    await conversation.send('Yes').assertReply((a) => {
      expect(text(a)).toMatch(/General waste \(grey bin\)/);
      expect(text(a)).toMatch(/7 High Street, Anytown, AT1 1AA/);
    });
    savedRequests(memory, (slots) => expect(slots.current).toEqual({ kind: 'confirm' }));
    // At the summary, saved the old way: "change something" still works from there.
    savedRequests(memory, (slots) => (slots.current = 'confirm'));
    await conversation.send('change something').assertReply((a) => expect(a.suggestedActions?.actions.map((x) => x.title)).toContain('Where it is'));
  });
});
