import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContactCentreHours, describeHours, loadContactCentre } from '../../knowledge/contactCentre';
import { HandoffResponses } from '../../handoff/handoffResponses';
import { loadCouncilProfile } from '../../knowledge/councilProfile';
import { HOURS_MESSAGES } from '../../knowledge/messageFiles';
import { FIXTURES, ROOT, newConversationId, PASSWORD, residentSays, signIn, startApp, type Harness } from './support/harness';
import { shippedButtons } from '../support/shippedWords';

describe('contact-centre hours', () => {
  const settings = loadContactCentre(path.join(__dirname, '..', '..', 'knowledge', 'contact-centre.yaml'));
  const hours = new ContactCentreHours(settings);
  it('is open in the working day (London time), closed at night, at weekends and on bank holidays', () => {
    expect(hours.isOpen(new Date('2026-11-26T10:00:00Z'))).toBe(true); // Thursday 10:00 GMT
    expect(hours.isOpen(new Date('2026-11-26T17:30:00Z'))).toBe(false);
    expect(hours.isOpen(new Date('2026-11-28T10:00:00Z'))).toBe(false); // Saturday
    expect(hours.isOpen(new Date('2026-12-25T10:00:00Z'))).toBe(false); // Christmas Day, a Friday
    expect(hours.isOpen(new Date('2026-07-01T08:30:00Z'))).toBe(true); // 09:30 BST
    expect(hours.isOpen(new Date('2026-07-03T15:45:00Z'))).toBe(false); // Friday 16:45 BST, closes 16:30
  });
});

describe('out of hours: a callback request instead of a queue', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp({ CONTACT_CENTRE_CONFIG: path.join(FIXTURES, 'always-closed.yaml') });
    await h.app.handoff.staff.addAccount('sam', 'Sam', PASSWORD);
  });
  afterAll(async () => h?.close());

  /** A new conversation: what the resident says, and the assistant's latest line. */
  function resident() {
    const conv = newConversationId();
    return { conv, say: (t: string) => residentSays(h.url, h.channel.url, conv, t), last: () => h.channel.texts(conv).at(-1) ?? '' };
  }

  it('asks name, phone or email (re-asking on bad input), best time and what it is about, checks it with the resident, gives a reference; the console lists it', async () => {
    const { conv, say, last } = resident();
    await say('there are rats in my garden at 12 Mill Lane');
    await say('Talk to a person');
    expect(last()).toMatch(/contact centre is closed/);
    expect(h.channel.to(conv).some((a) => a.name === 'handoff.initiate')).toBe(false);
    await say('Ask for a call back');
    expect(last()).toMatch(/What name/);
    await say('Jo Bloggs');
    expect(last()).toMatch(/phone number or email/);
    await say('not a number');
    expect(last()).toMatch(/doesn't look like a UK phone number/);
    await say('07700 900123');
    expect(last()).toMatch(/best time/);
    await say('weekday mornings');
    expect(last()).toMatch(/what is it about/);
    await say('rats in the garden');
    expect(last()).toMatch(
      /check your call-back request[\s\S]*Jo Bloggs[\s\S]*07700 900123[\s\S]*weekday mornings[\s\S]*rats in the garden[\s\S]*Shall I send it/,
    );
    expect((await h.app.database.db.selectFrom('callback_request').selectAll().where('conversation_id', '=', conv).execute()).length).toBe(0);
    await say('maybe');
    expect(last()).toMatch(/Shall I send your call-back request/);
    await say('Send it');
    expect(last()).toMatch(/passed your request to the contact centre\. Your reference is CB-[0-9A-F]{8}\./);
    const reference = /CB-[0-9A-F]{8}/.exec(last())![0];

    const sam = await signIn(h.url, 'sam');
    const q = await sam.api('GET', '/agent/api/queue');
    expect(q.body.open).toBe(false);
    const cb = q.body.callbacks.find((c: { name: string }) => c.name === 'Jo Bloggs');
    expect(cb).toMatchObject({ reference, contact: '07700 900123', bestTime: 'weekday mornings', about: 'rats in the garden' });
    expect(cb.context.transcript.some((t: { text: string }) => t.text.includes('rats in my garden'))).toBe(true);
    expect((await sam.api('POST', `/agent/api/callbacks/${cb.id}/done`)).status).toBe(200);
    expect((await sam.api('POST', `/agent/api/callbacks/${cb.id}/done`)).status).toBe(409);
    expect((await sam.api('GET', '/agent/api/queue')).body.callbacks.some((c: { id: string }) => c.id === cb.id)).toBe(false);
  });

  it('after a safeguarding concern: the urgent numbers again, a call back only if safe, and a risk told during the request is its answer, marked urgent', async () => {
    const { conv, say, last } = resident();
    await say('my partner hits me');
    await say('Talk to a person');
    expect(last()).toMatch(/999[\s\S]*116 123[\s\S]*0808 2000 247[\s\S]*only choose this if it is safe/);
    await say('Ask for a call back');
    await say('Sara');
    await say('call me on 07700 900111');
    expect(last()).toMatch(/best time/);
    await say('any time');
    expect(last()).toMatch(/what is it about/);
    await say('he hits me');
    expect(last()).toMatch(/Shall I send it/);
    await say('yes');
    const replies = h.channel.texts(conv).slice(-3).join('\n');
    expect(replies).toMatch(/116 123[\s\S]*urgent/);
    expect(replies).toMatch(/passed your request to the contact centre/);
    const rows = await h.app.database.db.selectFrom('callback_request').selectAll().where('conversation_id', '=', conv).execute();
    expect(rows.map((r) => [r.about, r.contact, r.priority])).toEqual([['he hits me', '07700 900111', 1]]);
  });

  it('a concern raised while a call-back is taken makes it urgent; the offer waits for a yes or a no', async () => {
    const { conv, say, last } = resident();
    await say('talk to a person');
    await say('my husband beats me');
    expect(h.channel.texts(conv).slice(-2).join('\n')).toMatch(/116 123[\s\S]*urgent[\s\S]*contact centre is closed/);
    await say('yes');
    expect(last()).toMatch(/What name/);
    await say('Em');
    await say('my email is em@example.org');
    await say('evenings');
    await say('please call');
    await say('Send it');
    const rows = await h.app.database.db.selectFrom('callback_request').selectAll().where('conversation_id', '=', conv).execute();
    expect(rows.map((r) => [r.contact, r.priority])).toEqual([['em@example.org', 1]]);
    expect(JSON.parse(rows[0].context).reason).toBe('safeguarding');
  });

  it('a risk told at another question of a call-back request gets the helplines and that question again, and is not stored as its answer', async () => {
    const { conv, say, last } = resident();
    await say('talk to a person');
    await say('Ask for a call back');
    await say('Pat Jones');
    expect(last()).toMatch(/phone number or email/);
    await say('my neighbour is threatening to hurt me');
    expect(h.channel.texts(conv).slice(-2).join('\n')).toMatch(/116 123[\s\S]*urgent[\s\S]*phone number or email/);
    await say('07700 900111');
    expect(last()).toMatch(/best time/);
    await say("he's back and shouting, I'm scared");
    expect(h.channel.texts(conv).slice(-2).join('\n')).toMatch(/116 123[\s\S]*best time/);
    await say('mornings');
    await say('please ring me');
    await say('Send it');
    const rows = await h.app.database.db.selectFrom('callback_request').selectAll().where('conversation_id', '=', conv).execute();
    expect(rows.map((r) => [r.contact, r.best_time, r.about, r.priority])).toEqual([['07700 900111', 'mornings', 'please ring me', 1]]);
  });

  it('says so when declining a call back leaves a request that was stopped to hand over unsent', async () => {
    const { say, last } = resident();
    await say('there is a pothole on mill lane');
    await say('talk to a person');
    await say('No thanks');
    expect(last()).toMatch(/What we had started has not been sent/);
  });

  it('lets the resident decline, and "cancel" stops the callback request with nothing stored', async () => {
    const { conv, say } = resident();
    await say('Talk to a person');
    await say('No thanks');
    expect(h.channel.texts(conv).at(-1)).toMatch(/You can call us on/);
    await say('Talk to a person');
    await say('Ask for a call back');
    await say('cancel');
    expect(h.channel.texts(conv).at(-1)).toMatch(/stopped/);
    // Checked and not sent: nothing stored either.
    await say('Talk to a person');
    await say('Ask for a call back');
    await say('Al');
    await say('al@example.org');
    await say('Any time');
    await say('a noisy neighbour');
    await say("Don't send it");
    expect(h.channel.texts(conv).at(-1)).toMatch(/haven't sent it/);
    const rows = await h.app.database.db.selectFrom('callback_request').selectAll().where('conversation_id', '=', conv).execute();
    expect(rows).toHaveLength(0);
  });
});

describe('opening hours in words: one source for every reply', () => {
  it('describes the contact-centre file, runs of days grouped, and the council profile states them', () => {
    const settings = loadContactCentre(path.join(ROOT, 'knowledge', 'contact-centre.yaml'));
    expect(describeHours(settings)).toBe('Monday to Thursday, 9am to 5pm; Friday, 9am to 4:30pm; closed on bank holidays');
    expect(
      describeHours({ hours: { monday: '08:30-12:00', tuesday: '08:30-12:00', thursday: '13:15-20:00', saturday: '00:00-24:00' }, bankHolidays: [] }),
    ).toBe('Monday to Tuesday, 8:30am to 12 noon; Thursday, 1:15pm to 8pm; Saturday, 24 hours');
    expect(loadCouncilProfile(path.join(ROOT, 'knowledge', 'council.yaml')).openingHours).toBe(describeHours(settings));
    expect(new HandoffResponses(loadCouncilProfile(path.join(ROOT, 'knowledge', 'council.yaml')), shippedButtons()).closedOfferCallback().text).toContain(
      '(Monday to Thursday, 9am to 5pm; Friday, 9am to 4:30pm; closed on bank holidays)',
    );
  });

  it('in Welsh: the days as Welsh writes them, and the words of knowledge/messages/cy-GB/hours.yaml', () => {
    const settings = loadContactCentre(path.join(ROOT, 'knowledge', 'contact-centre.yaml'));
    const words = HOURS_MESSAGES.load(HOURS_MESSAGES.file(path.join(ROOT, 'knowledge', 'messages'), 'cy-GB'));
    const welsh = 'Dydd Llun – Dydd Iau, 9yb tan 5yh; Dydd Gwener, 9yb tan 4:30yh; ar gau ar wyliau banc';
    expect(describeHours(settings, words, 'cy-GB')).toBe(welsh);
    expect(
      describeHours(
        {
          hours: {
            monday: '00:00-24:00',
            tuesday: '00:00-24:00',
            wednesday: '00:00-24:00',
            thursday: '00:00-24:00',
            friday: '00:00-24:00',
            saturday: '00:00-24:00',
            sunday: '00:00-24:00',
          },
          bankHolidays: [],
        },
        words,
        'cy-GB',
      ),
    ).toBe('Bob dydd, 24 awr');
    expect(describeHours({ hours: { sunday: '12:00-24:00' }, bankHolidays: [] }, words, 'cy-GB')).toBe('Dydd Sul, hanner dydd tan hanner nos');
    // The Welsh assistant's council profile, and so every Welsh reply that states the hours.
    expect(loadCouncilProfile(path.join(ROOT, 'knowledge', 'council.yaml'), undefined, 'cy-GB').openingHours).toBe(welsh);
  });
});
