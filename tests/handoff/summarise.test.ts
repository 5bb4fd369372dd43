import { describe, expect, it } from 'vitest';
import { summarise } from '../../bot/handoff/handoffStarter';
import { reasonLabel, type HandoffContext } from '../../bot/handoff/types';

const context = (reason: HandoffContext['reason'], lines: Array<[string, string?]>): HandoffContext => ({
  reason,
  priority: reason === 'safeguarding' ? 1 : 3,
  language: 'en-GB',
  captured: {},
  transcript: lines.map(([text, intent]) => ({ from: 'resident', text, at: '2026-11-27T08:00:00Z', intent })),
});

describe('summarise (the one line the contact centre sees in its queue)', () => {
  it('quotes the words that raised a safeguarding concern, not the "yes" that followed', () => {
    expect(summarise(context('safeguarding', [['my bin was not collected', 'report_missed_bin'], ['my partner hits me', 'safeguarding'], ['yes', 'none']]))).toBe('Safeguarding concern: "my partner hits me"');
  });

  it('names the risk category, and quotes the line that raised it whatever the recognizer made of it', () => {
    const c = context('safeguarding', [['theres smoke coming up the stairwell', 'none'], ['yes', 'none']]);
    c.transcript[0]!.risk = 'immediate_danger';
    c.risk = { category: 'immediate_danger', label: 'Immediate danger to life' };
    expect(summarise(c)).toBe('Safeguarding concern (Immediate danger to life): "theres smoke coming up the stairwell"');
    expect(reasonLabel(c)).toBe('Safeguarding concern (Immediate danger to life)');
    expect(reasonLabel({ reason: 'resident_asked', risk: c.risk })).toBe('Asked for a person');
  });

  it('passes over bare answers and requests for a person', () => {
    expect(summarise(context('resident_asked', [['rats in my garden', 'none'], ['Talk to a person', 'human_handoff'], ['ok', 'none']]))).toMatch(/"rats in my garden"$/);
  });
});
