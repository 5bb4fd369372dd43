import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Handoff, HandoffBrief } from '../../dialogs/handoffTypes';
import { eventually, newConversationId, PASSWORD, residentSays, signIn, startApp, type Harness, type StaffClient } from './support/harness';

/**
 * What the contact centre gets when a resident is handed over in the middle of (or just after) a
 * service request: the service, each answer as the assistant understood it, the place as resolved,
 * the message that asked for a person, the last messages, and "Create case" filled in from them.
 */
describe('the handoff carries the request so far, and "Create case" is filled in from it', () => {
  let h: Harness;
  let sam: StaffClient;
  beforeAll(async () => {
    h = await startApp();
    await h.app.handoff.staff.addAccount('sam', 'Sam', PASSWORD);
    sam = await signIn(h.url, 'sam');
  });
  afterAll(async () => h?.close());

  async function talk(conv: string, lines: string[]): Promise<void> {
    for (const text of lines) expect(await residentSays(h.url, h.channel.url, conv, text)).toBe(200);
  }
  const queued = (conv: string) => eventually(() => h.app.handoff.store.openFor(conv));
  const briefOf = (handoff: Handoff) => handoff.context.brief as HandoffBrief;

  it('a pothole report\'s answers, then "can I speak to someone": service, answers, address and the asking message', async () => {
    const conv = newConversationId();
    await talk(conv, ['Report a pothole', 'outside 4 Market Place, AT1 2BD', 'In the road', '30', '10', 'No']);
    await h.channel.waitFor((a) => a.conversation?.id === conv && /Service: Pothole or road defect/.test(a.text ?? ''));
    await talk(conv, ['can I speak to someone']);

    const handoff = await queued(conv);
    // The message that asked for a person, never an answer to another question ("10").
    expect(handoff.summary).toBe('Asked for a person: "can I speak to someone" (Pothole or road defect, not finished)');
    const brief = briefOf(handoff);
    expect(brief.concern).toEqual({ label: 'Asked for a person', words: 'can I speak to someone' });
    const request = brief.request!;
    expect(request).toMatchObject({ serviceCode: 'pothole', serviceName: 'Pothole or road defect', status: 'in_progress' });
    expect(request.fields.map((f) => [f.code, f.answer, f.value])).toEqual([
      ['surface', 'In the road', 'road'],
      ['width_cm', '30', '30'],
      ['depth_cm', '10', '10'],
      ['danger', 'No', 'no'],
    ]);
    expect(request.fields[0].label).toBe('Is it in the road, on the pavement or in a cycle lane?');
    expect(request.location).toMatchObject({ kind: 'address', postcode: 'AT1 2BD' });
    expect(request.location!.text).toMatch(/^4 Market Place/);
    const uprn = (request.location as { uprn: string }).uprn;
    expect(uprn).toMatch(/^\d+$/);
    // The last messages, ending with the one that asked.
    expect(brief.lastMessages.length).toBe(6);
    expect(brief.lastMessages.at(-1)).toMatchObject({ from: 'resident', text: 'can I speak to someone' });

    // The same travels in handoff.initiate, for an external contact centre.
    const initiate = await h.channel.waitFor((a) => a.conversation?.id === conv && a.name === 'handoff.initiate');
    expect((initiate.value as { brief: HandoffBrief }).brief.request?.fields.length).toBe(4);

    // The console: accepted, "Create case" is filled in from the request; the agent checks it and sends it.
    expect((await sam.api('POST', `/agent/api/conversations/${handoff.id}/accept`)).status).toBe(200);
    const detail = await sam.api('GET', `/agent/api/conversations/${handoff.id}`);
    const draft = detail.body.caseDraft;
    expect(draft).toMatchObject({
      summary: handoff.summary,
      service: 'Pothole or road defect',
      serviceCode: 'pothole',
      location: request.location!.text,
      uprn,
      description: '',
    });
    expect(draft.answers.split('\n')).toEqual([
      'Is it in the road, on the pavement or in a cycle lane? In the road',
      'About how wide is it, in centimetres? 30',
      'About how deep is it, in centimetres? 10',
      'Is it an immediate danger to people or vehicles? No',
    ]);
    const created = await sam.api('POST', '/agent/api/cases', { handoffId: handoff.id, fields: draft });
    expect(created.status).toBe(201);
    const row = await h.app.database.db.selectFrom('staff_case').selectAll().where('reference', '=', created.body.reference).executeTakeFirstOrThrow();
    expect(JSON.parse(row.fields)).toMatchObject({ service: 'Pothole or road defect', serviceCode: 'pothole', uprn, location: request.location!.text });
    await sam.api('POST', `/agent/api/conversations/${handoff.id}/end`);
  });

  it('a postcode the assistant refused is not the location, nor kept as captured; two misses then the offered button: not understood', async () => {
    const conv = newConversationId();
    await talk(conv, ["There's a pothole on the pavement, 40cm wide and 5cm deep, and it's dangerous", 'ZZ9 9ZZ', 'ZZ9 9ZZ']);
    // The second answer the question could not use: a person is offered.
    await h.channel.waitFor((a) => a.conversation?.id === conv && (a.suggestedActions?.actions ?? []).some((x) => x.title === 'Talk to a person'));
    await talk(conv, ['Talk to a person']);

    const handoff = await queued(conv);
    const brief = briefOf(handoff);
    expect(handoff.reason).toBe('not_understood');
    expect(brief.concern).toEqual({ label: 'Assistant did not understand (twice)', words: 'ZZ9 9ZZ' });
    expect(handoff.summary).toBe('Assistant did not understand (twice): "ZZ9 9ZZ" (Pothole or road defect, not finished)');
    expect(brief.request!.location).toBeUndefined();
    expect(brief.request!.openQuestion).toMatch(/^Where it is/);
    expect(brief.request!.misses).toBe(2);
    expect(brief.request!.fields.map((f) => f.value)).toEqual(['pavement', '40', '5', 'yes']);
    expect(handoff.context.captured.postcode).toBeUndefined();

    const detail = await sam.api('GET', `/agent/api/conversations/${handoff.id}`);
    expect(detail.body.caseDraft).toMatchObject({ service: 'Pothole or road defect', location: '' });
    expect(detail.body.caseDraft.uprn).toBeUndefined();
    // (quoted in the summary as what was not understood; nowhere else)
    const { summary: _summary, ...rest } = detail.body.caseDraft;
    expect(JSON.stringify(rest)).not.toContain('ZZ9');
    await talk(conv, ['Stop waiting']);
  });

  it('a safeguarding concern raised mid-report, then "yes" to a person: the category and the words that raised it, with the answers so far', async () => {
    const conv = newConversationId();
    await talk(conv, ['Report a pothole', 'outside the library on Station Road', 'In a cycle lane', '50', 'my partner hits me and I am scared to go home']);
    await h.channel.waitFor((a) => a.conversation?.id === conv && /call \[999\]\(tel:999\)/.test(a.text ?? ''));
    await talk(conv, ['yes']);

    const handoff = await queued(conv);
    expect(handoff.priority).toBe(1);
    expect(handoff.summary).toBe(
      'Safeguarding concern (Domestic abuse): "my partner hits me and I am scared to go home" (Pothole or road defect, not finished)',
    );
    const brief = briefOf(handoff);
    expect(brief.concern).toEqual({ label: 'Safeguarding concern (Domestic abuse)', words: 'my partner hits me and I am scared to go home' });
    expect(brief.request!.fields.map((f) => f.answer)).toEqual(['In a cycle lane', '50']);
    expect(brief.request!.openQuestion).toBe('About how deep is it, in centimetres?');
    await talk(conv, ['Stop waiting']);
  });

  it('a person asked for at the first message: the asking message is the concern, and there is no request', async () => {
    const conv = newConversationId();
    await talk(conv, ['can I speak to someone']);
    const handoff = await queued(conv);
    expect(handoff.summary).toBe('Asked for a person: "can I speak to someone"');
    const brief = briefOf(handoff);
    expect(brief.request).toBeUndefined();
    expect(brief.lastMessages).toEqual([expect.objectContaining({ from: 'resident', text: 'can I speak to someone' })]);
    const detail = await sam.api('GET', `/agent/api/conversations/${handoff.id}`);
    expect(detail.body.caseDraft).toMatchObject({ service: '', answers: '', location: '', description: 'can I speak to someone' });
    await talk(conv, ['Stop waiting']);
  });

  it('right after a report is sent: the request as sent, with its reference', async () => {
    const conv = newConversationId();
    await talk(conv, ['Report a pothole', 'Outside the library on Station Road', 'In the road', '25', '4', 'No']);
    await h.channel.waitFor((a) => a.conversation?.id === conv && /Service: Pothole or road defect/.test(a.text ?? ''));
    await talk(conv, ['It is right by the bus stop', 'Send it']);
    const sent = await h.channel.waitFor((a) => a.conversation?.id === conv && /reference is AT-\d{8}/.test(a.text ?? ''));
    const reference = /reference is (AT-\d{8})/.exec(sent.text ?? '')![1];
    await talk(conv, ['can I speak to someone please']);

    const handoff = await queued(conv);
    expect(handoff.summary).toBe(`Asked for a person: "can I speak to someone please" (Pothole or road defect, sent as ${reference})`);
    const request = briefOf(handoff).request!;
    expect(request).toMatchObject({
      status: 'filed',
      reference,
      description: 'It is right by the bus stop',
      location: { kind: 'description', text: 'Outside the library on Station Road' },
    });
    expect(request.openQuestion).toBeUndefined();
    const detail = await sam.api('GET', `/agent/api/conversations/${handoff.id}`);
    expect(detail.body.caseDraft).toMatchObject({
      service: 'Pothole or road defect',
      location: 'Outside the library on Station Road',
      description: 'It is right by the bus stop',
      references: reference,
    });
    await talk(conv, ['Stop waiting']);
  });
});

/**
 * The request so far is written out against the app's clock (createApp's `now`), not the machine's:
 * on a clock in 2025 a missed collection "Monday" is Monday 24 November, that year, so no year is
 * written; read against the real clock (a later year) it would read "Monday 24 November 2025".
 */
describe('the request so far is dated by the injected clock', () => {
  // Tuesday 25 November 2025, 12:00 UK time: a year the real clock has left behind.
  const NOW = new Date('2025-11-25T12:00:00Z');
  let h: Harness;
  beforeAll(async () => {
    h = await startApp({}, undefined, () => NOW);
  });
  afterAll(async () => h?.close());

  it('a missed-bin report stopped for a person: its date as the resident\'s "today" sees it', async () => {
    const conv = newConversationId();
    for (const text of ['Report a missed bin', 'AT1 1AA', '7 High Street', 'Food waste (caddy)', 'Monday']) {
      expect(await residentSays(h.url, h.channel.url, conv, text)).toBe(200);
    }
    await h.channel.waitFor((a) => a.conversation?.id === conv && /out by 7am/.test(a.text ?? ''));
    expect(await residentSays(h.url, h.channel.url, conv, 'can I speak to someone')).toBe(200);

    const handoff = await eventually(() => h.app.handoff.store.openFor(conv));
    const request = (handoff.context.brief as HandoffBrief).request!;
    expect(request.fields.find((f) => f.code === 'collection_date')).toMatchObject({ value: '2025-11-24', answer: 'Monday 24 November' });
    await residentSays(h.url, h.channel.url, conv, 'Stop waiting');
  });
});
