import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ActivityHandler, MemoryStorage } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KyselyStorage } from '../../platform/storage/kyselyStorage';
import { DialogIds } from '../../dialogs/dialogIds';
import { Intents } from '../../intents/catalogue';
import { ConversationEvaluator } from '../../scripts/lib/conversations/conversationEvaluator';
import { ConversationFileReader } from '../../scripts/lib/conversations/conversationFileReader';
import { EvalApp } from '../../scripts/lib/conversations/evalApp';
import { ExpectationChecker } from '../../scripts/lib/conversations/expectationChecker';
import { RequestCatalogue } from '../../scripts/lib/conversations/requestCatalogue';
import { ROOT, TEST_MODEL_DIR } from '../support/assistant';

const FIXTURES = path.join(__dirname, 'fixtures', 'conversations');
const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const SCRIPT = path.join(ROOT, 'scripts', 'evalConversations.ts');

describe('conversation files', () => {
  const reader = new ConversationFileReader();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-convfile-'));
  const read = (text: string) => {
    const file = path.join(dir, 'c.yaml');
    fs.writeFileSync(file, text);
    return reader.read(file);
  };

  it('reads the format of the blind sets, one value or a list', () => {
    const r = read(
      'name: n\nvoice: older\ncovers: [correction]\nsteps:\n  - user: "hi"\n    expect:\n      asks: [postcode, address]\n      notAsks: container\n      shows: ["Mill Lane", 12]\n      sent: false\n  - user: 14\n',
    );
    expect(r).toEqual({
      ok: true,
      conversation: {
        name: 'n',
        voice: 'older',
        covers: ['correction'],
        steps: [{ user: 'hi', expect: { asks: ['postcode', 'address'], notAsks: 'container', shows: ['Mill Lane', '12'], sent: false } }, { user: '14' }],
      },
    });
  });

  it('takes every question field the README lists for council.prompt, the details, the name, the change and the feedback too', () => {
    expect(
      read('name: n\nsteps:\n  - user: a\n    expect:\n      asks: [description, contact, name, confirm]\n      notAsks: [change, feedback]\n'),
    ).toMatchObject({
      ok: true,
    });
  });

  it('names the file and line of a YAML error, an unknown key and a value not in the list', () => {
    expect(read('name: n\nsteps:\n  - user: a\n  - user: b\n    user: c\n')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^c\.yaml:5: Map keys must be unique/),
    });
    expect(read('name: n\nsteps:\n  - user: "a\n')).toMatchObject({ ok: false, error: expect.stringMatching(/^c\.yaml:\d: Missing closing "quote/) });
    expect(read('name: n\nsteps:\n  - user: a\n  - user: b\n    expect:\n      answer: bulky-waste\n')).toEqual({
      ok: false,
      error: "c.yaml:6: step 2 expect: Unrecognized key(s) in object: 'answer'",
    });
    expect(read('name: n\nsteps:\n  - user: a\n    expect:\n      asks: colour\n')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^c\.yaml:5: step 1 expect\.asks: must be one of postcode, address/),
    });
    expect(read('name: n\nsteps: []\n')).toMatchObject({ ok: false, error: expect.stringMatching(/^c\.yaml:2: steps: /) });
    expect(read('steps:\n  - user: a\n')).toMatchObject({ ok: false, error: expect.stringMatching(/^c\.yaml:1: name: Required/) });
  });

  it('a missing file is an error, not a throw', () => {
    expect(reader.read(path.join(dir, 'none.yaml'))).toMatchObject({ ok: false, error: expect.stringMatching(/^none\.yaml: ENOENT/) });
  });
});

describe('a turn that throws', () => {
  it('fails that conversation with the error, and does not stop the run', async () => {
    class Broken extends ActivityHandler {
      override run(): Promise<void> {
        return Promise.reject(new Error('database is locked'));
      }
    }
    const checker = new ExpectationChecker({
      requests: new RequestCatalogue(path.join(ROOT, 'services')),
      articleTitle: () => undefined,
      fallbackTexts: [],
      personLabels: [],
      handoffIntent: 'human_handoff',
      handoffDialogId: 'handoffDialog',
    });
    const evaluator = new ConversationEvaluator(new Broken(), () => new MemoryStorage(), new ConversationFileReader(), checker);
    const result = await evaluator.run(path.join(FIXTURES, 'pass', 'pothole.yaml'));
    expect(result).toMatchObject({ passed: false, failure: { turn: 1, got: 'the turn failed: database is locked' } });
  });
});

describe('conversations against the real app', () => {
  let running: EvalApp;
  let evaluator: ConversationEvaluator;
  beforeAll(async () => {
    running = await EvalApp.start({}, TEST_MODEL_DIR);
    const { assistant, database } = running.app;
    const checker = new ExpectationChecker({
      requests: new RequestCatalogue(path.join(ROOT, 'services')),
      articleTitle: (id) => assistant.knowledge.get(id)?.title,
      fallbackTexts: [assistant.responses.cannotHelp().text, assistant.responses.notUnderstoodOfferPerson().text],
      personLabels: [assistant.buttons.talk_to_person],
      handoffIntent: Intents.humanHandoff,
      handoffDialogId: DialogIds.handoff,
    });
    evaluator = new ConversationEvaluator(assistant.bot, () => new KyselyStorage(database.db), new ConversationFileReader(), checker);
  }, 120_000);
  afterAll(async () => running?.close());

  const passing = fs.readdirSync(path.join(FIXTURES, 'pass')).filter((f) => f.endsWith('.yaml'));
  it('has conversations that pass', () => expect(passing.length).toBeGreaterThanOrEqual(4));
  for (const file of passing) {
    it(`passes ${file}`, { timeout: 60_000 }, async () => {
      const result = await evaluator.run(path.join(FIXTURES, 'pass', file));
      expect(result.failure?.got).toBeUndefined();
      expect(result.passed).toBe(true);
    });
  }

  it('stops at the first step that fails and says which turn', { timeout: 60_000 }, async () => {
    const result = await evaluator.run(path.join(FIXTURES, 'fail', 'second-turn.yaml'));
    expect(result).toMatchObject({
      passed: false,
      failure: { turn: 2, said: 'outside the library on Station Road', problems: ['asks depth_cm: saw a question about surface'] },
    });
  });
});

/** Each deliberately failing conversation, and the reason its check must give. */
const WHY: Record<string, { turn: number; problem: RegExp }> = {
  'answers.yaml': { turn: 1, problem: /answers bulky-waste: saw kb:council-tax-pay/ },
  'request.yaml': { turn: 1, problem: /request missed_bin: saw report_pothole/ },
  'asks.yaml': { turn: 1, problem: /asks postcode: saw a question about location/ },
  'not-asks.yaml': { turn: 1, problem: /notAsks location: asked about location/ },
  'shows.yaml': { turn: 1, problem: /shows "sofa": not in the reply\]$/ },
  'not-shows.yaml': { turn: 1, problem: /notShows "DIRECT DEBIT": in the reply/ },
  'sent.yaml': { turn: 1, problem: /sent: nothing was submitted this turn/ },
  'not-sent.yaml': { turn: 7, problem: /Your reference is AT-\d+.*sent false: submitted report_pothole/ },
  'person.yaml': { turn: 1, problem: /person: no offer of a person \(buttons: "Yes", "No"\)/ },
  'no-person.yaml': { turn: 1, problem: /person false: a person was offered/ },
  'offers.yaml': { turn: 1, problem: /offers bulky_waste \("Book a bulky waste collection" or "Bulky waste collection"\): buttons were "Yes", "No"/ },
  'helpful.yaml': { turn: 1, problem: /^Sorry, I can't help with that.*helpful: the reply is the "can't help" fallback/ },
  'unhelpful.yaml': { turn: 1, problem: /helpful false: the reply was not the fallback/ },
  'second-turn.yaml': { turn: 2, problem: /asks depth_cm: saw a question about surface/ },
  'malformed.yaml': { turn: 0, problem: /^malformed\.yaml:\d+: / },
  'unknown-key.yaml': { turn: 0, problem: /^unknown-key\.yaml:4: step 1: Unrecognized key\(s\) in object: 'expects'/ },
  'bad-asks.yaml': { turn: 0, problem: /^bad-asks\.yaml:6: step 2 expect\.asks: must be one of/ },
};

describe('npm run eval:conversations', () => {
  it('without a folder: a usage line and exit code 2', () => {
    const r = spawnSync(process.execPath, [TSX, SCRIPT], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^usage: npm run eval:conversations -- DIR/);
  });

  it('an unreadable --now: the reason and exit code 2, before anything runs', () => {
    const r = spawnSync(process.execPath, [TSX, SCRIPT, path.join(FIXTURES, 'pass'), '--now', 'friday'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^--now takes a date and time/);
  });

  it('reports every failing conversation with its reason, and one JSON object as the last line', { timeout: 180_000 }, () => {
    const data = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-conveval-cli-'));
    fs.cpSync(TEST_MODEL_DIR, path.join(data, 'models'), { recursive: true });
    const out = execFileSync(process.execPath, [TSX, SCRIPT, path.join(FIXTURES, 'fail')], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: data },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines = out.trim().split('\n');
    const last = JSON.parse(lines.at(-1)!) as {
      total: number;
      passed: number;
      rate: number;
      failures: { file: string; turn: number; said: string; got: string }[];
    };
    expect(Object.keys(last)).toEqual(['total', 'passed', 'rate', 'failures']);
    const files = fs
      .readdirSync(path.join(FIXTURES, 'fail'))
      .filter((f) => f.endsWith('.yaml'))
      .sort();
    expect(files).toEqual(Object.keys(WHY).sort());
    expect(last).toMatchObject({ total: files.length, passed: 0, rate: 0 });
    for (const f of last.failures) {
      expect(Object.keys(f)).toEqual(['file', 'turn', 'said', 'got']);
      expect(f.turn, f.file).toBe(WHY[f.file].turn);
      expect(f.got, f.file).toMatch(WHY[f.file].problem);
    }
    expect(last.failures.map((f) => f.file)).toEqual(files);
    expect(lines).toContain('✗ shows.yaml: shows fails: a sofa is not in the council tax answer');
    expect(lines).toContain('    turn 1: resident said "how do I pay my council tax?"');
    expect(lines).toContain('    ✗ shows "sofa": not in the reply');
    expect(last.failures.find((f) => f.file === 'answers.yaml')!.got.length).toBeLessThan(420);
  });
});
