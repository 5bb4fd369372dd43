import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { IntentClassifier } from '../../../intents/classifier';
import { CluRecognizer, type CluSettings } from '../../../intents/cluRecognizer';
import { EntityExtractor } from '../../../intents/entities';
import { LocalRecognizer } from '../../../intents/localRecognizer';
import { startFakeClu, type FakeClu } from '../../support/fakeClu';

const TOY = [
  ...['my bin was not emptied', 'bin not collected', 'missed bin', 'they missed my recycling', 'black bin not emptied today'].map((text) => ({
    text,
    intent: 'report_missed_bin',
  })),
  ...['when is my bin day', 'which day are bins collected', 'bin collection day', 'when do they empty the bins', 'what day is recycling'].map((text) => ({
    text,
    intent: 'bin_collection_day',
  })),
  ...['hello', 'hi there', 'good morning', 'hey', 'hiya'].map((text) => ({ text, intent: 'greeting' })),
  ...['tell me a joke', 'weather tomorrow', 'who won the football', 'play some music', 'what is the capital of france'].map((text) => ({
    text,
    intent: 'none',
  })),
];

interface Logged {
  obj: Record<string, unknown>;
  msg: string;
}

describe('CluRecognizer with the real client library against a local CLU fake', () => {
  let fake: FakeClu;
  let local: LocalRecognizer;
  let logged: Logged[];
  const extractor = new EntityExtractor({ now: () => new Date('2026-11-26T12:00:00Z') });

  beforeAll(async () => {
    fake = await startFakeClu('right-key');
    local = new LocalRecognizer(IntentClassifier.train(TOY, { outOfScopeLabel: 'none', seed: 1 }), extractor);
  });
  afterAll(async () => fake?.close());
  beforeEach(() => {
    logged = [];
    fake.requests.length = 0;
  });

  function recognizer(overrides: Partial<CluSettings> = {}): CluRecognizer {
    const settings: CluSettings = {
      endpoint: fake.endpoint,
      key: 'right-key',
      projectName: 'council-assistant',
      deploymentName: 'production',
      timeoutMs: 2000,
      ...overrides,
    };
    return new CluRecognizer({ settings, fallback: local, entities: extractor, logger: { warn: (obj, msg) => logged.push({ obj, msg }) } });
  }

  it('sends the documented request and maps top intent, confidence, alternatives and entities', async () => {
    const text = 'my blue bin at AT1 1AA was not emptied yesterday';
    fake.behave({
      kind: 'answer',
      predict: (query) => ({
        topIntent: 'report_missed_bin',
        intents: [
          { category: 'bin_collection_day', confidenceScore: 0.07 },
          { category: 'report_missed_bin', confidenceScore: 0.91 },
          { category: 'None', confidenceScore: 0.02 },
        ],
        entities: [
          {
            category: 'binType',
            text: 'blue bin',
            offset: query.indexOf('blue bin'),
            length: 8,
            confidenceScore: 1,
            extraInformation: [{ extraInformationKind: 'ListKey', key: 'recycling' }],
          },
          { category: 'postcode', text: 'AT1 1AA', offset: query.indexOf('AT1'), length: 7, confidenceScore: 0.88 },
        ],
      }),
    });
    const result = await recognizer().recognize(text, 'en-GB');

    expect(fake.requests).toHaveLength(1);
    const req = fake.requests[0];
    expect(req.path).toBe('/language/:analyze-conversations');
    expect(req.apiVersion).toBe('2022-05-15-preview');
    expect(req.key).toBe('right-key');
    expect(req.body).toMatchObject({
      kind: 'Conversation',
      analysisInput: { conversationItem: { text, participantId: 'resident', id: '1' } },
      parameters: { projectName: 'council-assistant', deploymentName: 'production', stringIndexType: 'Utf16CodeUnit' },
    });

    expect(result.source).toBe('clu');
    expect(result.intent).toBe('report_missed_bin');
    expect(result.score).toBeCloseTo(0.91);
    expect(result.alternatives).toEqual([
      { intent: 'report_missed_bin', score: 0.91 },
      { intent: 'bin_collection_day', score: 0.07 },
    ]);
    const byType = Object.fromEntries(result.entities.map((e) => [e.type, e]));
    expect(byType.binType).toMatchObject({ text: 'blue bin', value: 'recycling', start: 3, end: 11 });
    expect(byType.postcode).toMatchObject({ text: 'AT1 1AA', value: 'AT1 1AA' });
    // CLU gave no date: our extractor fills it in, relative to the clock it was given.
    expect(byType.date).toMatchObject({ text: 'yesterday', value: '2026-11-25' });
    expect(logged).toEqual([]);
  });

  it("maps CLU's None to our none intent and keeps in-scope guesses as alternatives", async () => {
    fake.behave({
      kind: 'answer',
      predict: () => ({
        topIntent: 'None',
        intents: [
          { category: 'None', confidenceScore: 0.6 },
          { category: 'greeting', confidenceScore: 0.3 },
        ],
      }),
    });
    const result = await recognizer().recognize('what is the meaning of life');
    expect(result).toMatchObject({ intent: 'none', source: 'clu', alternatives: [{ intent: 'greeting', score: 0.3 }] });
    expect(result.score).toBeCloseTo(0.3);
  });

  it('normalises a learned postcode entity and maps a prebuilt DateTime entity to date', async () => {
    const text = 'bins missed at at1 1aa on 3rd Nov';
    fake.behave({
      kind: 'answer',
      predict: (q) => ({
        topIntent: 'report_missed_bin',
        intents: [{ category: 'report_missed_bin', confidenceScore: 0.8 }],
        entities: [
          { category: 'PostCode', text: 'at1 1aa', offset: q.indexOf('at1'), length: 7, confidenceScore: 0.7 },
          { category: 'DateTime', text: '3rd Nov', offset: q.indexOf('3rd'), length: 7, confidenceScore: 1 },
          { category: 'Person', text: 'bins', offset: 0, length: 4, confidenceScore: 1 },
        ],
      }),
    });
    const result = await recognizer().recognize(text);
    expect(result.entities.map((e) => [e.type, e.value])).toEqual([
      ['postcode', 'AT1 1AA'],
      ['date', '2026-11-03'],
    ]);
  });

  const failures: Array<[string, () => void, string, Partial<CluSettings>?]> = [
    ['a 500', () => fake.behave({ kind: 'status', status: 500 }), 'http 500'],
    [
      'a wrong key (401)',
      () => fake.behave({ kind: 'answer', predict: () => ({ topIntent: 'greeting', intents: [{ category: 'greeting', confidenceScore: 1 }] }) }),
      'http 401',
      { key: 'wrong-key' },
    ],
    ['a malformed body', () => fake.behave({ kind: 'malformed' }), 'invalid-response'],
    [
      'an answer slower than the timeout',
      () => fake.behave({ kind: 'slow', delayMs: 1500, predict: () => ({ topIntent: 'greeting', intents: [{ category: 'greeting', confidenceScore: 1 }] }) }),
      'timeout',
      { timeoutMs: 200 },
    ],
  ];

  it.each(failures)('falls back to the offline recognizer on %s, logs why without the words', async (_name, arrange, reason, overrides) => {
    arrange();
    const text = 'my bin was not emptied at AT1 1AA';
    const result = await recognizer(overrides).recognize(text);
    expect(fake.requests).toHaveLength(1);
    expect(result).toMatchObject({ source: 'local-fallback', fallbackReason: reason, intent: 'report_missed_bin', text });
    expect(result.entities.find((e) => e.type === 'postcode')?.value).toBe('AT1 1AA');
    expect(logged).toHaveLength(1);
    expect(logged[0].obj).toMatchObject({ recognizer: 'clu', reason });
    const written = JSON.stringify(logged);
    expect(written).not.toMatch(/emptied|AT1/i);
  });

  it('treats an answer that is not a Conversation prediction as a failure', async () => {
    fake.behave({ kind: 'answer', predict: () => ({ topIntent: 'greeting', intents: 'nonsense' as unknown as [] }) });
    const result = await recognizer().recognize('hello');
    expect(result).toMatchObject({ source: 'local-fallback', fallbackReason: 'invalid-response', intent: 'greeting' });
  });

  it('sends CLU at most its 1000-character limit of a very long message, and keeps entity offsets inside the text', async () => {
    const text = `${'x'.repeat(9990)} AT1 1AA`;
    fake.behave({
      kind: 'answer',
      predict: (q) => ({
        topIntent: 'None',
        intents: [{ category: 'None', confidenceScore: 0.9 }],
        entities: [{ category: 'street', text: q.slice(0, 5), offset: 995, length: 50, confidenceScore: 0.5 }],
      }),
    });
    const result = await recognizer().recognize(text);
    const sent = (fake.requests[0].body as { analysisInput: { conversationItem: { text: string } } }).analysisInput.conversationItem.text;
    expect(sent.length).toBe(1000);
    expect(result.text).toBe(text);
    for (const e of result.entities) expect(e.end!).toBeLessThanOrEqual(text.length);
    // The postcode beyond CLU's limit still comes from our extractor.
    expect(result.entities.find((e) => e.type === 'postcode')?.value).toBe('AT1 1AA');
  });

  it('does not call CLU for an empty message', async () => {
    const result = await recognizer().recognize('   ');
    expect(fake.requests).toHaveLength(0);
    expect(result.source).toBe('local');
  });

  it('falls back when nothing listens at the endpoint', async () => {
    const closed = await startFakeClu();
    const endpoint = closed.endpoint;
    await closed.close();
    const result = await recognizer({ endpoint }).recognize('hello');
    expect(result).toMatchObject({ source: 'local-fallback', intent: 'greeting' });
    expect(logged[0].obj.reason).not.toBe('timeout');
  });
});
