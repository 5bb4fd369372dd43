import { afterAll, describe, expect, it } from 'vitest';
import { RetentionPurge } from '../../bot/privacy/retentionPurge';
import type { RetentionDays } from '../../bot/privacy/retentionDays';
import { createTestPostgres } from '../support/postgres';
import { bothEngines, openedBeforeEach } from './engines';
import { addCallback, addConversationState, addFeedback, addHandoff, addOutbox, addRequest, addStaffCaseAlone, daysAgo } from './seed';

/** A different period for every kind, so that each is seen to follow its own setting. */
const DAYS: RetentionDays = {
  conversationDays: 10,
  handoffDays: 20,
  callbackDays: 30,
  outboxDays: 40,
  requestPersonalDays: 50,
  feedbackDays: 60,
  unansweredDays: 70,
};
const NOW = new Date('2026-12-04T10:00:00.000Z');
/** Just past the period, and just inside it. */
const aged = (days: number) => daysAgo(NOW, days + 1);
const recent = (days: number) => daysAgo(NOW, days - 1);

describe('retention purge', async () => {
  const pg = await createTestPostgres();
  afterAll(async () => pg.drop());
  const engines = bothEngines(pg);

  describe.each(engines)('on $name', (engine) => {
    const { skip } = engine;
    const database = openedBeforeEach(engine);

    it.skipIf(!!skip)('deletes or blanks every kind of data past its own period, and keeps recent and unfinished rows', async () => {
      const db = database().db;
      for (const n of [1, 2, 3]) await addConversationState(db, { id: `old-conv-${n}` }, aged(DAYS.conversationDays));
      await addConversationState(db, { id: 'new-conv' }, recent(DAYS.conversationDays));
      await addHandoff(db, { id: 'old-handoff' }, aged(DAYS.handoffDays), 'ended');
      await addHandoff(db, { id: 'old-external' }, aged(DAYS.handoffDays), 'external');
      await addHandoff(db, { id: 'old-queued' }, aged(DAYS.handoffDays), 'queued');
      await addHandoff(db, { id: 'new-handoff' }, recent(DAYS.handoffDays), 'ended');
      await addStaffCaseAlone(db, { id: 'old-case' }, aged(DAYS.handoffDays));
      await addStaffCaseAlone(db, { id: 'new-case' }, recent(DAYS.handoffDays));
      await addCallback(db, { id: 'old-callback' }, aged(DAYS.callbackDays), 'done');
      await addCallback(db, { id: 'old-open-callback' }, aged(DAYS.callbackDays), 'open');
      await addCallback(db, { id: 'new-callback' }, recent(DAYS.callbackDays), 'done');
      await addOutbox(db, { id: 'old-delivered', email: 'a@example.com' }, aged(DAYS.outboxDays), 'delivered');
      await addOutbox(db, { id: 'old-rejected', email: 'b@example.com' }, aged(DAYS.outboxDays), 'rejected');
      await addOutbox(db, { id: 'old-pending', email: 'c@example.com' }, aged(DAYS.outboxDays), 'pending');
      await addOutbox(db, { id: 'new-delivered', email: 'd@example.com' }, recent(DAYS.outboxDays), 'delivered');
      await addRequest(
        db,
        {
          id: 'old-request',
          email: 'e@example.com',
          phone: '07700900001',
          name: 'Eve',
        },
        aged(DAYS.requestPersonalDays),
      );
      await addRequest(
        db,
        {
          id: 'new-request',
          email: 'f@example.com',
          phone: '07700900002',
          name: 'Fay',
        },
        recent(DAYS.requestPersonalDays),
      );
      await addFeedback(db, 'old-feedback', aged(DAYS.feedbackDays));
      await addFeedback(db, 'new-feedback', recent(DAYS.feedbackDays));
      for (const [id, at] of [
        ['old-question', aged(DAYS.unansweredDays)],
        ['new-question', recent(DAYS.unansweredDays)],
      ])
        await db
          .insertInto('unanswered_question')
          .values({ id, question: 'can I keep bees', outcome: 'no_answer', article_id: null, created_at: at })
          .execute();
      // Sign-in attempt counts hold a client address: gone a day after their window started.
      for (const [key, at] of [
        ['address:203.0.113.9', aged(1)],
        ['account:sam', recent(1)],
      ])
        await db.insertInto('staff_sign_in_limit').values({ key, attempts: 3, window_started_at: at, locked_until: null }).execute();

      // Two rows a batch: the three aged conversations take two batches.
      const purge = new RetentionPurge(db, DAYS, {
        now: () => NOW,
        batchSize: 2,
      });
      expect(await purge.run()).toEqual({
        conversationState: 3,
        handoffs: 2,
        staffCases: 1,
        callbacks: 1,
        outbox: 2,
        requestsBlanked: 1,
        feedback: 1,
        unansweredQuestions: 1,
        signInLimits: 1,
      });

      expect((await db.selectFrom('bot_state').select('id').execute()).map((r) => r.id)).toEqual(['directline/conversations/new-conv']);
      expect((await db.selectFrom('handoff').select('id').orderBy('id').execute()).map((r) => r.id)).toEqual(['new-handoff-handoff', 'old-queued-handoff']);
      expect((await db.selectFrom('handoff_message').select('handoff_id').orderBy('handoff_id').execute()).map((r) => r.handoff_id)).toEqual([
        'new-handoff-handoff',
        'old-queued-handoff',
      ]);
      expect((await db.selectFrom('staff_case').select('id').orderBy('id').execute()).map((r) => r.id)).toEqual([
        'new-case-case-alone',
        'new-handoff-handoff-case',
        'old-queued-handoff-case',
      ]);
      expect((await db.selectFrom('callback_request').select('id').orderBy('id').execute()).map((r) => r.id)).toEqual([
        'new-callback-callback',
        'old-open-callback-callback',
      ]);
      expect((await db.selectFrom('service_outbox').select('reference').orderBy('reference').execute()).map((r) => r.reference)).toEqual([
        'AT-NEW-DELIVERED',
        'AT-OLD-PENDING',
      ]);
      const requests = await db.selectFrom('open311_requests').selectAll().orderBy('service_request_id').execute();
      expect(requests.map((r) => [r.service_request_id, r.email, r.first_name, r.last_name, r.phone, r.description, r.address_string])).toEqual([
        ['SR-NEW-REQUEST', 'f@example.com', 'Fay', 'Resident', '07700900002', 'Light out', 'Mill Lane'],
        ['SR-OLD-REQUEST', null, null, null, null, 'Light out', 'Mill Lane'],
      ]);
      expect((await db.selectFrom('feedback').select('id').execute()).map((r) => r.id)).toEqual(['new-feedback']);
      expect((await db.selectFrom('unanswered_question').select('id').execute()).map((r) => r.id)).toEqual(['new-question']);
      expect((await db.selectFrom('staff_sign_in_limit').select('key').execute()).map((r) => r.key)).toEqual(['account:sam']);

      // Nothing more to do until time passes.
      expect(Object.values(await purge.run()).every((n) => n === 0)).toBe(true);
    });
  });
});
