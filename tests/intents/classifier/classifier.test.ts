import { describe, expect, it } from 'vitest';
import { IntentClassifier } from '../../../intents/classifier';
import { TOY_OOS, TOY_TRAIN } from './toy';

const trained = IntentClassifier.train([...TOY_TRAIN, ...TOY_OOS], { seed: 7 });

describe('IntentClassifier', () => {
  it('learns a toy problem, including utterances it has not seen', () => {
    expect(trained.classify('there is a massive pothole in the road').intent).toBe('report_pothole');
    expect(trained.classify('When is bin day?').intent).toBe('bin_collection_day');
    expect(trained.classify('I want to pay my Council Tax').intent).toBe('council_tax');
    expect(trained.classify('the street light near me is broken').intent).toBe('report_streetlight');
    expect(trained.classify('Hello!').intent).toBe('greeting');
  });

  it('ranks in-scope intents only, best first, with probabilities in [0,1]', () => {
    const r = trained.classify('pothole');
    expect(r.ranking.length).toBe(5);
    expect(r.ranking[0].intent).toBe('report_pothole');
    expect(r.ranking.map((s) => s.intent)).not.toContain('none');
    for (let i = 1; i < r.ranking.length; i++) expect(r.ranking[i - 1].score).toBeGreaterThanOrEqual(r.ranking[i].score);
    for (const s of r.ranking) {
      expect(s.score).toBeGreaterThanOrEqual(0);
      expect(s.score).toBeLessThanOrEqual(1);
    }
    expect(r.score).toBeGreaterThan(trained.threshold);
    expect(r.score).toBe(r.ranking[0].score);
  });

  it('calls gibberish out of scope, with a threshold in (0,1)', () => {
    expect(trained.threshold).toBeGreaterThan(0);
    expect(trained.threshold).toBeLessThan(1);
    for (const text of ['qzxv kjhw plmn', 'zzzzzzzz', 'xq']) {
      const r = trained.classify(text);
      expect(r.intent, text).toBe('none');
      expect(r.score).toBeLessThan(trained.threshold);
    }
  });

  it('uses the out-of-scope label it is given', () => {
    const c = IntentClassifier.train(TOY_TRAIN.concat(TOY_OOS.map((e) => ({ ...e, intent: 'oos' }))), { outOfScopeLabel: 'oos' });
    expect(c.classify('qzxv kjhw plmn').intent).toBe('oos');
    expect(c.classify('report a pothole please').ranking.map((s) => s.intent)).not.toContain('oos');
  });

  it('learns the out-of-scope examples as a class of their own', () => {
    expect(trained.classify('what will the weather be like tomorrow').intent).toBe('none');
    expect(trained.classify('tell me a funny joke').intent).toBe('none');
    const thresholdOnly = IntentClassifier.train([...TOY_TRAIN, ...TOY_OOS], { seed: 7, oosAsClass: false });
    expect(thresholdOnly.classify('report a pothole').ranking.map((s) => s.intent)).not.toContain('none');
  });

  it('trains the final model on the validation set too, unless told not to', () => {
    const validation = [{ text: 'grass verge needs cutting', intent: 'report_pothole' }, ...TOY_OOS];
    const withVal = IntentClassifier.train(TOY_TRAIN, { validation });
    const without = IntentClassifier.train(TOY_TRAIN, { validation, trainOnValidation: false });
    expect(withVal.classify('grass verge needs cutting').ranking[0].intent).toBe('report_pothole');
    expect(without.classify('grass verge needs cutting').ranking[0].intent).not.toBe('report_pothole');
  });

  it('chooses a threshold even with no out-of-scope examples', () => {
    const c = IntentClassifier.train(TOY_TRAIN);
    expect(c.classify('qzxv kjhw plmn').intent).toBe('none');
    expect(c.classify('report a pothole').intent).toBe('report_pothole');
  });

  it('uses a validation set for the threshold when given', () => {
    const c = IntentClassifier.train(TOY_TRAIN, {
      validation: [{ text: 'pothole outside my house', intent: 'report_pothole' }, ...TOY_OOS],
    });
    expect(c.threshold).toBeGreaterThan(0);
    expect(c.classify('report a pothole').intent).toBe('report_pothole');
  });

  it('is deterministic: the same seed gives identical JSON', () => {
    const again = IntentClassifier.train([...TOY_TRAIN, ...TOY_OOS], { seed: 7 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(trained));
  });

  it('never throws on awkward input', () => {
    const inputs = [
      '',
      ' ',
      '?!?!...',
      '🙂🙂🙂',
      '🗑️ bin day?',
      'x'.repeat(10_000),
      'word '.repeat(2_000),
      'what can you do',
      'Привет, когда вывоз мусора?',
      '垃圾什么时候收集',
      'café naïve résumé',
      'bin\u0000day',
      '\ud800',
      '١٢٣ 123',
      undefined as unknown as string,
      null as unknown as string,
      42 as unknown as string,
    ];
    for (const text of inputs) {
      const r = trained.classify(text);
      expect(typeof r.intent).toBe('string');
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(1);
      expect(Array.isArray(r.ranking)).toBe(true);
    }
    expect(trained.classify('').intent).toBe('none');
    expect(trained.classify('🙂🙂🙂').intent).toBe('none');
  });

  it('classifies identically after a JSON round trip', () => {
    const copy = IntentClassifier.fromJSON(JSON.parse(JSON.stringify(trained)));
    expect(copy.threshold).toBe(trained.threshold);
    for (const text of [...TOY_TRAIN, ...TOY_OOS].map((e) => e.text).concat(['pothole near the bin', 'what can you do', ''])) {
      expect(copy.classify(text)).toEqual(trained.classify(text));
    }
  });

  it('refuses JSON that is not a model', () => {
    expect(() => IntentClassifier.fromJSON({ format: 'something else' })).toThrow();
    expect(() => IntentClassifier.fromJSON(null)).toThrow();
  });

  it('refuses to train without in-scope examples', () => {
    expect(() => IntentClassifier.train(TOY_OOS)).toThrow();
  });
});
