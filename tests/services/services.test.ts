import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Conversation, startBot, useBotAndChannel, type BotHarness } from './harness';

const NOW = new Date('2026-11-24T18:00:00Z');
const live = useBotAndChannel(() => NOW);

async function official(conversationId: string, ref: string): Promise<string> {
  const told = await Conversation.until(
    () => live.channel.received.find((m) => m.conversationId === conversationId && m.text.includes(ref)),
    `official reference for ${ref}`,
  );
  return /official reference is (\S+?)\.?(\s|$)/.exec(told.text)![1];
}

async function stored(id: string) {
  return live.bot.app.database.db.selectFrom('open311_requests').selectAll().where('service_request_id', '=', id).executeTakeFirstOrThrow();
}

describe('each service end to end through the bot', () => {
  it('pothole: location described in words, numbers validated, anonymous', async () => {
    const c = new Conversation(live.bot, 'conv-pothole', live.channel.url);
    let r = await c.say('Report a pothole');
    // A street problem asks where it is first.
    expect(r.all).toMatch(/Where is it\?/);
    r = await c.say('Outside the library on Station Road');
    expect(r.all).toMatch(/Is it in the road, on the pavement or in a cycle lane\?/);
    r = await c.say('In the road');
    expect(r.all).toMatch(/how wide/);
    r = await c.say('quite wide');
    expect(r.all).toMatch(/Please give a number/);
    r = await c.say('40 cm');
    r = await c.say('8');
    expect(r.choices).toEqual(["Yes, it's dangerous", 'No']);
    r = await c.say("Yes, it's dangerous");
    // Details and contact details are not asked: the summary invites them.
    expect(r.all).not.toMatch(/anything else we should know/i);
    expect(r.all).toMatch(/Details: none/);
    expect(r.all).toMatch(/Contact: anonymous/);
    expect(r.all).toMatch(/type your email address or UK phone number/);
    r = await c.say('x'.repeat(2100));
    expect(r.all).toMatch(/limit is 2,000/);
    r = await c.say('It is right by the bus stop and getting deeper');
    expect(r.all).toMatch(/I've added that to the details/);
    expect(r.all).toMatch(/Details: It is right by the bus stop and getting deeper/);
    r = await c.say('what?');
    expect(r.all).toMatch(/Please choose/);
    r = await c.say('Send it');
    const ref = /reference is (AT-\d{8})/.exec(r.all)![1];
    const row = await stored(await official('conv-pothole', ref));
    expect(JSON.parse(row.attributes)).toEqual({ surface: 'road', width_cm: '40', depth_cm: '8', danger: 'yes' });
    expect(row).toMatchObject({
      address_string: 'Outside the library on Station Road',
      email: null,
      phone: null,
      description: 'It is right by the bus stop and getting deeper',
    });
  });

  it('fly-tipping: several waste types, a postcode as the place (its street, not a list of houses)', async () => {
    const c = new Conversation(live.bot, 'conv-fly', live.channel.url);
    let r = await c.say('Report fly-tipping');
    expect(r.all).toMatch(/Where is it\?/);
    r = await c.say('AT1 2BD');
    expect(r.all).toMatch(/noted where it is: Market Place, AT1 2BD/);
    expect(r.all).not.toMatch(/Which address/);
    expect(r.all).toMatch(/What has been dumped\?/);
    r = await c.say('furniture and tyres');
    expect(r.all).toMatch(/added Furniture, Tyres/);
    r = await c.say('Electrical items');
    r = await c.say("That's all");
    expect(r.all).toMatch(/How much/);
    r = await c.say('A car boot load');
    r = await c.say('Not sure');
    expect(r.all).toMatch(/Shall I send it\?/);
    r = await c.say('By the recycling bins');
    expect(r.all).toMatch(/Details: By the recycling bins/);
    r = await c.say('+44 7700 900123');
    // The name is not asked (optional): the summary invites it, and it is taken when given.
    expect(r.all).not.toMatch(/What's your name/);
    expect(r.all).toMatch(/your name too/);
    r = await c.say('my name is Alex');
    expect(r.all).toMatch(/07700900123, Alex/);
    r = await c.say('Send it');
    const ref = /reference is (AT-\d{8})/.exec(r.all)![1];
    const row = await stored(await official('conv-fly', ref));
    expect(JSON.parse(row.attributes)).toEqual({ waste_type: ['furniture', 'tyres', 'electrical'], amount: 'car_boot', hazardous: 'not_sure' });
    expect(row).toMatchObject({ phone: '07700900123', first_name: 'Alex', address_string: 'Market Place, AT1 2BD' });
    expect(row.lat).toBeCloseTo(52.2, 0);
  });

  it('street light: optional light number skipped, fault type chosen', async () => {
    const c = new Conversation(live.bot, 'conv-light', live.channel.url);
    let r = await c.say('Report a street light fault');
    expect(r.all).toMatch(/Where is it\?/);
    r = await c.say('Lamp post opposite 12 Mill Lane');
    expect(r.choices).toContain('Skip');
    r = await c.say('skip');
    expect(r.all).toMatch(/What is wrong with the light\?/);
    r = await c.say('It flickers');
    expect(r.all).toMatch(/Shall I send it\?/);
    r = await c.say('Change something');
    r = await c.say('Details');
    expect(r.all).toMatch(/anything else we should know/i);
    r = await c.say('It comes on and off all night');
    expect(r.all).toMatch(/Details: It comes on and off all night/);
    r = await c.say('Thank you, please send it');
    const ref = /reference is (AT-\d{8})/.exec(r.all)![1];
    const row = await stored(await official('conv-light', ref));
    expect(JSON.parse(row.attributes)).toEqual({ fault_type: 'flickering' });
  });

  it('bulky waste: contact required, items listed, anonymous refused', async () => {
    const c = new Conversation(live.bot, 'conv-bulky', live.channel.url);
    let r = await c.say('Book a bulky waste collection');
    r = await c.say('AT1 1AA');
    r = await c.say('Flat 2, 3 High Street');
    expect(r.all).toMatch(/Which items/);
    r = await c.say('sofa, mattress');
    r = await c.say("That's all");
    r = await c.say('two');
    r = await c.say('skip');
    // Contact details this service needs are asked before the summary.
    expect(r.all).toMatch(/We need a way to contact you/);
    r = await c.say('Stay anonymous');
    expect(r.all).toMatch(/doesn't look like an email/);
    r = await c.say('me@example.org');
    r = await c.say('Jo Bloggs');
    expect(r.all).toMatch(/Sofa, Mattress/);
    r = await c.say('Send it');
    const ref = /reference is (AT-\d{8})/.exec(r.all)![1];
    const row = await stored(await official('conv-bulky', ref));
    expect(JSON.parse(row.attributes)).toEqual({ items: ['sofa', 'mattress'], item_count: '2' });
    expect(row).toMatchObject({ email: 'me@example.org', address_id: '100070000004' });
  });
});

describe('bin day and case status', () => {
  it('gives the next collection of each container, with bank-holiday changes and the reason', async () => {
    const christmas = await startBot({}, () => new Date('2026-12-21T09:00:00Z'));
    try {
      const c = new Conversation(christmas, 'conv-binday', live.channel.url);
      let r = await c.say('Find my bin day');
      expect(r.all).toMatch(/postcode/);
      r = await c.say('AT1 1AA');
      r = await c.say('1 High Street');
      expect(r.all).toMatch(/Next collections for 1 High Street, Anytown, AT1 1AA/);
      expect(r.all).toMatch(/General waste \(grey bin\): today \(Monday 21 December\)/);
      expect(r.all).toMatch(
        /Recycling \(blue bin\): Tuesday 29 December\. This is a change from Monday 28 December \(Boxing Day \(substitute day\): collections are a day later that week\)/,
      );
      expect(r.all).toMatch(/Food waste \(caddy\): today/);
    } finally {
      await christmas.close();
    }
  });

  it('answers kindly for a reference that does not exist', async () => {
    const c = new Conversation(live.bot, 'conv-status-404', live.channel.url);
    let r = await c.say('Check a report I made');
    expect(r.all).toMatch(/reference number/);
    r = await c.say('SR-999999');
    expect(r.all).toMatch(/can't find a report with the reference SR-999999/);
  });

  it('reads status, notes, expected date and the latest update in plain words', async () => {
    const key = live.bot.app.services.client as unknown as { options: { apiKey: string; baseUrl: () => string } };
    const base = key.options.baseUrl();
    const form = new URLSearchParams({
      api_key: key.options.apiKey,
      service_code: 'streetlight',
      address_string: 'Mill Lane',
      'attribute[fault_type]': 'out',
      first_name: 'Dana',
      last_name: 'Whitlock',
    });
    const created = (await (await fetch(`${base}/requests.json`, { method: 'POST', body: form })).json()) as Array<{ service_request_id: string }>;
    const id = created[0].service_request_id;
    const update = new URLSearchParams({
      api_key: key.options.apiKey,
      service_request_id: id,
      status: 'ACTION_SCHEDULED',
      description: 'Engineer booked for Thursday, Whitlock to call 07700 900321',
    });
    expect((await fetch(`${base}/servicerequestupdates.json`, { method: 'POST', body: update })).status).toBe(200);
    const c = new Conversation(live.bot, 'conv-status', live.channel.url);
    await c.say('Check a report I made');
    const r = await c.say(id);
    expect(r.all).toMatch(new RegExp(`Street light fault ${id}: work has been scheduled`));
    // Anyone may ask about any reference: the resident's name and numbers in staff notes are not read out.
    expect(r.all).toMatch(/Notes: Engineer booked for Thursday, \[name\] to call \[phone\]/);
    expect(r.all).toMatch(/We expect to deal with it by/);
    expect(r.all).toMatch(/Latest update, .*: Engineer booked for Thursday, \[name\] to call \[phone\]/);
    expect(r.all).not.toMatch(/Whitlock|07700/);
  });
});

describe('restart in the middle of a request', () => {
  it('resumes the dialog where it was after the process restarts', async () => {
    const first = await startBot({}, () => NOW);
    const dataDir = first.dataDir;
    const c1 = new Conversation(first, 'conv-restart', live.channel.url);
    await c1.say('Report a pothole');
    await c1.say('On the pavement');
    await first.close();
    const second = await startBot({}, () => NOW, dataDir);
    try {
      const c2 = new Conversation(second, 'conv-restart', live.channel.url);
      let r = await c2.say('25');
      expect(r.all).toMatch(/how deep/);
      r = await c2.say('3');
      r = await c2.say('No');
      r = await c2.say('Behind the bus stop on London Road');
      expect(r.all).toMatch(/On the pavement/);
      expect(r.all).toMatch(/the width: 25/i);
    } finally {
      await second.close();
    }
  });
});

describe('a second, separately started GeoReport v2 server with different attributes', () => {
  let child: ChildProcess;
  let other: BotHarness;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'other-open311-'));
    child = spawn(process.execPath, ['--import', 'tsx', path.resolve('scripts/open311-server.ts')], {
      env: {
        ...process.env,
        PORT: '0',
        DATA_DIR: dir,
        SERVICES_DIR: path.resolve(__dirname, 'fixtures', 'other-backoffice'),
        OPEN311_API_KEY: 'other-key-123',
        OPEN311_JURISDICTION_ID: 'other.example',
        LOG_LEVEL: 'silent',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /open311 listening on (\S+)/.exec(out);
        if (m) resolve(m[1]);
      });
      child.on('exit', (code) => reject(new Error(`open311 server exited ${code}`)));
    });
    other = await startBot({ OPEN311_BASE_URL: url, OPEN311_API_KEY: 'other-key-123', OPEN311_JURISDICTION_ID: 'other.example' }, () => NOW);
  });
  afterAll(async () => {
    await other?.close();
    child?.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('asks that back office’s questions, with no code change, and files the request there', async () => {
    const c = new Conversation(other, 'conv-other', live.channel.url);
    let r = await c.say('Report a pothole');
    expect(r.all).toMatch(/Road surface defect/);
    r = await c.say('Near the junction with Mill Lane');
    expect(r.all).toMatch(/Which road is it on\?/);
    r = await c.say('Station Road');
    expect(r.choices).toEqual(['Low', 'Medium', 'High']);
    r = await c.say('High');
    expect(r.all).toMatch(/When did you first notice it\?/);
    r = await c.say('yesterday');
    r = await c.say('skip');
    r = await c.say('Stay anonymous');
    r = await c.say('Send it');
    const ref = /reference is (AT-\d{8})/.exec(r.all)![1];
    const told = await Conversation.until(
      () => live.channel.received.find((m) => m.conversationId === 'conv-other' && m.text.includes(ref)),
      'the proactive message',
    );
    const id = /official reference is (SR-\d+)/.exec(told.text)![1];
    expect(told.text).toMatch(/Logged with the highways contractor/);
    const row = (await (await fetch(`${other.app.services.client.baseUrl}/requests/${id}.json?jurisdiction_id=other.example`)).json()) as Array<{
      service_code: string;
      address: string;
    }>;
    expect(row[0]).toMatchObject({ service_code: 'pothole', address: 'Near the junction with Mill Lane' });
  });

  it('uses the other attributes for a missed bin (no gazetteer round check without a known bin)', async () => {
    const c = new Conversation(other, 'conv-other-bin', live.channel.url);
    let r = await c.say('Report a missed bin');
    r = await c.say('AT1 1AA');
    r = await c.say('1 High Street');
    expect(r.choices).toEqual(['Grey', 'Blue']);
  });
});
