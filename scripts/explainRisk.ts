/**
 * `npx tsx scripts/explainRisk.ts [--locale cy-GB] "message" ["message" …]`: why the safeguarding check flags (or
 * not) each message: the rules that matched, the risk classifier's best guess for the whole
 * message and for each clause, and the verdict. For reviewing a false alarm or a miss (see
 * docs/safeguarding.md) before deciding what kind of fix it needs. Prints to the terminal only.
 */
import { buildEvalAssistant } from './lib/evalAssistant';
import { localeOrExit } from './lib/localeArg';
import type { RiskGuess } from '../intents/riskClassifier';

const { locale, rest: texts } = localeOrExit(process.argv.slice(2));
if (texts.length === 0) {
  process.stderr.write('usage: npx tsx scripts/explainRisk.ts [--locale cy-GB] "message" ["message" …]\n');
  process.exit(2);
}
const { router, recognizer, detector } = buildEvalAssistant(locale);
const shown = (g: RiskGuess | undefined) => (g ? `${g.category} ${g.score.toFixed(2)}${g.notRiskWins ? ' (not-a-risk wins)' : ''}` : '-');

/** A language read through a gloss (Welsh): the gloss as the other detector reads it, what it decided and why. */
function glossLines(text: string): string[] {
  const g = detector.explainGlossed(text);
  if (!g) return [];
  const decided = g.verdict.risk ? `RISK ${g.verdict.category ?? ''} by ${g.verdict.reason}` : 'not a risk';
  return [`  gloss:      ${g.folded}`, `    rules ${g.rules.join(', ') || '-'}; classifier ${shown(g.whole)}; ${decided} (counts only by the gate)`];
}

async function main(): Promise<void> {
  for (const text of texts) {
    const trace = router.explainRisk(text, await recognizer.recognize(text));
    const out = [
      JSON.stringify(text),
      `  folded:     ${trace.folded}`,
      `  rules:      ${trace.rules.join(', ') || '-'}${trace.longPast ? ' (told as long past: left to the classifier)' : ''}${trace.asSubject ? ' (spoken of as a subject: left to the classifier)' : ''}`,
      `  classifier: ${shown(trace.whole)}`,
      ...trace.clauses.map((c) => `  clause:     ${shown(c.guess)}  ${JSON.stringify(c.clause)}`),
      ...glossLines(text),
      `  verdict:    ${trace.verdict.risk ? `RISK ${trace.verdict.category ?? ''} by ${trace.verdict.reason}` : 'not a risk'}`,
    ];
    process.stdout.write(`${out.join('\n')}\n`);
  }
}

main().catch((err: Error) => {
  process.stderr.write(`explainRisk failed: ${err.message}\n`);
  process.exit(1);
});
