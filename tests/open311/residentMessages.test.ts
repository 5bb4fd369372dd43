import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ServiceWords } from '../../dialogs/services/serviceWords';
import { loadCouncilProfile } from '../../knowledge/councilProfile';
import { DeliveryMessages, loadDeliveryTexts } from '../../knowledge/deliveryMessages';
import type { RequestFields } from '../../servicerequests/open311/types';
import { Conversation, startBot, startChannel, type BotHarness, type Channel } from '../services/harness';
import { startSpecBackOffice, type SpecBackOffice } from './fakes/specBackOffice';

/**
 * What residents are told about a report on its way to a council's own Open311 back office:
 * the words of knowledge/delivery-messages.yaml, never the back office's status codes or error
 * text, and never "can't find a report" for a report this chat holds.
 */
const KEY = 'messages-key-1';
const messages = new DeliveryMessages(
  loadDeliveryTexts(path.resolve('knowledge/delivery-messages.yaml')),
  loadCouncilProfile(path.resolve('knowledge/council.yaml')),
);
const welsh = new DeliveryMessages(
  loadDeliveryTexts(path.resolve('knowledge/delivery-messages.yaml'), 'cy-GB'),
  loadCouncilProfile(path.resolve('knowledge/council.yaml'), undefined, 'cy-GB'),
);
const RAW = /HTTP|\b(400|404|500|503)\b|Unknown attribute|client_reference|api_key|token/i;
const pothole: RequestFields = { service_code: 'pothole', description: 'Deep hole', address_string: '3 Mill Lane', attributes: { surface: 'road' } };

let fake: SpecBackOffice;
let channel: Channel;
let bot: BotHarness;

beforeAll(async () => {
  fake = await startSpecBackOffice({ format: 'json', apiKey: KEY, seed: 19, strict: true });
  channel = await startChannel();
  bot = await startBot({ OPEN311_BASE_URL: fake.baseUrl, OPEN311_API_KEY: KEY, OPEN311_SEND_CLIENT_REFERENCE: 'true', OUTBOX_POLL_MS: '100' });
});

afterAll(async () => {
  await bot?.close();
  await channel?.close();
  await fake?.close();
  if (bot) fs.rmSync(bot.dataDir, { recursive: true, force: true });
});

const later = () => new Date(Date.now() + 3_600_000);

async function askAbout(conversationId: string, reference: string): Promise<string> {
  const c = new Conversation(bot, conversationId, channel.url);
  await c.say('Check a report I made');
  return (await c.say(reference)).all;
}

describe('honest messages about delivery', () => {
  it('a report the back office refuses: the resident is told from the content, without its error text; a status check says the same', async () => {
    const outbox = bot.app.services.outbox;
    const row = await outbox.add(pothole, {
      serviceUrl: channel.url,
      channelId: 'test',
      conversation: { id: 'conv-refused' },
      bot: { id: 'bot' },
      user: { id: 'resident-1' },
    });
    const told = await Conversation.until(() => channel.received.find((m) => m.conversationId === 'conv-refused'), 'the proactive message');
    const stored = await outbox.get(row.reference);
    // Staff keep the back office's words; the resident gets the content's.
    expect(stored).toMatchObject({ state: 'rejected', last_status: 400, last_error: expect.stringMatching(/Unknown attribute/) });
    expect(told.text).toBe(messages.told('details_refused', row.reference));
    expect(told.text).not.toMatch(RAW);
    const answer = await askAbout('conv-refused-status', row.reference);
    expect(answer).toBe(messages.status('details_refused', row.reference));
    expect(answer).not.toMatch(RAW);
  });

  it('a queued report is never "not found": not answering, held back, registering (token) or not sent yet', async () => {
    const outbox = bot.app.services.outbox;
    const down = await outbox.add(pothole, null);
    await outbox.markRetry(down.reference, 2, later(), 'the back office answered 503: Service temporarily unavailable', 503, false);
    const refused = await outbox.add(pothole, null);
    await outbox.markRetry(refused.reference, 1, later(), 'HTTP 404', 404, true);
    const token = await outbox.add(pothole, null);
    await outbox.markToken(token.reference, 'tok-77', 1, later());
    const fresh = await outbox.add(pothole, null);

    const answers = {
      down: await askAbout('conv-down', down.reference),
      refused: await askAbout('conv-held', refused.reference),
      token: await askAbout('conv-token', token.reference),
    };
    expect(answers.down).toBe(messages.status('not_answering', down.reference));
    expect(answers.down).toMatch(/not answering right now: your report AT-\d+ is saved and will be sent/);
    expect(answers.refused).toBe(messages.status('held_back', refused.reference));
    expect(answers.token).toBe(messages.status('registering', token.reference));
    for (const a of Object.values(answers)) {
      expect(a).not.toMatch(RAW);
      expect(a).not.toMatch(/can't find/);
    }
    // Not sent yet (or already sent by the time it is asked): never "can't find", never raw text.
    const freshAnswer = await askAbout('conv-fresh', fresh.reference);
    expect(freshAnswer).not.toMatch(/can't find/);
    expect(freshAnswer).not.toMatch(RAW);
  });

  it('a delivered report the back office does not show (yet) is not "not found"; an unknown reference is', async () => {
    const outbox = bot.app.services.outbox;
    const row = await outbox.add(pothole, null);
    await outbox.markDelivered(row.reference, 'FMS-424242', '');
    const byLocal = await askAbout('conv-unseen', row.reference);
    expect(byLocal).toBe(messages.status('not_shown_yet', row.reference, 'FMS-424242'));
    const byOfficial = await askAbout('conv-unseen-2', 'FMS-424242');
    expect(byOfficial).toBe(messages.status('not_shown_yet', row.reference, 'FMS-424242'));
    expect(byLocal).not.toMatch(RAW);
    expect(await askAbout('conv-unknown', 'SR-999999')).toBe(messages.status('not_found', 'SR-999999'));
  });
});

/** The conversation reference a report keeps (its channel is the test channel), in a language. */
const channelReference = (id: string, locale: string) => ({
  serviceUrl: channel.url,
  channelId: 'test',
  conversation: { id },
  bot: { id: 'bot' },
  user: { id: 'resident-1' },
  locale,
});

describe('in a Welsh conversation', () => {
  it('a refused report: the resident is told in Welsh (knowledge/cy-GB/delivery-messages.yaml), not in English', async () => {
    const row = await bot.app.services.outbox.add(pothole, channelReference('conv-refused-cy', 'cy-GB'));
    const told = await Conversation.until(() => channel.received.find((m) => m.conversationId === 'conv-refused-cy'), 'the proactive message');
    expect(told.text).toBe(welsh.told('details_refused', row.reference));
    expect(told.text).not.toBe(messages.told('details_refused', row.reference));
  });

  describe('a back office that takes the report', () => {
    let open: SpecBackOffice;
    let taking: BotHarness;
    beforeAll(async () => {
      open = await startSpecBackOffice({ format: 'json', apiKey: KEY, seed: 23 });
      taking = await startBot({ OPEN311_BASE_URL: open.baseUrl, OPEN311_API_KEY: KEY, OUTBOX_POLL_MS: '100' });
    });
    afterAll(async () => {
      await taking?.close();
      await open?.close();
      if (taking) fs.rmSync(taking.dataDir, { recursive: true, force: true });
    });

    it('a delivered report: the official reference is given in Welsh (services.yaml official_reference), in English for an English one', async () => {
      const cy = await taking.app.services.outbox.add(pothole, channelReference('conv-delivered-cy', 'cy-GB'));
      const en = await taking.app.services.outbox.add(pothole, channelReference('conv-delivered-en', 'en-GB'));
      const told = await Conversation.until(() => channel.received.find((m) => m.conversationId === 'conv-delivered-cy'), 'the Welsh proactive message');
      expect(told.text).toMatch(new RegExp(`^Newyddion am ${cy.reference}: mae eich adroddiad gan system y cyngor. Y cyfeirnod swyddogol yw FMS-`));
      expect(told.text).not.toMatch(/Update on|the council's system has your report/);
      const english = await Conversation.until(() => channel.received.find((m) => m.conversationId === 'conv-delivered-en'), 'the English proactive message');
      expect(english.text).toMatch(new RegExp(`^Update on ${en.reference}: the council's system has your report`));
    });
  });
});

describe('the built-in back office’s notice on a new report', () => {
  let builtIn: BotHarness;
  const english = parse(fs.readFileSync(path.resolve('services/pothole.yaml'), 'utf8')) as { service_notice: string };
  const cymraeg = parse(fs.readFileSync(path.resolve('services/cy-GB/pothole.yaml'), 'utf8')) as { service_notice: string };
  beforeAll(async () => {
    builtIn = await startBot({});
  });
  afterAll(async () => {
    await builtIn?.close();
    if (builtIn) fs.rmSync(builtIn.dataDir, { recursive: true, force: true });
  });
  it('is in the conversation’s language: the service’s Welsh notice (services/cy-GB) to a Welsh one, the English to an English one', async () => {
    // A whole report, as the built-in back office takes it (services/pothole.yaml's required questions).
    const report: RequestFields = { ...pothole, lat: 51.5, long: -0.12, attributes: { surface: 'road', width_cm: '40', depth_cm: '8', danger: 'no' } };
    await builtIn.app.services.outbox.add(report, channelReference('conv-notice-cy', 'cy-GB'));
    await builtIn.app.services.outbox.add(report, channelReference('conv-notice-en', 'en-GB'));
    const cy = await Conversation.until(() => channel.received.find((m) => m.conversationId === 'conv-notice-cy'), 'the Welsh proactive message');
    const en = await Conversation.until(() => channel.received.find((m) => m.conversationId === 'conv-notice-en'), 'the English proactive message');
    expect(cy.text).toContain(cymraeg.service_notice);
    expect(cy.text).not.toContain(english.service_notice);
    expect(en.text).toContain(english.service_notice);
  });

  it('a notice a council’s own back office wrote itself is passed on as sent (there is no translation of it)', () => {
    const words = ServiceWords.load(path.resolve('services'), 'cy-GB');
    expect(words.notice('pothole', english.service_notice)).toBe(cymraeg.service_notice);
    expect(words.notice('pothole', `  ${english.service_notice}\n`)).toBe(cymraeg.service_notice);
    expect(words.notice('pothole', 'Our inspectors visit within 3 days.')).toBe('Our inspectors visit within 3 days.');
    expect(words.notice('pothole', '')).toBe('');
    expect(words.notice('no-such-service', english.service_notice)).toBe(english.service_notice);
    expect(ServiceWords.none().notice('pothole', english.service_notice)).toBe(english.service_notice);
  });
});

describe('delivery-messages.yaml', () => {
  it('refuses a missing message and an unknown placeholder', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'delivery-messages-'));
    try {
      const good = fs.readFileSync(path.resolve('knowledge/delivery-messages.yaml'), 'utf8');
      const missing = path.join(dir, 'missing.yaml');
      fs.writeFileSync(missing, good.replace(/^ {2}registering:.*$/m, ''));
      expect(() => loadDeliveryTexts(missing)).toThrow(/status\.registering/);
      const typo = path.join(dir, 'typo.yaml');
      fs.writeFileSync(typo, good.replace('{official}, but', '{oficial}, but'));
      expect(() => loadDeliveryTexts(typo)).toThrow(/unknown placeholder \{oficial\}/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
