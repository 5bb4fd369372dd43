import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ActivityTypes, MemoryStorage, type Activity } from 'botbuilder';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Assistant } from '../../bot/assistant';
import { DEFAULT_PATHS, validateAll } from '../../scripts/validate';
import { ROOT, testAssistant } from '../support/assistant';
import { TestConversation } from '../support/testConversation';

/**
 * Issue 20: a content designer adds an intent, its button label and its reply with data files only
 * (intents/data/<intent>.yaml and knowledge/messages/en-GB/intents.yaml), and no TypeScript.
 */
const LOST_PROPERTY = `intent: lost_property
description: The resident lost something in a council building or on council land and asks whether it was handed in.
lgsl: null
examples:
  - I left my umbrella at the town hall yesterday
  - has anyone handed in a purse at the council offices
  - lost my car keys in the civic centre car park
  - did someone find a black wallet in reception
  - I think I dropped my glasses in the council chamber
  - is there a lost property office
  - where does lost property go
  - my son left his coat at the leisure centre
  - have you got a lost and found
  - I lost a bracelet at the market on saturday
  - I left a carrier bag of shopping at your customer service desk
  - was a phone handed in at the town hall
  - lost property
  - how do I get back something I left in the council building
  - I forgot my walking stick at the one stop shop
  - someone may have handed in my reading glasses
  - dropped my bus pass somewhere in the library
  - left my scarf at the register office after the wedding
  - my daughter lost her school bag at the park cafe
  - any chance a set of keys was found at the offices
  - who keeps things found at the town hall
  - I left my laptop in the meeting room I hired
  - lost an earring at the citizenship ceremony
  - lost my hat at the museum
  - is there anywhere to check if my ring was found
  - did the cleaners find a brown handbag
  - lost my pram blanket at the community centre
  - I left my gloves on the counter when I paid
  - think I lost my headphones at the council offices
  - forgot my umbrella at reception again
`;
const REPLY = 'Things found in our buildings are kept at the reception desk of the town hall for 28 days.';

let dir: string;
let assistant: Assistant;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-intent-by-data-'));
  fs.cpSync(path.join(ROOT, 'intents', 'data'), path.join(dir, 'intents'), { recursive: true });
  // English only: the intent added here by data alone has no Welsh words (the Welsh checks are in tests/knowledge/welshContent.test.ts).
  fs.cpSync(path.join(ROOT, 'knowledge', 'messages', 'en-GB'), path.join(dir, 'messages', 'en-GB'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'intents', 'lost_property.yaml'), LOST_PROPERTY);
  fs.appendFileSync(path.join(dir, 'messages', 'en-GB', 'intents.yaml'), `lost_property:\n  label: Lost property\n  reply: ${REPLY}\n`);
  // English alone declared: this council's Welsh words would need the new intent's Welsh label too.
  const profile = path.join(dir, 'council.yaml');
  fs.writeFileSync(profile, fs.readFileSync(path.join(ROOT, 'knowledge', 'council.yaml'), 'utf8').replace(/^languages: .*$/m, 'languages: [en-GB]'));
  assistant = testAssistant(new MemoryStorage(), {
    intentsDir: path.join(dir, 'intents'),
    messagesDir: path.join(dir, 'messages'),
    councilProfilePath: profile,
    contactCentrePath: path.join(ROOT, 'knowledge', 'contact-centre.yaml'),
    knowledgeDir: path.join(ROOT, 'knowledge', 'articles'),
    synonymsPath: path.join(ROOT, 'knowledge', 'synonyms.yaml'),
  });
}, 120_000);

async function say(text: string): Promise<Partial<Activity>[]> {
  return new TestConversation(async (context) => assistant.bot.run(context), { traces: true }).say(text);
}

describe('an intent added with data files only', () => {
  it('is recognised and answered with its reply', async () => {
    const replies = await say('hi, I think I left my umbrella in the town hall, has it been handed in?');
    const route = replies.find((a) => a.type === ActivityTypes.Trace && a.name === 'council.route');
    expect(route?.value, JSON.stringify(route)).toMatchObject({ intent: 'lost_property' });
    expect(replies.filter((a) => a.type === ActivityTypes.Message).map((a) => a.text)).toContain(REPLY);
  });

  it('its label pressed as a button is the intent', async () => {
    const replies = await say('Lost property');
    expect(replies.filter((a) => a.type === ActivityTypes.Message).map((a) => a.text)).toContain(REPLY);
  });

  it('validate names a missing label and a missing reply, with the file', () => {
    const broken = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-intent-by-data-broken-'));
    fs.cpSync(path.join(dir, 'messages'), broken, { recursive: true });
    const file = path.join(broken, 'en-GB', 'intents.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(`  label: Lost property\n  reply: ${REPLY}\n`, '  label: Lost property\n'));
    fs.appendFileSync(file, 'lost_and_found:\n  label: Lost and found\n  reply: Ask at reception.\n');
    const problems = validateAll({ ...DEFAULT_PATHS, intentsDir: path.join(dir, 'intents'), messagesDir: broken }).filter((p) => p.file === file);
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    expect(problems).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        line: lines.indexOf('lost_property:') + 1,
        message: expect.stringMatching(/no conversation of its own: give it a reply/),
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ severity: 'warning', line: lines.indexOf('lost_and_found:') + 1, message: expect.stringMatching(/not an intent/) }),
    );
  });

  it('validate names an intent with no label and a locale that lacks an entry', () => {
    const broken = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-intent-by-data-locale-'));
    fs.cpSync(path.join(dir, 'messages'), broken, { recursive: true });
    const welsh = path.join(broken, 'cy-GB');
    fs.mkdirSync(welsh);
    fs.writeFileSync(path.join(welsh, 'intents.yaml'), 'report_missed_bin:\n  label: Rhoi gwybod am fin a fethwyd\n');
    const file = path.join(broken, 'en-GB', 'intents.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('thanks:\n  label: Thanks\n', ''));
    const problems = validateAll({ ...DEFAULT_PATHS, intentsDir: path.join(dir, 'intents'), messagesDir: broken });
    const lastLine = fs.readFileSync(file, 'utf8').trimEnd().split('\n').length;
    expect(problems).toContainEqual(
      expect.objectContaining({ severity: 'error', file, line: lastLine, message: expect.stringMatching(/"thanks" has no label/) }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        file: path.join(welsh, 'intents.yaml'),
        message: 'report_missed_bin.unfinished is in en-GB but not in cy-GB',
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ severity: 'error', file: path.join(welsh, 'intents.yaml'), message: 'bin_collection_day.label is in en-GB but not in cy-GB' }),
    );
  });

  it('start-up refuses content with an intent that has no reply, naming the file', () => {
    const broken = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-intent-by-data-startup-'));
    fs.cpSync(path.join(ROOT, 'knowledge', 'messages'), broken, { recursive: true });
    fs.appendFileSync(path.join(broken, 'en-GB', 'intents.yaml'), 'lost_property:\n  label: Lost property\n');
    expect(() => testAssistant(new MemoryStorage(), { intentsDir: path.join(dir, 'intents'), messagesDir: broken })).toThrow(
      /intents\.yaml:\d+: "lost_property" has no conversation of its own/,
    );
  });
});
