import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MemoryStorage } from 'botbuilder';
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
import { TestConversation } from '../support/testConversation';
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
            return (await beginHandoffFrom(step, this.now(), {
              reason: 'back_office_refused',
              captured: { backOfficeError: 'Collection already reported (MB-777)' },
            }))!;
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
      intentDialogs: (parts: AssistantParts) => [
        feature.dialog(parts),
        { dialog: new FakeMissedBinDialog(parts.router, parts.responses, parts.vocabulary), intents: ['report_missed_bin'] },
      ],
      handoffRelay: (parts: AssistantParts) => feature.relay(parts),
    });
  }, 120_000);

  afterAll(async () => {
    await feature?.close();
    await database?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function conversationWith(conversationId: string): TestConversation {
    return new TestConversation(async (context) => assistant.bot.run(context), { id: conversationId });
  }

  it('"talk to a person" mid-dialog carries what the dialog captured and the entities seen', async () => {
    const resident = conversationWith('dialog-mid');
    await resident.send("my bin wasn't collected").assertReply('Which address?');
    await resident.send('12 Mill Lane, AT1 1AA').assertReply('Shall I send it?');
    await resident.send('Talk to a person');
    const initiate = resident.sent.find((a) => a.name === 'handoff.initiate')!;
    const value = initiate.value as { captured: Record<string, string>; reason: string };
    expect(value.reason).toBe('resident_asked');
    expect(value.captured).toMatchObject({ address: '12 Mill Lane, AT1 1AA', binType: 'recycling', postcode: 'AT1 1AA' });
    const handoff = (await feature.store.openFor('dialog-mid'))!;
    expect(handoff.context.captured.address).toBe('12 Mill Lane, AT1 1AA');
    expect(resident.sent.some((a) => /number \d+ in the queue/.test(a.text ?? ''))).toBe(true);
  });

  it('"yes" to the safeguarding message mid-dialog hands over (urgent) instead of answering the dialog\'s question', async () => {
    const resident = conversationWith('dialog-safeguarding-yes');
    await resident.send("my bin wasn't collected").assertReply('Which address?');
    await resident.send('12 Mill Lane, AT1 1AA').assertReply('Shall I send it?');
    await resident.send('i want to end my life');
    expect(resident.sent.at(-1)?.text).toMatch(/116 123[\s\S]*talk to a person/);
    await resident.send('yes');
    const value = resident.sent.find((a) => a.name === 'handoff.initiate')?.value as { reason: string; priority: number } | undefined;
    expect(value).toMatchObject({ reason: 'safeguarding', priority: 1 });
    expect(resident.sent.some((a) => a.name === 'handoff.initiate' && (a.value as { captured?: Record<string, string> }).captured?.backOfficeError)).toBe(
      false,
    );
  });

  it('"no" or "Carry on" after the safeguarding message mid-dialog asks the dialog\'s question again', async () => {
    for (const answer of ['no', 'Carry on']) {
      const resident = conversationWith(`dialog-safeguarding-${answer}`);
      await resident.send("my bin wasn't collected").assertReply('Which address?');
      await resident.send('my partner hits me').assertReply((a) => expect(a.text).toMatch(/0808 2000 247/));
      await resident.send(answer).assertReply('Which address?');
      await resident.send('12 Mill Lane').assertReply('Shall I send it?');
    }
  });

  it('after the safeguarding message, a longer answer that is not a yes goes to the dialog as usual', async () => {
    const resident = conversationWith('dialog-safeguarding-other');
    await resident.send("my bin wasn't collected").assertReply('Which address?');
    await resident.send('my partner hits me').assertReply((a) => expect(a.text).toMatch(/999/));
    await resident.send('ok so it is 12 Mill Lane').assertReply('Shall I send it?');
    expect(resident.sent.some((a) => a.name === 'handoff.initiate')).toBe(false);
  });

  it.each(['ok carry on', 'please carry on', 'no, carry on', 'no im fine'])(
    '"%s" after the safeguarding message goes back to the question, not to a person',
    async (answer) => {
      const resident = conversationWith(`dialog-safeguarding-${answer}`);
      await resident.send("my bin wasn't collected").assertReply('Which address?');
      await resident.send('my partner hits me').assertReply((a) => expect(a.text).toMatch(/999/));
      await resident.send(answer).assertReply('Which address?');
      expect(resident.sent.some((a) => a.name === 'handoff.initiate')).toBe(false);
    },
  );

  it('a message with no words after the safeguarding message: the question is asked again, and is then the open question', async () => {
    const resident = conversationWith('dialog-safeguarding-empty');
    await resident.send("my bin wasn't collected").assertReply('Which address?');
    await resident.send('my partner hits me').assertReply((a) => expect(a.text).toMatch(/999/));
    await resident
      .send({ type: 'message', text: '   ' })
      .assertReply((a) => expect(a.text).toMatch(/didn't get any words/))
      .assertReply('Which address?');
    await resident.send('yes').assertReply('Shall I send it?');
    expect(resident.sent.some((a) => a.name === 'handoff.initiate')).toBe(false);
  });

  it('a request made in the same message as a risk starts on "Carry on"; "yes" hands over', async () => {
    const carryOn = conversationWith('top-safeguarding-carry-on');
    await carryOn.send("my bin wasn't collected and my partner hit me last night").assertReply((a) => expect(a.text).toMatch(/999/));
    await carryOn.send('Carry on').assertReply('Which address?');

    const yes = conversationWith('top-safeguarding-yes');
    await yes.send('my partner hits me');
    await yes.send('yes please');
    expect(yes.sent.find((a) => a.name === 'handoff.initiate')?.value).toMatchObject({ reason: 'safeguarding', priority: 1 });
  });

  it('"Carry on" with nothing in progress says so', async () => {
    const resident = conversationWith('top-carry-on');
    await resident.send('Carry on').assertReply((a) => expect(a.text).toMatch(/weren't in the middle of anything/));
  });

  it('a dialog that cannot finish hands over with its reason and what it knows', async () => {
    const resident = conversationWith('dialog-refused');
    await resident.send("my bin wasn't collected").assertReply('Which address?');
    await resident.send('4 High Street').assertReply('Shall I send it?');
    await resident.send('send');
    const value = resident.sent.find((a) => a.name === 'handoff.initiate')!.value as { captured: Record<string, string>; reason: string };
    expect(value.reason).toBe('back_office_refused');
    expect(value.captured).toMatchObject({ address: '4 High Street', backOfficeError: 'Collection already reported (MB-777)' });
  });
});
