/**
 * `npx tsx scripts/calibrateAnswers.ts [--rows ROWS.jsonl] [--save ROWS.jsonl] [--target 0.98]`: calibrates the
 * answer-or-ask decision (dialogs/answerDecision.ts, issue 17) on the route development sets.
 *
 * 1. Sends every message of the development sets through the bot (as `npm run eval` does) and records, per message,
 *    the features the decision sees on the retrieval route() made, the route taken, the best articles and whether
 *    the best one is the expected one (`--save` keeps them; `--rows` reads them back instead of running the bot).
 * 2. Fits a logistic model of "the best article is the expected one" on the messages that reach the decision (not a
 *    risk, not a request), and chooses the lowest chance at which the answers the fixed rules would give
 *    (router.ts DEFAULT_THRESHOLDS: kbAnswer, the out-of-scope test, kbSure or kbLead) keep `--target` precision.
 * 3. Leaves each set out in turn (fitted and thresholded on the other five) and prints the left-out precision of
 *    direct answers and share of answerable questions answered directly, against the fixed rules alone.
 *
 * Never reads the sealed sets.
 */
import fs from 'node:fs';
import type { RecognizerResult } from '../intents/recognizer';
import { answerFeatures, answerProbability, MODEL_FEATURES, type AnswerFeatures, type AnswerModel } from '../dialogs/answerDecision';
import { DEFAULT_THRESHOLDS } from '../dialogs/router';
import type { Locale } from '../knowledge/locales';
import { buildEvalAssistant } from './lib/evalAssistant';
import { fitLogistic } from './lib/logisticRegression';
import { routeTraceOf } from './lib/routeEvaluation';

/** The development sets and their language (issue 17): never a sealed half. */
const DEV_SETS: ReadonlyArray<{ file: string; locale: Locale }> = [
  { file: 'tests/eval/dev.jsonl', locale: 'en-GB' },
  { file: 'tests/eval/kb-blind-dev.jsonl', locale: 'en-GB' },
  { file: 'tests/eval/kb-blind3-dev.jsonl', locale: 'en-GB' },
  { file: 'tests/eval/kb-blind4-dev.jsonl', locale: 'en-GB' },
  { file: 'tests/eval/knowledge-check.jsonl', locale: 'en-GB' },
  { file: 'tests/eval/cy-blind-dev.jsonl', locale: 'cy-GB' },
];

interface Row {
  set: string;
  text: string;
  expect: string;
  /** The route the bot took: its label and kind. */
  label: string;
  kind?: string;
  intent: string;
  intentScore: number;
  /** The best articles (ids), best first. */
  top: string[];
  /** The best intent match on the articles' scale, and the out-of-scope match. */
  intentMatch: number;
  outOfScope: number;
  features?: AnswerFeatures;
  /** For a "Did you mean…?": the articles and requests offered. */
  offered?: string[];
}

async function collect(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const { file, locale } of DEV_SETS) {
    if (file.includes('sealed')) throw new Error(`${file}: the sealed sets are not for tuning`);
    let assistant: ReturnType<typeof buildEvalAssistant>;
    try {
      assistant = buildEvalAssistant(locale);
    } catch (err) {
      // Content that declares English only (npm run bench:content's copy, COUNCIL_PROFILE=…): its other languages' sets are left out.
      if (locale === 'en-GB') throw err;
      process.stderr.write(`${file}: left out (${(err as Error).message})\n`);
      continue;
    }
    const router = assistant.router;
    let seen: RecognizerResult | undefined;
    const route = router.route.bind(router);
    router.route = (text, recognized) => {
      seen ??= recognized;
      return route(text, recognized);
    };
    const cases = fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { text: string; expect: string });
    for (const [i, c] of cases.entries()) {
      seen = undefined;
      const trace = await routeTraceOf(assistant.bot, c.text, `cal-${i}`);
      const recognized = seen as RecognizerResult | undefined;
      const found = recognized ? router.searched(c.text, recognized) : undefined;
      const again = recognized && trace?.kind === 'clarify' ? router.route(c.text, recognized) : undefined;
      rows.push({
        set: file.replace(/^.*\//, '').replace(/\.jsonl$/, ''),
        text: c.text,
        expect: c.expect,
        label: trace?.label ?? 'none',
        kind: trace?.kind,
        intent: recognized?.intent ?? 'none',
        intentScore: recognized?.score ?? 0,
        top: found?.articles.slice(0, 3).map((a) => `kb:${a.article.id}`) ?? [],
        intentMatch: found?.intents[0]?.confidence ?? 0,
        outOfScope: found?.outOfScope ?? 0,
        features: found ? answerFeatures(found) : undefined,
        ...(again?.kind === 'clarify' ? { offered: [...again.intents, ...again.articleIds.map((id) => `kb:${id}`)] } : {}),
      });
    }
    process.stderr.write(`${file}: ${cases.length}\n`);
  }
  return rows;
}

/** The answers the fixed rules alone give (the router's kbAnswer, beatsOutOfScope and clearlyAhead, on the features). */
function fixedRule(f: AnswerFeatures): boolean {
  const t = DEFAULT_THRESHOLDS;
  const beatsOutOfScope = f.outOfScopeGap > t.outOfScopeMargin || f.beyondOutOfScope >= t.beyondOutOfScope + Math.max(0, -f.outOfScopeGap);
  const clearlyAhead = f.confidence >= t.kbSure || f.rankLead >= t.kbLead;
  return f.confidence >= t.kbAnswer && beatsOutOfScope && clearlyAhead;
}

interface Case {
  row: Row;
  features: AnswerFeatures;
  right: boolean;
  answerable: boolean;
  fixed: boolean;
}

/** The model fitted on these cases, with the lowest chance (to 0.01) at which the fixed rules' answers keep `target` precision. */
function calibrate(cases: Case[], target: number): AnswerModel {
  const fitted = fitLogistic(
    cases.map((c) => MODEL_FEATURES.map((f) => c.features[f])),
    cases.map((c) => c.right),
  );
  const round = (x: number) => Math.round(x * 100) / 100;
  const weights = Object.fromEntries(MODEL_FEATURES.map((f, i) => [f, round(fitted.weights[i])])) as AnswerModel['weights'];
  const model: AnswerModel = { intercept: round(fitted.intercept), weights, threshold: 1 };
  for (let t = 0; t <= 1; t = round(t + 0.01)) {
    const answered = cases.filter((c) => c.fixed && answerProbability(c.features, { ...model, threshold: t }) >= t);
    if (answered.length && answered.filter((c) => c.right).length / answered.length >= target) return { ...model, threshold: t };
  }
  return model;
}

/** Precision of direct answers and the share of answerable questions answered directly. */
function measure(cases: Case[], answers: (c: Case) => boolean): { precision: number; share: number; direct: number; right: number } {
  const direct = cases.filter(answers);
  const right = direct.filter((c) => c.right).length;
  const answerable = cases.filter((c) => c.answerable);
  return {
    precision: direct.length ? right / direct.length : 0,
    share: answerable.length ? answerable.filter(answers).length / answerable.length : 0,
    direct: direct.length,
    right,
  };
}

function fit(rows: Row[], target: number): void {
  // The messages that reach the decision: not a risk, not a request.
  const cases: Case[] = rows.flatMap((row) =>
    row.features && row.kind !== 'safeguarding' && row.kind !== 'intent'
      ? [{ row, features: row.features, right: row.top[0] === row.expect, answerable: row.expect.startsWith('kb:'), fixed: fixedRule(row.features) }]
      : [],
  );
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  const sets = [...new Set(cases.map((c) => c.row.set))];
  process.stdout.write(`${cases.length} messages reach the decision; the best article is right for ${cases.filter((c) => c.right).length}\n`);
  process.stdout.write('left out          | fixed rules: precision, share (right / direct) | calibrated: precision, share (right / direct), threshold\n');
  for (const set of sets) {
    const model = calibrate(
      cases.filter((c) => c.row.set !== set),
      target,
    );
    const held = cases.filter((c) => c.row.set === set);
    const before = measure(held, (c) => c.fixed);
    const after = measure(held, (c) => c.fixed && answerProbability(c.features, model) >= model.threshold);
    process.stdout.write(
      `${set.padEnd(17)} | ${pct(before.precision)}, ${pct(before.share)} (${before.right} / ${before.direct}) | ${pct(after.precision)}, ${pct(after.share)} (${after.right} / ${after.direct}), ${model.threshold}\n`,
    );
  }
  const model = calibrate(cases, target);
  const all = measure(cases, (c) => c.fixed && answerProbability(c.features, model) >= model.threshold);
  process.stdout.write(`all sets, fitted on all: ${pct(all.precision)}, ${pct(all.share)} (${all.right} / ${all.direct})\n`);
  // Where the wrong answers lie: a threshold asks instead, but cannot make the best article the right one.
  const wrong = (answers: (c: Case) => boolean) => {
    const w = cases.filter((c) => answers(c) && !c.right);
    const near = w.filter((c) => c.row.top.slice(1, 3).includes(c.row.expect)).length;
    const none = w.filter((c) => !c.answerable).length;
    return `${w.length} (the right article second or third: ${near}; a question no article answers: ${none}; the right article not in the best three: ${w.length - near - none})`;
  };
  process.stdout.write(`wrong direct answers, fixed rules: ${wrong((c) => c.fixed)}\n`);
  process.stdout.write(`wrong direct answers, calibrated: ${wrong((c) => c.fixed && answerProbability(c.features, model) >= model.threshold)}\n`);
  process.stdout.write(`DEFAULT_ANSWER_MODEL = ${JSON.stringify(model)}\n`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const target = Number(option('--target') ?? '0.98');
  const from = option('--rows');
  const rows = from
    ? fs
        .readFileSync(from, 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as Row)
    : await collect();
  const save = option('--save');
  if (save) fs.writeFileSync(save, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  fit(rows, target);
}

main().catch((err: Error) => {
  process.stderr.write(`calibrateAnswers failed: ${err.message}\n`);
  process.exit(1);
});
