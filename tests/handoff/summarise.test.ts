import { describe, expect, it } from 'vitest';
import { caseDraft } from '../../handoff/caseDraft';
import { brief, summarise } from '../../handoff/handoffStarter';
import { reasonLabel, type HandoffContext } from '../../dialogs/handoffTypes';
import { MessageTexts } from '../../knowledge/messageFile';
import { CONSOLE_MESSAGES, type ConsoleTexts } from '../../knowledge/messageFiles';
import { shippedConsoleWords, shippedCouncil, shippedVocabulary } from '../support/shippedWords';

const vocabulary = shippedVocabulary();
const staff = shippedConsoleWords();

const context = (reason: HandoffContext['reason'], lines: Array<[string, string?]>): HandoffContext => ({
  reason,
  priority: reason === 'safeguarding' ? 1 : 3,
  language: 'en-GB',
  captured: {},
  transcript: lines.map(([text, intent]) => ({ from: 'resident', text, at: '2026-11-27T08:00:00Z', intent })),
});

describe('summarise (the one line the contact centre sees in its queue)', () => {
  it('quotes the words that raised a safeguarding concern, not the "yes" that followed', () => {
    expect(
      summarise(
        context('safeguarding', [
          ['my bin was not collected', 'report_missed_bin'],
          ['my partner hits me', 'safeguarding'],
          ['yes', 'none'],
        ]),
        vocabulary,
        staff,
      ),
    ).toBe('Safeguarding concern: "my partner hits me"');
  });

  it('names the risk category, and quotes the line that raised it whatever the recognizer made of it', () => {
    const c = context('safeguarding', [
      ['theres smoke coming up the stairwell', 'none'],
      ['yes', 'none'],
    ]);
    c.transcript[0].risk = 'immediate_danger';
    c.risk = { category: 'immediate_danger', label: 'Immediate danger to life' };
    expect(summarise(c, vocabulary, staff)).toBe('Safeguarding concern (Immediate danger to life): "theres smoke coming up the stairwell"');
    expect(reasonLabel(c, staff)).toBe('Safeguarding concern (Immediate danger to life)');
    expect(reasonLabel({ reason: 'resident_asked', risk: c.risk }, staff)).toBe('Asked for a person');
  });

  it("takes the reasons' labels from the council's console.yaml, not from the code", () => {
    const own: ConsoleTexts = new MessageTexts<typeof CONSOLE_MESSAGES.spec>(
      { ...CONSOLE_MESSAGES.shipped(), reason_safeguarding: 'Risk', reason_with_risk: '{risk} – {reason}' },
      shippedCouncil(),
    );
    const c = context('safeguarding', [['my partner hits me', 'safeguarding']]);
    c.risk = { category: 'domestic_abuse' };
    expect(reasonLabel(c, own)).toBe('domestic abuse – Risk');
    expect(summarise(c, vocabulary, own)).toBe('domestic abuse – Risk: "my partner hits me"');
  });

  it('passes over bare answers and requests for a person', () => {
    expect(
      summarise(
        context('resident_asked', [
          ['rats in my garden', 'none'],
          ['Talk to a person', 'human_handoff'],
          ['ok', 'none'],
        ]),
        vocabulary,
        staff,
      ),
    ).toMatch(/"rats in my garden"$/);
  });
});

describe('the concern and the one line, with a request in progress', () => {
  const pothole = (lines: Array<[string, string?]>, reason: HandoffContext['reason'] = 'resident_asked'): HandoffContext => {
    const c = context(reason, lines);
    c.brief = brief(c, vocabulary, staff, {
      serviceCode: 'pothole',
      serviceName: 'Pothole or road defect',
      status: 'in_progress',
      openedWith: 'Report a pothole',
      fields: [{ code: 'depth_cm', label: 'About how deep is it, in centimetres?', answer: '10', value: '10' }],
      openQuestion: 'Is it an immediate danger to people or vehicles?',
    });
    return c;
  };

  it('quotes the message that asked for a person, never the answer before it', () => {
    const c = pothole([
      ['Report a pothole', 'report_pothole'],
      ['30', 'none'],
      ['10', 'none'],
      ['can I speak to someone', 'human_handoff'],
    ]);
    expect(c.brief!.concern).toEqual({ label: 'Asked for a person', words: 'can I speak to someone' });
    expect(summarise(c, vocabulary, staff)).toBe('Asked for a person: "can I speak to someone" (Pothole or road defect, not finished)');
  });

  it('after the button, quotes the message that started the request, not an answer', () => {
    const c = pothole([
      ['Report a pothole', 'report_pothole'],
      ['10', 'none'],
      ['Talk to a person', 'human_handoff'],
    ]);
    expect(c.brief!.concern.words).toBeUndefined();
    expect(summarise(c, vocabulary, staff)).toBe('Asked for a person: "Report a pothole" (Pothole or road defect, not finished)');
  });

  it('keeps the last messages, the asking one last', () => {
    const c = pothole([['a'], ['b'], ['c'], ['d'], ['e'], ['f'], ['g'], ['can I speak to someone', 'human_handoff']]);
    expect(c.brief!.lastMessages.map((t) => t.text)).toEqual(['c', 'd', 'e', 'f', 'g', 'can I speak to someone']);
  });
});

describe('caseDraft (what "Create case" is filled in with)', () => {
  it('without a request, a postcode the recognizer read is not the location; an address a dialog captured is', () => {
    const c = context('resident_asked', [
      ['my bin at ZZ9 9ZZ', 'none'],
      ['can I speak to someone', 'human_handoff'],
    ]);
    c.captured = { postcode: 'ZZ9 9ZZ', email: 'sam@example.com' };
    c.brief = brief(c, vocabulary, staff);
    expect(caseDraft('s', c, staff)).toMatchObject({ service: '', location: '', contact: 'sam@example.com', description: 'can I speak to someone' });
    c.captured.address = '12 Mill Lane, AT1 1AA';
    expect(caseDraft('s', c, staff).location).toBe('12 Mill Lane, AT1 1AA');
  });

  it('with a request, a postcode still to be chosen from is said to be one', () => {
    const c = context('resident_asked', [['Talk to a person', 'human_handoff']]);
    c.brief = brief(c, vocabulary, staff, {
      serviceCode: 'missed_bin',
      serviceName: 'Missed bin collection',
      status: 'in_progress',
      fields: [],
      location: { kind: 'postcode', text: 'AT1 1AA', postcode: 'AT1 1AA' },
    });
    expect(caseDraft('s', c, staff)).toMatchObject({
      service: 'Missed bin collection',
      serviceCode: 'missed_bin',
      location: 'AT1 1AA (address not chosen yet)',
      answers: '',
    });
    expect(caseDraft('s', c, staff).uprn).toBeUndefined();
  });
});
