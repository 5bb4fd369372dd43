/**
 * `npm run eval -- FILE`: route evaluation. Each JSON line {"text", "expect"} is sent as the
 * first message of a fresh conversation through the same bot residents talk to; the last
 * line of stdout is one JSON object with accuracy, per-label scores, the errors and `knowledge`
 * (how many questions an article answers were answered straight away, and how precisely).
 * Exits 0 whatever the score (other tools read the JSON).
 */
import fs from 'node:fs';
import { buildEvalAssistant } from './lib/evalAssistant';
import { localeOrExit } from './lib/localeArg';
import { directAnswers, routeTraceOf, score, type EvalCase } from './lib/routeEvaluation';

async function main(): Promise<void> {
  const { locale, rest } = localeOrExit(process.argv.slice(2));
  const file = rest.find((a) => !a.startsWith('--'));
  if (!file) {
    process.stderr.write('usage: npm run eval -- FILE.jsonl [--locale cy-GB]   (lines of {"text": …, "expect": intent | kb:<id> | none})\n');
    process.exit(2);
  }
  const cases: EvalCase[] = [];
  fs.readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      try {
        const row = JSON.parse(line) as { text?: unknown; expect?: unknown };
        if (typeof row.text !== 'string' || typeof row.expect !== 'string') throw new Error('needs "text" and "expect" strings');
        cases.push({ text: row.text, expect: row.expect });
      } catch (err) {
        process.stderr.write(`${file}:${i + 1}: skipped: ${(err as Error).message}\n`);
      }
    });

  const assistant = buildEvalAssistant(locale);
  const got: string[] = [];
  const kinds: Array<string | undefined> = [];
  for (const [i, c] of cases.entries()) {
    const trace = await routeTraceOf(assistant.bot, c.text, `eval-${i}`);
    got.push(trace?.label ?? 'none');
    kinds.push(trace?.kind);
  }
  const report = { ...score(cases, got), knowledge: directAnswers(cases, kinds, got) };

  const width = Math.max(8, ...Object.keys(report.labels).map((l) => l.length));
  process.stdout.write(`${'label'.padEnd(width)}  precision  recall  f1      support\n`);
  for (const [label, s] of Object.entries(report.labels)) {
    process.stdout.write(
      `${label.padEnd(width)}  ${s.precision.toFixed(3).padStart(9)}  ${s.recall.toFixed(3).padStart(6)}  ${s.f1.toFixed(3)}  ${String(s.support).padStart(7)}\n`,
    );
  }
  for (const e of report.errors) process.stdout.write(`✗ ${JSON.stringify(e.text)}: expected ${e.expected}, got ${e.got}\n`);
  process.stdout.write(`accuracy ${(report.accuracy * 100).toFixed(1)}% (${report.correct}/${report.total})\n`);
  const k = report.knowledge;
  if (k.answerable > 0) {
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    process.stdout.write(
      `answered straight away: ${pct(k.directShare)} of ${k.answerable} questions an article answers ("Did you mean" ${pct(k.clarified)}); precision of those answers ${pct(k.directPrecision)} (${k.directCorrect}/${k.direct})\n`,
    );
  }
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

main().catch((err: Error) => {
  process.stderr.write(`eval failed: ${err.message}\n`);
  process.exit(1);
});
