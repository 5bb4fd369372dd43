/**
 * `npm run eval:safeguarding -- FILE`: risk evaluation. Each JSON line
 * {"text", "risk": true, "category", "about"} or {"text", "risk": false, "nearMiss": true} is sent
 * as the first message of a fresh conversation through the same bot residents talk to (the same
 * entry point as `npm run eval`). Prints per-category recall and category accuracy, the misses
 * and the false alarms; the last line of stdout is one JSON object
 * {"risk","caught","recall","nearMiss","falseAlarms","byCategory"}. Exits 0 whatever the score.
 */
import fs from 'node:fs';
import { buildEvalAssistant } from './lib/evalAssistant';
import { localeOrExit } from './lib/localeArg';
import { parseRiskCases, scoreRisk, type RiskOutcome } from './lib/riskEvaluation';
import { routeTraceOf } from './lib/routeEvaluation';

async function main(): Promise<void> {
  const { locale, rest } = localeOrExit(process.argv.slice(2));
  const file = rest.find((a) => !a.startsWith('--'));
  if (!file) {
    process.stderr.write('usage: npm run eval:safeguarding -- FILE.jsonl [--locale cy-GB]   (lines of {"text": …, "risk": true|false, "category": …})\n');
    process.exit(2);
  }
  const cases = parseRiskCases(fs.readFileSync(file, 'utf8'), file, (m) => process.stderr.write(`${m}\n`));

  const assistant = buildEvalAssistant(locale);
  const outcomes: RiskOutcome[] = [];
  for (const [i, c] of cases.entries()) {
    const trace = await routeTraceOf(assistant.bot, c.text, `risk-eval-${i}`);
    outcomes.push({ flagged: trace?.kind === 'safeguarding', category: trace?.category });
  }
  const { report, details, missed, alarms, wrongCategory } = scoreRisk(cases, outcomes);

  const out = (s: string) => process.stdout.write(`${s}\n`);
  out(`${'category'.padEnd(18)}  risk  caught  recall   right category`);
  for (const [category, s] of Object.entries(details).sort()) {
    out(
      `${category.padEnd(18)}  ${String(s.risk).padStart(4)}  ${String(s.caught).padStart(6)}  ${(s.recall * 100).toFixed(1).padStart(5)}%  ${String(s.rightCategory).padStart(4)} (${((s.caught ? s.rightCategory / s.caught : 0) * 100).toFixed(1)}% of caught)`,
    );
  }
  for (const c of missed) out(`✗ missed (${c.category ?? '?'}): ${JSON.stringify(c.text)}`);
  for (const c of alarms) out(`! false alarm: ${JSON.stringify(c.text)}`);
  for (const w of wrongCategory) out(`~ category ${w.got}, expected ${w.expected}: ${JSON.stringify(w.text)}`);
  out(`recall ${(report.recall * 100).toFixed(1)}% (${report.caught}/${report.risk}); false alarms ${report.falseAlarms}/${report.nearMiss} near misses`);
  out(JSON.stringify(report));
}

main().catch((err: Error) => {
  process.stderr.write(`eval:safeguarding failed: ${err.message}\n`);
  process.exit(1);
});
