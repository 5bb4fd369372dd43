import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Router } from '../../dialogs/router';
import { NONE_INTENT } from '../../intents/recognizer';
import { SafeguardingDetector } from '../../intents/safeguardingDetector';
import { loadSafeguardingRules } from '../../intents/safeguardingRules';
import { shippedButtons, shippedVocabulary } from '../support/shippedWords';
import { recognized } from '../support/recognized';

const ROOT = path.resolve(__dirname, '..', '..');
const router = new Router(
  new SafeguardingDetector(loadSafeguardingRules(path.join(ROOT, 'intents', 'safeguarding-rules.yaml'))),
  shippedButtons(),
  shippedVocabulary(),
);

/** What the classifier might say of a message: one intent, sure of it. */

describe('Router.interruption (a message while a dialog waits for an answer)', () => {
  it.each([
    'jane.doe@example.com',
    'sam@example.org ',
    '07700 900123',
    '+44 7700 900123',
    '(01632) 960 001',
    'call me on 07700 900123',
    'email me at help@example.com',
  ])('takes "%s" as the answer, even when the classifier hears help in it', (text) => {
    expect(router.interruption(text, recognized(text, 'help'))).toBeUndefined();
  });

  it('still lets a clear request for help interrupt', () => {
    expect(router.interruption('what can you do', recognized('what can you do', 'help'))).toMatchObject({ kind: 'intent', intent: 'help' });
    expect(router.interruption('i need help with this', recognized('i need help with this', 'help'))).toMatchObject({ kind: 'intent', intent: 'help' });
  });

  it('puts safeguarding first, even in a message that holds a phone number', () => {
    const text = 'my partner hit me, call me on 07700 900123';
    expect(router.interruption(text, recognized(text, NONE_INTENT, 0.1))).toMatchObject({ kind: 'safeguarding' });
  });
});

describe('Router.route (a fresh message)', () => {
  it.each(['AT-30270195', 'at10526874', 'SR-100002', 'sr100002', '# AT 30270195', 'AT-43160339 please', 'AT–43160339', 'ref AT-43160339'])(
    'takes "%s", a reference on its own, as asking about that case',
    (text) => {
      expect(router.route(text, recognized(text, NONE_INTENT, 0.01))).toEqual({ kind: 'intent', intent: 'check_case_status', score: 1 });
    },
  );

  it.each(['AT1 1AA', 'AB123456C', 'pothole 12345'])('does not take "%s" for a reference', (text) => {
    expect(router.route(text, recognized(text, NONE_INTENT, 0.01))).not.toMatchObject({ intent: 'check_case_status' });
  });
});
