import path from 'node:path';
import type { Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { ExpectationChecker } from '../../scripts/lib/conversations/expectationChecker';
import { RequestCatalogue } from '../../scripts/lib/conversations/requestCatalogue';
import { TurnObservation } from '../../scripts/lib/conversations/turnObservation';
import { ROOT } from '../support/assistant';

const checker = new ExpectationChecker({
  requests: new RequestCatalogue(path.join(ROOT, 'services')),
  articleTitle: (id) => ({ 'council-tax-reduction': 'Council Tax Reduction' })[id],
  fallbackTexts: ["Sorry, I can't help with that."],
  personLabels: ['Talk to a person'],
  handoffIntent: 'human_handoff',
  handoffDialogId: 'handoffDialog',
});
const trace = (name: string, value: unknown): Partial<Activity> => ({ type: 'trace', name, value });
const message = (text: string, choices: string[] = []): Partial<Activity> => ({
  type: 'message',
  text,
  ...(choices.length ? { suggestedActions: { to: [], actions: choices.map((c) => ({ type: 'imBack', title: c, value: c })) } } : {}),
});
const turn = (o: { replies?: Partial<Activity>[]; traces?: Partial<Activity>[]; dialogs?: string[]; before?: string[] }) =>
  new TurnObservation({ replies: o.replies ?? [], traces: o.traces ?? [], dialogs: o.dialogs ?? [] }, o.before ?? []);

describe('expectation checks', () => {
  it('request: carried on by a waiting dialog that took the message and finished, not by one interrupted', () => {
    const answered = turn({ before: ['mainDialog', 'binCollectionDay', 'binCollectionDay.slots'], replies: [message('Next collections for 12 Mill Lane…')] });
    expect(checker.check({ request: 'bin_day' }, answered)).toEqual([]);
    const interrupted = turn({ before: ['mainDialog', 'binCollectionDay'], traces: [trace('council.interruption', { route: 'intent', intent: 'cancel' })] });
    expect(checker.check({ request: 'bin_day' }, interrupted)).toEqual(['request bin_day: saw no route; dialogs none']);
    expect(checker.check({ request: 'report_missed_bin' }, turn({ traces: [trace('council.route', { label: 'report_missed_bin', kind: 'intent' })] }))).toEqual(
      [],
    );
    expect(checker.check({ request: 'missed_bin' }, turn({ traces: [trace('council.request.submitted', { intent: 'report_missed_bin' })] }))).toEqual([]);
    expect(checker.check({ request: 'recycling' }, turn({}))).toEqual(['request recycling: not a request name']);
  });

  it('asks: the last question of the turn; "location" covers every where-question, "contact" the name', () => {
    const t = turn({ traces: [trace('council.prompt', { field: 'postcode' }), trace('council.prompt', { field: 'address' })] });
    expect(checker.check({ asks: 'address' }, t)).toEqual([]);
    expect(checker.check({ asks: 'location' }, t)).toEqual([]);
    expect(checker.check({ asks: 'postcode' }, t)).toEqual(['asks postcode: saw a question about address']);
    expect(checker.check({ notAsks: ['postcode'] }, t)).toEqual(['notAsks postcode: asked about postcode']);
    expect(checker.check({ asks: 'contact' }, turn({ traces: [trace('council.prompt', { field: 'name' })] }))).toEqual([]);
    expect(checker.check({ asks: 'confirm' }, turn({}))).toEqual(['asks confirm: saw no question']);
  });

  it('shows: case-insensitive, curly apostrophes and spacing ignored; event activities are not reply text', () => {
    const t = turn({
      replies: [message('It’s   the  GREEN bin'), { type: 'event', name: 'handoff.initiate', attachments: [{ contentType: 'x', content: { text: 'sofa' } }] }],
    });
    expect(checker.check({ shows: ["it's the green bin"], notShows: 'sofa' }, t)).toEqual([]);
  });

  it('offers: a button containing the article title or the request label; person: the button or the handoff', () => {
    const t = turn({ replies: [message('Anything else?', ['Council Tax Reduction', 'Yes, report a missed bin'])] });
    expect(checker.check({ offers: 'council-tax-reduction' }, t)).toEqual([]);
    expect(checker.check({ offers: 'missed_bin' }, t)).toEqual([]);
    expect(checker.check({ offers: 'no-such-topic' }, t)).toEqual(['offers no-such-topic: not a topic id or request name']);
    expect(checker.check({ person: false }, t)).toEqual([]);
    expect(checker.check({ person: true }, turn({ dialogs: ['mainDialog', 'handoffDialog'] }))).toEqual([]);
  });

  it('helpful: false for the fallback by its words or by a route to nothing', () => {
    expect(checker.check({ helpful: false }, turn({ replies: [message("Sorry, I can't help with that.")] }))).toEqual([]);
    expect(checker.check({ helpful: false }, turn({ traces: [trace('council.route', { label: 'none', kind: 'none' })] }))).toEqual([]);
    expect(
      checker.check(
        { helpful: true },
        turn({
          replies: [message('Did you mean one of these?', ['Report a pothole'])],
          traces: [trace('council.route', { label: 'clarify', kind: 'clarify' })],
        }),
      ),
    ).toEqual([]);
  });
});
