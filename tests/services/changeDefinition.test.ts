import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Conversation, startBot, startChannel } from './harness';

const NOW = new Date('2026-11-24T18:00:00Z');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('changing a service in the back office changes the conversation, with no code change', () => {
  it('asks a new question once it is added to the street light definition', async () => {
    const channel = await startChannel();
    const services = fs.mkdtempSync(path.join(os.tmpdir(), 'services-copy-'));
    dirs.push(services);
    fs.cpSync(path.resolve('services'), services, { recursive: true });
    const env = { SERVICES_DIR: services };

    const before = await startBot(env, () => NOW);
    const first = new Conversation(before, 'conv-before', channel.url);
    let r = await first.say('Report a street light fault');
    r = await first.say('Corner of Mill Lane and Meadow Way');
    expect(r.all).toMatch(/number on the lamp post/);
    expect(r.all).not.toMatch(/Is the light next to a road junction/);
    await before.close();

    // A content designer adds a question as the first attribute (data only).
    const file = path.join(services, 'streetlight.yaml');
    fs.writeFileSync(
      file,
      fs
        .readFileSync(file, 'utf8')
        .replace(
          'attributes:\n',
          'attributes:\n  - code: near_junction\n    datatype: singlevaluelist\n    required: true\n    order: 0\n    description: Is the light next to a road junction?\n    values:\n      - { key: "yes", name: "Yes" }\n      - { key: "no", name: "No" }\n',
        )
        .replace(/order: 0/, 'order: 1')
        .replace('    order: 1\n    description: What is the number', '    order: 2\n    description: What is the number')
        .replace('    order: 2\n    description: What is wrong', '    order: 3\n    description: What is wrong'),
    );
    // Started again on the same data folder, as a council restarts after editing a service: the models trained by the first
    // start are read back (training them again for nothing took most of this test's time).
    const after = await startBot({ ...env }, () => NOW, before.dataDir);
    try {
      const c = new Conversation(after, 'conv-after', channel.url);
      r = await c.say('Report a street light fault');
      r = await c.say('Corner of Mill Lane and Meadow Way');
      expect(r.all).toMatch(/Is the light next to a road junction\?/);
      expect(r.choices).toEqual(['Yes', 'No']);
      r = await c.say('Yes');
      expect(r.all).toMatch(/number on the lamp post/);
      r = await c.say('AT 77');
      r = await c.say("It's not working");
      r = await c.say('skip');
      r = await c.say('Stay anonymous');
      r = await c.say('Send it');
      const ref = /reference is (AT-\d{8})/.exec(r.all)![1];
      await Conversation.until(() => channel.received.find((m) => m.text.includes(ref)), 'delivery');
      const row = await after.app.database.db.selectFrom('open311_requests').selectAll().where('client_reference', '=', ref).executeTakeFirstOrThrow();
      expect(JSON.parse(row.attributes)).toEqual({ near_junction: 'yes', light_number: 'AT 77', fault_type: 'out' });
    } finally {
      await after.close();
      await channel.close();
    }
    // Two starts of the whole assistant, the first training its models in a new data folder (as serviceByData.test.ts).
  }, 120_000);
});
