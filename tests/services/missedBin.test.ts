import { describe, expect, it } from 'vitest';
import { Conversation, startBot, useBotAndChannel } from './harness';

// Tuesday 24 November 2026, 18:00 UK time: one working day after AT1 1AA's Monday collection (round MON-A).
const NOW = new Date('2026-11-24T18:00:00Z');
const live = useBotAndChannel(() => NOW);

/** Starts a missed-bin report at an address in AT1 1AA, up to the question of which day it was due. */
async function untilTheDateQuestion(c: Conversation, address: string, bin: string): Promise<void> {
  await c.say('Report a missed bin');
  await c.say('AT1 1AA');
  await c.say(address);
  expect((await c.say(bin)).all).toMatch(/Which day should it have been collected/);
}

describe('missed bin, end to end against the built-in back office', () => {
  it('takes a report, gives a local reference, delivers it and tells the resident the official one', async () => {
    const c = new Conversation(live.bot, 'conv-missed-1', live.channel.url);
    let r = await c.say('Report a missed bin');
    expect(r.all).toMatch(/Missed bin collection/);
    expect(r.all).toMatch(/postcode/i);
    r = await c.say('at11aa');
    expect(r.choices).toContain('1 High Street');
    expect(r.choices).toContain("My address isn't listed");
    r = await c.say('7 High Street');
    expect(r.all).toMatch(/Which bin was missed\?/);
    expect(r.choices).toEqual(['General waste (grey bin)', 'Recycling (blue bin)', 'Garden waste (green bin)', 'Food waste (caddy)']);
    r = await c.say('Food waste (caddy)');
    expect(r.all).toMatch(/Which day should it have been collected/);
    r = await c.say('next friday');
    expect(r.all).toMatch(/is in the future/);
    r = await c.say('Monday');
    expect(r.all).toMatch(/out by 7am/);
    r = await c.say('Yes');
    // Straight to the summary: details and contact details are invited there, not asked.
    expect(r.all).toMatch(/Here's what I'll send/);
    expect(r.all).toMatch(/email address or UK phone number/);
    r = await c.say('<b>Left</b> at the kerb <script>alert(1)</script>');
    expect(r.all).toMatch(/added that to the details/);
    r = await c.say('resident@example.com');
    expect(r.all).toMatch(/added your contact details/);
    // The name is optional: not asked, the summary invites it, and a name typed there is taken.
    expect(r.all).not.toMatch(/What's your name/);
    expect(r.all).toMatch(/Here's what I'll send[\s\S]*your name too/);
    r = await c.say('Sam Smith');
    expect(r.all).toMatch(/resident@example.com, Sam Smith/);
    expect(r.all).toMatch(/Here's what I'll send/);
    expect(r.all).toMatch(/Food waste \(caddy\)/);
    expect(r.all).toMatch(/Monday 23 November/);
    expect(r.all).toMatch(/7 High Street, Anytown, AT1 1AA/);
    expect(r.all).toContain('<script>alert(1)</script>');
    expect(r.choices).toEqual(['Send it', 'Change something', 'Cancel']);
    r = await c.say('Change something');
    expect(r.choices).toContain('Which bin was missed?');
    r = await c.say('Which bin was missed?');
    r = await c.say('General waste (grey bin)');
    expect(r.all).toMatch(/Here's what I'll send/);
    expect(r.all).toMatch(/General waste \(grey bin\)/);
    r = await c.say('Send it');
    const ref = /Your reference is (AT-\d{8})/.exec(r.all)?.[1];
    expect(ref).toBeTruthy();

    const told = await Conversation.until(
      () => live.channel.received.find((m) => m.conversationId === 'conv-missed-1' && m.text.includes(ref!)),
      'the proactive message',
    );
    const official = /official reference is (SR-\d+)/.exec(told.text)?.[1];
    expect(official).toBeTruthy();
    const stored = await live.bot.app.database.db
      .selectFrom('open311_requests')
      .selectAll()
      .where('service_request_id', '=', official!)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(stored.attributes)).toEqual({ container: 'general', collection_date: '2026-11-23', bin_out_by_7am: 'yes' });
    expect(stored).toMatchObject({ client_reference: ref, email: 'resident@example.com', first_name: 'Sam', last_name: 'Smith', address_id: '100070000009' });
    expect(stored.description).toBe('<b>Left</b> at the kerb <script>alert(1)</script>');

    r = await c.say(`what's happening with ${ref}`);
    r = r.all.includes(official!) ? r : await c.say(ref!);
    expect(r.all).toContain(official!);
    expect(r.all).toMatch(/received it/);
    // The reference alone, as residents paste or type it.
    for (const typed of [ref!, ref!.replace('-', '').toLowerCase(), ref!.replace('-', ' ')]) {
      r = await c.say(typed);
      expect(r.all, typed).toContain(official!);
    }
  });

  it('does not take a report when the crew recorded a reason, and says what to do', async () => {
    const c = new Conversation(live.bot, 'conv-missed-2', live.channel.url);
    await untilTheDateQuestion(c, '2 High Street', 'General waste (grey bin)');
    const r = await c.say('Monday');
    expect(r.all).toMatch(/wasn't out for collection on Monday 23 November/);
    expect(r.all).toMatch(/I haven't made a report/);
  });

  it('refuses when it is too late, and says why', async () => {
    const late = await startBot({}, () => new Date('2026-12-03T12:00:00Z'));
    try {
      const c = new Conversation(late, 'conv-missed-3', live.channel.url);
      await untilTheDateQuestion(c, '1 High Street', 'Food waste (caddy)');
      const r = await c.say('23/11/2026');
      expect(r.all).toMatch(/within 2 working days/);
      expect(r.all).toMatch(/too late/);
    } finally {
      await late.close();
    }
  });

  it('takes the house number given with the postcode, instead of asking which address', async () => {
    const c = new Conversation(live.bot, 'conv-missed-number-and-postcode', live.channel.url);
    expect((await c.say('Report a missed bin')).all).toMatch(/postcode/i);
    const r = await c.say('7 High Street, AT1 1AA');
    expect(r.all).not.toMatch(/Which address/);
    expect(r.all).toMatch(/Which bin was missed\?/);
  });

  it('takes no report for a bin that was not out by 7am, and says why', async () => {
    const c = new Conversation(live.bot, 'conv-missed-not-out', live.channel.url);
    await untilTheDateQuestion(c, '1 High Street', 'Food waste (caddy)');
    expect((await c.say('Monday')).all).toMatch(/out by 7am/);
    const r = await c.say('No');
    expect(r.all).toMatch(/only empty bins that are out by 7am[\s\S]*I haven't made a report/);
    const filed = await live.bot.app.database.db.selectFrom('service_outbox').select('conversation_reference').execute();
    expect(filed.filter((row) => row.conversation_reference?.includes('conv-missed-not-out'))).toEqual([]);
  });

  it('reads a weekday answered on its own as the one just gone, not the coming one', async () => {
    const c = new Conversation(live.bot, 'conv-missed-weekday', live.channel.url);
    await untilTheDateQuestion(c, '1 High Street', 'Food waste (caddy)');
    // Said on Tuesday 24 November: Thursday 19 November, whose last collection was Monday 16th.
    const r = await c.say('thursday');
    expect(r.all).not.toMatch(/in the future/);
    expect(r.all).toMatch(/was due on Monday 16 November/);
  });

  it('takes a report for a day within the window that the schedule did not have, as the resident said it', async () => {
    // Thursday 26 November, evening: the round is Monday's (three working days ago), but rounds
    // move; a miss said to be today is taken, and the crew's records decide.
    const later = await startBot({}, () => new Date('2026-11-26T18:00:00Z'));
    try {
      const c = new Conversation(later, 'conv-missed-moved-round', live.channel.url);
      await untilTheDateQuestion(c, '1 High Street', 'Food waste (caddy)');
      const r = await c.say('today');
      expect(r.all).not.toMatch(/too late|was due on/);
      expect(r.all).toMatch(/out by 7am/);
      // Monday itself is still too late.
      const c2 = new Conversation(later, 'conv-missed-moved-round-2', live.channel.url);
      await untilTheDateQuestion(c2, '1 High Street', 'Food waste (caddy)');
      expect((await c2.say('Monday')).all).toMatch(/too late/);
    } finally {
      await later.close();
    }
  });

  it('refuses when it is too early on the collection day', async () => {
    const early = await startBot({}, () => new Date('2026-11-30T10:00:00Z'));
    try {
      const c = new Conversation(early, 'conv-missed-4', live.channel.url);
      await untilTheDateQuestion(c, '1 High Street', 'Food waste (caddy)');
      const r = await c.say('today');
      expect(r.all).toMatch(/crews work until 17:00/);
    } finally {
      await early.close();
    }
  });

  it('uses what the first message already said (entities) and asks only for the rest', async () => {
    const c = new Conversation(live.bot, 'conv-missed-entities', live.channel.url);
    const r = await c.say("my grey bin at 7 high street at1 1aa wasn't collected");
    expect(r.all).toMatch(/Missed bin collection/);
    expect(r.all).not.toMatch(/postcode/i);
    expect(r.all).not.toMatch(/Which bin was missed/);
    expect(r.all).toMatch(/Which day should it have been collected/);
  });

  it('handles bad postcodes and a postcode outside the area', async () => {
    const c = new Conversation(live.bot, 'conv-missed-5', live.channel.url);
    await c.say('Report a missed bin');
    expect((await c.say('ZZ1')).all).toMatch(/doesn't look like a full UK postcode/);
    expect((await c.say('SW1A1AAA')).all).toMatch(/doesn't look like a full UK postcode/);
    const outside = await c.say('SW1A 1AA');
    expect(outside.all).toMatch(/isn't in Anytown Borough Council's area/);
    expect(outside.all).toMatch(/find-local-council/);
    const ok = await c.say('AT1 1AA');
    expect(ok.choices).toContain('Flat 1, 3 High Street');
    const cancelled = await c.say('Cancel');
    expect(cancelled.all).toMatch(/Nothing has been sent/);
  });
});
