import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationKey, InsightEventStore, type InsightEvent } from '../../insights/insightEventStore';
import { insightWindow, loadInsights } from '../../insights/loadInsights';
import { buildInsightsReport, outcomeOf, periodOf } from '../../insights/insightsReport';
import { channelOf, eventsOf } from '../../insights/outcomeRecorder';
import { openDataCsv, openDataMonths } from '../../insights/openData';
import { loadCouncilProfile } from '../../knowledge/councilProfile';
import { MessageTexts } from '../../knowledge/messageFile';
import { INSIGHTS_MESSAGES } from '../../knowledge/messageFiles';
import { AppDatabase } from '../../platform/storage/database';
import { ROOT } from '../support/assistant';
import { messageActivity, postExpectReplies, startTestApp, type RunningApp } from '../support/http';
import path from 'node:path';

const council = loadCouncilProfile(path.join(ROOT, 'knowledge', 'council.yaml'));

/** Scripted conversations, each with the outcome it must count as (docs/insights.md). */
const SCRIPTS: Record<string, string[]> = {
  helpful: ['how do I pay my council tax', 'yes'],
  unhelpful: ['how do I pay my council tax', 'no'],
  answered_no_feedback: ['how do I pay my council tax'],
  filed: ['pothole in the cycle lane, about 30cm wide and 5 deep, not dangerous', 'outside the library on Station Road', 'yep go ahead'],
  safeguarding: ['I want to kill myself tonight'],
  abandoned: ['my bin was not collected'],
  out_of_scope: ["what's the weather tomorrow in anytown"],
  other: ['hello'],
};
const EACH = 30;

describe('insight events from traces', () => {
  it('reads each trace the assistant sends as the event it stands for, and nothing from others', () => {
    expect(eventsOf({ name: 'council.knowledge', value: { articleId: 'council-tax-pay' } })).toEqual([['answered', 'council-tax-pay']]);
    expect(eventsOf({ name: 'council.feedback', value: { articleId: 'a', helpful: false } })).toEqual([['unhelpful', 'a']]);
    expect(eventsOf({ name: 'council.request.submitted', value: { intent: 'report_pothole', serviceCode: 'pothole' } })).toEqual([['filed', 'pothole']]);
    expect(eventsOf({ name: 'council.route', value: { kind: 'safeguarding', category: 'immediate_danger' } })).toEqual([
      ['routed', 'safeguarding'],
      ['safeguarding', 'immediate_danger'],
    ]);
    expect(eventsOf({ name: 'council.route', value: { kind: 'none' } })).toEqual([
      ['routed', 'none'],
      ['out_of_scope', null],
    ]);
    expect(eventsOf({ name: 'council.route', value: { kind: 'intent', intent: 'greeting', label: 'greeting' } })).toEqual([['routed', 'intent:greeting']]);
    expect(eventsOf({ name: 'council.person', value: { how: 'callback' } })).toEqual([['callback', 'callback']]);
    expect(eventsOf({ name: 'council.person', value: { how: 'live_chat' } })).toEqual([['person', 'live_chat']]);
    expect(eventsOf({ name: 'council.prompt', value: { field: 'postcode' } })).toEqual([['prompt', 'postcode']]);
    expect(eventsOf({ name: 'council.prompt', value: { field: 'feedback' } })).toEqual([]);
    expect(eventsOf({ name: 'council.tone', value: {} })).toEqual([]);
  });

  it('tells the council page, Teams, other Direct Line clients and the rest apart', () => {
    expect(channelOf({ channelId: 'msteams' })).toBe('teams');
    expect(channelOf({ channelId: 'webchat' })).toBe('web');
    expect(channelOf({ channelId: 'directline', channelData: { clientActivityID: 'x' } })).toBe('web');
    expect(channelOf({ channelId: 'directline' })).toBe('directline');
    expect(channelOf({ channelId: 'test' })).toBe('other');
  });

  it('gives a conversation its first outcome in the documented order', () => {
    const e = (kind: InsightEvent['kind']): InsightEvent => ({ conversation: 'c', channel: 'web', kind, detail: null, at: '2026-12-05T10:00:00Z' });
    expect(outcomeOf([e('answered'), e('helpful'), e('safeguarding')])).toBe('safeguarding');
    expect(outcomeOf([e('prompt'), e('filed'), e('person')])).toBe('filed');
    expect(outcomeOf([e('answered'), e('prompt')])).toBe('abandoned');
    expect(outcomeOf([e('prompt'), e('answered')])).toBe('answered_no_feedback');
    expect(outcomeOf([e('person'), e('callback')])).toBe('callback');
    expect(outcomeOf([])).toBe('other');
  });

  it('counts days, ISO weeks and months', () => {
    expect(periodOf('2026-12-05T10:00:00Z', 'day')).toBe('2026-12-05');
    expect(periodOf('2026-12-05T10:00:00Z', 'week')).toBe('2026-W49');
    expect(periodOf('2021-01-03T10:00:00Z', 'week')).toBe('2020-W53');
    expect(periodOf('2026-12-05T10:00:00Z', 'month')).toBe('2026-12');
  });

  it('estimates savings as a range from resolved conversations only, with the assumptions it used', () => {
    const events: InsightEvent[] = [
      ...['a', 'b'].map((c): InsightEvent => ({ conversation: c, channel: 'web', kind: 'helpful', detail: 'x', at: '2026-12-05T10:00:00Z' })),
      { conversation: 'c', channel: 'web', kind: 'filed', detail: 'pothole', at: '2026-12-05T10:00:00Z' },
      { conversation: 'd', channel: 'web', kind: 'answered', detail: 'x', at: '2026-12-05T10:00:00Z' },
      { conversation: 'e', channel: 'web', kind: 'person', detail: 'live_chat', at: '2026-12-05T10:00:00Z' },
    ];
    const report = buildInsightsReport(events, {
      from: '2026-12-05',
      to: '2026-12-05',
      assumptions: { costPerContact: { online: 0.15, phone: 2.83, faceToFace: 8.62 }, wouldHavePhoned: { low: 0.5, high: 1 }, suppressBelow: 5 },
    });
    expect(report.resolved).toBe(3);
    expect(report.unknown).toBe(1);
    expect(report.savings.low).toBe(4.02); // 3 × 0.5 × (2.83 − 0.15)
    expect(report.savings.high).toBe(8.04);
  });

  it("words the savings' method as insights.yaml does in the language asked for (savings_method), and not at all unasked", () => {
    const messages = path.join(ROOT, 'knowledge', 'messages');
    const [en, cy] = ['en-GB', 'cy-GB'].map((locale) =>
      new MessageTexts(INSIGHTS_MESSAGES.load(INSIGHTS_MESSAGES.file(messages, locale)), council).say('savings_method'),
    );
    const method = (words?: string) =>
      buildInsightsReport([], { from: '2026-12-05', to: '2026-12-05', assumptions: council.insights, method: words }).savings.method;
    expect(en).toMatch(/^Resolved conversations/);
    expect(cy).not.toBe(en);
    expect([method(en), method(cy), method()]).toEqual([en, cy, undefined]);
  });

  it('publishes monthly figures with counts from 1 to 4 suppressed, 0 and 5 shown; "[c]" in the CSV', () => {
    const events: InsightEvent[] = [
      ...Array.from({ length: 5 }, (_, i): InsightEvent => ({
        conversation: `f${i}`,
        channel: 'web',
        kind: 'filed',
        detail: 'pothole',
        at: '2026-11-05T10:00:00Z',
      })),
      ...Array.from({ length: 2 }, (_, i): InsightEvent => ({
        conversation: `h${i}`,
        channel: 'web',
        kind: 'helpful',
        detail: 'x',
        at: '2026-11-06T10:00:00Z',
      })),
    ];
    const report = buildInsightsReport(events, { from: '2026-11-01', to: '2026-11-30', granularity: 'month', assumptions: council.insights });
    const [month] = openDataMonths(report, 5);
    expect(month).toMatchObject({ month: '2026-11', conversations: 7, resolved: 7, filed: 5, helpful: null, safeguarding: 0 });
    expect(openDataCsv([month]).split('\r\n')[1]).toBe('2026-11,7,7,0,5,0,0,[c],0,0,0,0,0');
  });

  it('refuses a window that is not two dates in order, saying what it expects', () => {
    expect(() => insightWindow('2026-13-40', '2026-12-01')).toThrow(/--from must be a date written YYYY-MM-DD/);
    expect(() => insightWindow('2026-12-05', '2026-12-01')).toThrow(/--to must not be before --from/);
    expect(insightWindow('2026-12-01', '2026-12-31')).toEqual({ from: '2026-12-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' });
  });

  it('hashes a conversation id with the installation salt', () => {
    expect(conversationKey('conv-1', 'salt-a')).not.toBe(conversationKey('conv-1', 'salt-b'));
    expect(conversationKey('conv-1', 'salt-a')).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('insight of conversations through the real app', () => {
  let running: RunningApp;
  let database: AppDatabase;
  const ids: string[] = [];

  beforeAll(async () => {
    running = await startTestApp();
    for (let i = 0; i < EACH; i++) {
      for (const [expected, turns] of Object.entries(SCRIPTS)) {
        const id = `insight-${expected}-${i}-${randomUUID()}`;
        ids.push(id);
        for (const text of turns) {
          const { status } = await postExpectReplies(running.url, messageActivity(text, id, { from: { id: `resident-${expected}-${i}`, name: 'Jane Doe' } }));
          expect(status).toBe(200);
        }
      }
    }
    database = await AppDatabase.open({ dataDir: running.dataDir });
  }, 600_000);

  afterAll(async () => {
    await database?.close();
    await running?.app.close();
  });

  it('counts every outcome exactly', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const report = await loadInsights(database.db, council, today, today);
    expect(report.conversations).toBe(EACH * Object.keys(SCRIPTS).length);
    expect(report.outcomes).toEqual({
      safeguarding: EACH,
      filed: EACH,
      callback: 0,
      person: 0,
      helpful: EACH,
      unhelpful: EACH,
      abandoned: EACH,
      answered_no_feedback: EACH,
      out_of_scope: EACH,
      other: EACH,
    });
    expect(report.resolved).toBe(2 * EACH);
    expect(report.unknown).toBe(EACH);
    expect(report.byChannel.other.filed).toBe(EACH);
    expect(report.requestsByService).toEqual({ pothole: EACH });
    expect(report.safeguardingByCategory).toEqual({ suicide_self_harm: EACH });
    expect(report.abandonedAt).toEqual({ postcode: EACH });
    expect(report.topArticles[0]).toEqual({ articleId: 'council-tax-pay', answered: 3 * EACH, helpful: EACH, unhelpful: EACH, helpfulRate: 0.5 });
    expect(report.byPeriod).toEqual([{ period: today, outcomes: report.outcomes }]);
    // Delivery health: every filed request is in the outbox, delivered or on its way; nobody queued for a person.
    const { deliveries, handoffs } = report.operations!;
    expect(deliveries.filed).toBe(EACH);
    expect(deliveries.delivered + deliveries.pending + deliveries.rejected).toBe(EACH);
    expect(deliveries.rejected).toBe(0);
    expect(handoffs).toEqual({ queued: 0, accepted: 0, leftBeforeAnswer: 0, medianWaitSeconds: null });
  });

  it('stores no words, names, places or conversation ids', async () => {
    const rows = await new InsightEventStore(database.db).between('2000-01-01', '2100-01-01');
    const stored = JSON.stringify(rows);
    expect(rows.length).toBeGreaterThan(EACH * Object.keys(SCRIPTS).length);
    for (const clear of ['Station Road', 'library', 'Jane', 'kill', 'weather', 'resident-', 'insight-']) expect(stored).not.toContain(clear);
    for (const id of ids.slice(0, 5)) expect(stored).not.toContain(id);
  });
});

describe('open data', () => {
  it('is published only when INSIGHTS_OPEN_DATA is true, as JSON and CSV', async () => {
    const off = await startTestApp();
    try {
      expect((await fetch(`${off.url}/open-data/insights.json`)).status).toBe(404);
    } finally {
      await off.app.close();
    }
    const on = await startTestApp({ INSIGHTS_OPEN_DATA: 'true' });
    try {
      await postExpectReplies(on.url, messageActivity('how do I pay my council tax', `open-${randomUUID()}`));
      const json = (await (await fetch(`${on.url}/open-data/insights.json`)).json()) as { suppressedBelow: number; months: Array<Record<string, unknown>> };
      expect(json.suppressedBelow).toBe(5);
      expect(json.months).toEqual([
        expect.objectContaining({ month: new Date().toISOString().slice(0, 7), conversations: null, answered_no_feedback: null, filed: 0 }),
      ]);
      const csv = await (await fetch(`${on.url}/open-data/insights.csv`)).text();
      expect(csv.split('\r\n')[0]).toBe(
        'month,conversations,resolved,safeguarding,filed,callback,person,helpful,unhelpful,abandoned,answered_no_feedback,out_of_scope,other',
      );
      expect(csv).toContain(',[c],');
    } finally {
      await on.app.close();
    }
  }, 120_000);
});
