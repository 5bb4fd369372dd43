import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually';
import { DEFAULT_PATHS, validateAll } from '../../scripts/validate';
import { Conversation, startBot, startChannel, type BotHarness, type Channel } from './harness';

/**
 * Issue 20: a council adds a service with data files only, no TypeScript: the intent's training file, its label in the
 * messages, the service's definition (services/) and how the assistant asks for it (service-requests.yaml), in a folder of
 * its own. The assistant then takes the request and files it with the back office under the new service.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const examples = [
  'the kerb outside my house has sunk',
  'a kerb stone has come loose on our road',
  'sunken kerb on Station Road',
  'the kerb has dropped by the bus stop',
  'kerbstone is wobbly and sticking up',
  'report a sunken kerb',
  'the edge of the pavement has collapsed',
  'a kerb has been knocked out of line by a lorry',
  'kerb stones broken at the corner',
  'the dropped kerb by my drive has sunk',
  'loose kerb someone will trip on it',
  'kerb sinking near the school gates',
  'the kerbing has cracked and moved',
  'kerb stone missing from the pavement edge',
  'a kerb has come away from the road',
  'the curb outside number 4 is sunk',
  'curb stone loose on the high street',
  'sunken curb by the shops',
  'i want to report a loose kerb',
  'kerb damaged by a bin lorry',
  'the kerb at the crossing has dropped',
  'kerb edge has subsided',
  'a kerbstone is lying in the gutter',
  'the raised kerb has sunk level with the road',
  'broken kerb on our estate',
  'kerbs have sunk all along our street',
  'tripped on a sunken kerb',
  'the kerb by the postbox is loose',
  'kerb has tilted into the road',
  'can you fix a sunken kerb',
];

let dir: string;
let bot: BotHarness;
let channel: Channel;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-service-by-data-'));
  // The intent: its training file, beside the others.
  fs.cpSync(path.join(__dirname, 'fixtures', 'intents'), path.join(dir, 'intents'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'intents', 'report_sunken_kerb.yaml'),
    `intent: report_sunken_kerb\ndescription: A kerb stone has sunk, come loose or broken.\nlgsl: null\nexamples:\n${examples.map((e) => `  - ${e}`).join('\n')}\n`,
  );
  // The service the back office offers: a definition of its own, asked about as a pothole is.
  fs.cpSync(path.join(ROOT, 'services'), path.join(dir, 'services'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'services', 'sunken-kerb.yaml'),
    fs
      .readFileSync(path.join(ROOT, 'services', 'pothole.yaml'), 'utf8')
      .replace('service_code: pothole', 'service_code: sunken_kerb')
      .replace(/^service_name: .*$/m, 'service_name: Sunken or loose kerb'),
  );
  // How the assistant asks for it.
  const requests = fs.readFileSync(path.join(ROOT, 'knowledge', 'service-requests.yaml'), 'utf8');
  const pothole = requests.slice(requests.indexOf('report_pothole:'), requests.indexOf('report_flytipping:'));
  fs.writeFileSync(
    path.join(dir, 'service-requests.yaml'),
    `${requests.trimEnd()}\n${pothole.replace('report_pothole:', 'report_sunken_kerb:').replace('service_code: pothole', 'service_code: sunken_kerb')}`,
  );
  // Its words: the label (a button's title) and what an unfinished one is called, in the council's messages.
  // The council's content folder as shipped (its articles, synonyms and messages beside its profile), in English only.
  fs.cpSync(path.join(ROOT, 'knowledge'), path.join(dir, 'knowledge'), { recursive: true, filter: (f) => !f.split(path.sep).includes('cy-GB') });
  fs.appendFileSync(
    path.join(dir, 'knowledge', 'messages', 'en-GB', 'intents.yaml'),
    'report_sunken_kerb:\n  label: Report a sunken kerb\n  unfinished: your kerb report\n',
  );
  fs.writeFileSync(
    path.join(dir, 'knowledge', 'council.yaml'),
    fs.readFileSync(path.join(ROOT, 'knowledge', 'council.yaml'), 'utf8').replace(/^languages: .*$/m, 'languages: [en-GB]'),
  );
  channel = await startChannel();
  bot = await startBot({
    INTENTS_DIR: path.join(dir, 'intents'),
    SERVICES_DIR: path.join(dir, 'services'),
    SERVICE_REQUESTS: path.join(dir, 'service-requests.yaml'),
    COUNCIL_PROFILE: path.join(dir, 'knowledge', 'council.yaml'),
    CONTACT_CENTRE_CONFIG: path.join(ROOT, 'knowledge', 'contact-centre.yaml'),
  });
}, 180_000);

afterAll(async () => {
  await bot?.close();
  await channel?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('a service added with data files only', () => {
  it("is recognised in a resident's own words and started under its own name", async () => {
    const c = new Conversation(bot, 'conv-kerb-words', channel.url);
    const r = await c.say('hello, the kerb outside the library on station road has sunk and come loose');
    expect(r.all).toMatch(/I can help with that: Sunken or loose kerb\./);
  });

  it("its label pressed as a button starts it, its questions are the definition's, and it is filed under the new service", async () => {
    const c = new Conversation(bot, 'conv-kerb-button', channel.url);
    let r = await c.say('Report a sunken kerb');
    expect(r.all).toMatch(/Where is it\?/);
    r = await c.say('Outside the library in Market Place');
    // Where it is on the street was said with the label: a kerb is at the pavement (the pothole service's `understands`).
    expect(r.all).not.toMatch(/Is it in the road, on the pavement or in a cycle lane\?/);
    expect(r.all).toMatch(/how wide/);
    r = await c.say('40 cm');
    r = await c.say('8');
    expect(r.choices).toContain('No');
    r = await c.say('No');
    r = await c.say('Send it');
    expect(r.all).toMatch(/reference is AT-\d{8}/);
    // The outbox delivers it to the built-in back office, under the new service.
    const filed = await eventually(
      () => bot.app.database.db.selectFrom('open311_requests').selectAll().where('service_code', '=', 'sunken_kerb').executeTakeFirst(),
      { what: 'the kerb report filed with the back office' },
    );
    expect(JSON.parse(filed.attributes)).toEqual({ surface: 'pavement', width_cm: '40', depth_cm: '8', danger: 'no' });
    expect(filed.address_string).toMatch(/Market Place/);
  });

  it('validate takes the content as it is: a service intent needs a label, not a reply (its conversation is the request)', () => {
    const paths = {
      ...DEFAULT_PATHS,
      intentsDir: path.join(dir, 'intents'),
      councilProfile: path.join(dir, 'knowledge', 'council.yaml'),
      serviceRequests: path.join(dir, 'service-requests.yaml'),
    };
    const about = (p: { message: string }) => /sunken_kerb/.test(p.message);
    expect(validateAll(paths).filter((p) => p.severity === 'error' && about(p))).toEqual([]);
    // Without its service entry it would be an intent with nothing to say.
    expect(validateAll({ ...paths, serviceRequests: path.join(ROOT, 'knowledge', 'service-requests.yaml') }).filter(about)).toContainEqual(
      expect.objectContaining({ severity: 'error', message: expect.stringMatching(/no conversation of its own: give it a reply/) }),
    );
  }, 120_000);
});
