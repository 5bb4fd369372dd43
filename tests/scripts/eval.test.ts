import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, TEST_MODEL_DIR } from '../support/assistant';
import { directAnswers, score } from '../../scripts/lib/routeEvaluation';

describe('route evaluation scoring', () => {
  it('computes accuracy and per-label precision, recall and F1', () => {
    const r = score(
      [
        { text: 'a', expect: 'x' },
        { text: 'b', expect: 'x' },
        { text: 'c', expect: 'y' },
        { text: 'd', expect: 'none' },
      ],
      ['x', 'y', 'y', 'none'],
    );
    expect(r).toMatchObject({ total: 4, correct: 3, accuracy: 0.75 });
    expect(r.labels.x).toEqual({ precision: 1, recall: 0.5, f1: 0.6667, support: 2 });
    expect(r.labels.y).toEqual({ precision: 0.5, recall: 1, f1: 0.6667, support: 1 });
    expect(r.errors).toEqual([{ text: 'b', expected: 'x', got: 'y' }]);
  });
});

describe('direct answers', () => {
  it('counts an article given straight away against its expectation, an unanswerable question included, and a "Did you mean" apart', () => {
    const cases = [
      { text: 'a', expect: 'kb:x' },
      { text: 'b', expect: 'kb:x' },
      { text: 'c', expect: 'kb:y' },
      { text: 'd', expect: 'none' },
      { text: 'e', expect: 'report_pothole' },
    ];
    const k = directAnswers(cases, ['kb', 'kb', 'clarify', 'kb', 'intent'], ['kb:x', 'kb:y', 'none', 'kb:x', 'report_pothole']);
    // Three articles given straight away, one right; two of the three answerable questions answered straight away.
    expect(k).toEqual({ direct: 3, directCorrect: 1, directPrecision: 0.3333, answerable: 3, directShare: 0.6667, clarified: 0.3333 });
  });
});

describe('npm run eval', () => {
  it('routes each line through the bot and prints one JSON object as the last line', { timeout: 120_000 }, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-eval-'));
    fs.cpSync(TEST_MODEL_DIR, path.join(dir, 'models'), { recursive: true });
    const file = path.join(dir, 'cases.jsonl');
    fs.writeFileSync(
      file,
      [
        { text: 'my bin was not collected yesterday', expect: 'report_missed_bin' },
        { text: 'there is a massive pothole on mill lane', expect: 'report_pothole' },
        { text: 'i want to kill myself', expect: 'safeguarding' },
        { text: 'who won the football last night', expect: 'none' },
        { text: 'hello there', expect: 'report_pothole' },
        { text: 'how do I pay my council tax', expect: 'kb:council-tax-pay' },
      ]
        .map((l) => JSON.stringify(l))
        .join('\n') + '\nnot json\n',
    );
    const out = execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(ROOT, 'scripts', 'eval.ts'), file], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dir },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const last = JSON.parse(out.trim().split('\n').at(-1)!);
    expect(Object.keys(last).sort()).toEqual(['accuracy', 'correct', 'errors', 'knowledge', 'labels', 'total']);
    expect(last.total).toBe(6);
    expect(last.correct).toBe(5);
    expect(last.knowledge).toEqual({ direct: 1, directCorrect: 1, directPrecision: 1, answerable: 1, directShare: 1, clarified: 0 });
    expect(last.errors).toEqual([{ text: 'hello there', expected: 'report_pothole', got: 'greeting' }]);
    expect(last.labels.safeguarding).toEqual({ precision: 1, recall: 1, f1: 1, support: 1 });
  });

  it(
    'with --locale cy-GB routes through the Welsh assistant (its own articles and training data); an unknown language is a usage error',
    { timeout: 180_000 },
    () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-eval-cy-'));
      fs.cpSync(TEST_MODEL_DIR, path.join(dir, 'models'), { recursive: true });
      const file = path.join(dir, 'cases.jsonl');
      const cases = [
        { text: 'Dw i angen trwydded i gynnal parti stryd', expect: 'kb:licensing-events' },
        { text: 'Sut dw i’n cofrestru marwolaeth?', expect: 'kb:register-death' },
        { text: 'Sut dw i’n talu fy nhreth gyngor?', expect: 'kb:council-tax-pay' },
        { text: 'Mae tân yn y fflat drws nesa', expect: 'safeguarding' },
      ];
      fs.writeFileSync(file, cases.map((l) => JSON.stringify(l)).join('\n') + '\n');
      const run = (...args: string[]) =>
        execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(ROOT, 'scripts', 'eval.ts'), ...args], {
          cwd: ROOT,
          env: { ...process.env, DATA_DIR: dir },
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        });
      const last = JSON.parse(run('--locale', 'cy-GB', file).trim().split('\n').at(-1)!);
      expect(last.total).toBe(4);
      expect(last.errors).toEqual([]);
      // Without it, the English assistant: its articles do not answer Welsh questions.
      const english = JSON.parse(run(file).trim().split('\n').at(-1)!);
      expect(english.correct).toBeLessThan(2);
      expect(() => run('--locale', 'fr-FR', file)).toThrow(/--locale takes one of en-GB, cy-GB/);
    },
  );
});
