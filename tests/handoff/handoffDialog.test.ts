import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import { TextPrompt, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAssistant, type Assistant, type AssistantParts } from '../../bot/assistant';
import { HandoffFeature } from '../../handoff';
import { createLogger } from '../../platform/logger';
import { AppDatabase } from '../../platform/storage/database';
import { CancelAndHelpDialog } from '../../dialogs/cancelAndHelpDialog';
import { beginHandoffFrom } from '../../dialogs/handoffStart';
import type { Router } from '../../dialogs/router';
import type { Responses } from '../../dialogs/responses';
import type { Vocabulary } from '../../knowledge/vocabulary';
import { FIXTURES } from './support/harness';

const ROOT = path.resolve(__dirname, '..', '..');

/** Stands in for a service-request dialog: captures an address and a bin type, then a back office answers. */
class FakeMissedBinDialog extends CancelAndHelpDialog {
  constructor(router: Router, responses: Responses, vocabulary: Vocabulary) {
    super('fakeMissedBin', router, responses, vocabulary);
    this.addDialog(new TextPrompt('fakeText'));
    this.addDialog(
      new WaterfallDialog('fakeMissedBinSteps', [
        async (step: WaterfallStepContext) => step.prompt('fakeText', 'Which address?'),
        async (step: WaterfallStepContext) => {
          (step.values as Record<string, unknown>).address = step.result;
          (step.values as Record<string, unknown>).binType = 'recycling';
          return step.prompt('fakeText', 'Shall I send it?');
        },
        async (step: WaterfallStepContext) => {
          if (step.result === 'send') {
            return (await beginHandoffFrom(step, { reason: 'back_office_refused', captured: { backOfficeError: 'Collection already reported (MB-777)' } }))!;
          }
          return step.endDialog();
        },
      ]),
    );
    this.initialDialogId = 'fakeMissedBinSteps';
  }
}

describe('handoff dialog: what travels from the dialogs', () => {
  let dir: string;
  let database: AppDatabase;
  let feature: HandoffFeature;
  let assistant: Assistant;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-dialog-'));
    database = await AppDatabase.open({ dataDir: dir });
    const logger = createLogger('silent');
    feature = await HandoffFeature.create({
      database,
      contactCentrePath: path.join(FIXTURES, 'always-open.yaml'),
      target: 'builtin',
      agentTimeoutMs: 60_000,
      staffSessionMinutes: 60,
      webDir: path.join(ROOT, 'web'),
      logger,
    });
    assistant = buildAssistant({
      storage: new MemoryStorage(),
      councilProfilePath: path.join(ROOT, 'knowledge', 'council.yaml'),
      intentsDir: path.join(ROOT, 'intents', 'data'),
      safeguardingRulesPath: path.join(ROOT, 'intents', 'safeguarding-rules.yaml'),
      modelDir: path.join(dir, 'models'),
      logger,
      // The entity recognizers are another feature's; here a postcode entity is added by hand.
      recognizer: (local) => ({
        async recognize(text) {
          const r = await local.recognize(text);
          const m = /AT\d \d[A-Z]{2}/.exec(text);
          return m ? { ...r, entities: [...r.entities, { type: 'postcode', text: m[0], value: m[0] }] } : r;
        },
      }),
      intentDialogs: (parts: AssistantParts) => [feature.dialog(parts), { dialog: new FakeMissedBinDialog(parts.router, parts.responses, parts.vocabulary), intents: ['report_missed_bin'] }],
      handoffRelay: (parts: AssistantParts) => feature.relay(parts),
    });
  }, 120_000);

  afterAll(async () => {
    await feature?.close();
    await database?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function adapterFor(conversationId: string): { adapter: TestAdapter; sent: Partial<Activity>[] } {
    const sent: Partial<Activity>[] = [];
    const adapter = new TestAdapter(async (context) => {
      context.onSendActivities(async (_c, activities, next) => {
        sent.push(...activities);
        return next();
      });
      await assistant.bot.run(context);
    });
    adapter.conversation.conversation.id = conversationId;
    return { adapter, sent };
  }

  it('"talk to a person" mid-dialog carries what the dialog captured and the entities seen', async () => {
    const { adapter, sent } = adapterFor('dialog-mid');
    await adapter.send('my bin wasn\'t collected').assertReply('Which address?').startTest();
    await adapter.send('12 Mill Lane, AT1 1AA').assertReply('Shall I send it?').startTest();
    await adapter.send('Talk to a person').startTest();
    const initiate = sent.find((a) => a.name === 'handoff.initiate')!;
    const value = initiate.value as { captured: Record<string, string>; reason: string };
    expect(value.reason).toBe('resident_asked');
    expect(value.captured).toMatchObject({ address: '12 Mill Lane, AT1 1AA', binType: 'recycling', postcode: 'AT1 1AA' });
    const handoff = (await feature.store.openFor('dialog-mid'))!;
    expect(handoff.context.captured.address).toBe('12 Mill Lane, AT1 1AA');
    expect(sent.some((a) => /number \d+ in the queue/.test(a.text ?? ''))).toBe(true);
  });

  it('"yes" to the safeguarding message mid-dialog hands over (urgent) instead of answering the dialog\'s question', async () => {
    const { adapter, sent } = adapterFor('dialog-safeguarding-yes');
    await adapter.send('my bin wasn\'t collected').assertReply('Which address?').startTest();
    await adapter.send('12 Mill Lane, AT1 1AA').assertReply('Shall I send it?').startTest();
    await adapter.send('i want to end my life').startTest();
    expect(sent.at(-1)?.text).toMatch(/116 123[\s\S]*talk to a person/);
    await adapter.send('yes').startTest();
    const value = sent.find((a) => a.name === 'handoff.initiate')?.value as { reason: string; priority: number } | undefined;
    expect(value).toMatchObject({ reason: 'safeguarding', priority: 1 });
    expect(sent.some((a) => a.name === 'handoff.initiate' && (a.value as { captured?: Record<string, string> }).captured?.backOfficeError)).toBe(false);
  });

  it('"no" or "Carry on" after the safeguarding message mid-dialog asks the dialog\'s question again', async () => {
    for (const answer of ['no', 'Carry on']) {
      const { adapter } = adapterFor(`dialog-safeguarding-${answer}`);
      await adapter.send('my bin wasn\'t collected').assertReply('Which address?').startTest();
      await adapter.send('my partner hits me').assertReply((a) => expect(a.text).toMatch(/0808 2000 247/)).startTest();
      await adapter.send(answer).assertReply('Which address?').startTest();
      await adapter.send('12 Mill Lane').assertReply('Shall I send it?').startTest();
    }
  });

  it('after the safeguarding message, a longer answer that is not a yes goes to the dialog as usual', async () => {
    const { adapter, sent } = adapterFor('dialog-safeguarding-other');
    await adapter.send('my bin wasn\'t collected').assertReply('Which address?').startTest();
    await adapter.send('my partner hits me').assertReply((a) => expect(a.text).toMatch(/999/)).startTest();
    await adapter.send('ok so it is 12 Mill Lane').assertReply('Shall I send it?').startTest();
    expect(sent.some((a) => a.name === 'handoff.initiate')).toBe(false);
  });

  it.each(['ok carry on', 'please carry on', 'no, carry on', 'no im fine'])('"%s" after the safeguarding message goes back to the question, not to a person', async (answer) => {
    const { adapter, sent } = adapterFor(`dialog-safeguarding-${answer}`);
    await adapter.send('my bin wasn\'t collected').assertReply('Which address?').startTest();
    await adapter.send('my partner hits me').assertReply((a) => expect(a.text).toMatch(/999/)).startTest();
    await adapter.send(answer).assertReply('Which address?').startTest();
    expect(sent.some((a) => a.name === 'handoff.initiate')).toBe(false);
  });

  it('a message with no words after the safeguarding message: the question is asked again, and is then the open question', async () => {
    const { adapter, sent } = adapterFor('dialog-safeguarding-empty');
    await adapter.send('my bin wasn\'t collected').assertReply('Which address?').startTest();
    await adapter.send('my partner hits me').assertReply((a) => expect(a.text).toMatch(/999/)).startTest();
    await adapter
      .send({ type: 'message', text: '   ' })
      .assertReply((a) => expect(a.text).toMatch(/didn't get any words/))
      .assertReply('Which address?')
      .startTest();
    await adapter.send('yes').assertReply('Shall I send it?').startTest();
    expect(sent.some((a) => a.name === 'handoff.initiate')).toBe(false);
  });

  it('a request made in the same message as a risk starts on "Carry on"; "yes" hands over', async () => {
    const carryOn = adapterFor('top-safeguarding-carry-on');
    await carryOn.adapter.send('my bin wasn\'t collected and my partner hit me last night').assertReply((a) => expect(a.text).toMatch(/999/)).startTest();
    await carryOn.adapter.send('Carry on').assertReply('Which address?').startTest();

    const yes = adapterFor('top-safeguarding-yes');
    await yes.adapter.send('my partner hits me').startTest();
    await yes.adapter.send('yes please').startTest();
    expect(yes.sent.find((a) => a.name === 'handoff.initiate')?.value).toMatchObject({ reason: 'safeguarding', priority: 1 });
  });

  it('"Carry on" with nothing in progress says so', async () => {
    const { adapter } = adapterFor('top-carry-on');
    await adapter.send('Carry on').assertReply((a) => expect(a.text).toMatch(/weren't in the middle of anything/)).startTest();
  });

  it('a dialog that cannot finish hands over with its reason and what it knows', async () => {
    const { adapter, sent } = adapterFor('dialog-refused');
    await adapter.send('my bin wasn\'t collected').assertReply('Which address?').startTest();
    await adapter.send('4 High Street').assertReply('Shall I send it?').startTest();
    await adapter.send('send').startTest();
    const value = sent.find((a) => a.name === 'handoff.initiate')!.value as { captured: Record<string, string>; reason: string };
    expect(value.reason).toBe('back_office_refused');
    expect(value.captured).toMatchObject({ address: '4 High Street', backOfficeError: 'Collection already reported (MB-777)' });
  });
});
