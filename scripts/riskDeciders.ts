/**
 * `npx tsx scripts/riskDeciders.ts [--locale cy-GB] FILE.jsonl …`: for each line of a safeguarding set, what decided it,
 * a rule (named) or the risk classifier (with its score for the whole message), and a count per category of risk
 * messages caught by a rule, by the classifier or missed, and near misses flagged. The messages' text is never printed,
 * so a blind development set can be measured this way without its wording being read (docs/safeguarding.md, eleventh
 * round). Refuses a sealed set.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildEvalAssistant } from './lib/evalAssistant';
import { localeOrExit } from './lib/localeArg';

const { locale, rest: files } = localeOrExit(process.argv.slice(2));
if (files.length === 0 || files.some((f) => f.includes('sealed'))) {
  process.stderr.write('usage: npx tsx scripts/riskDeciders.ts [--locale cy-GB] FILE.jsonl … (never a sealed set)\n');
  process.exit(2);
}
const { router, recognizer } = buildEvalAssistant(locale);

interface Line {
  text: string;
  risk: boolean;
  category?: string;
}

async function main(): Promise<void> {
  for (const file of files) {
    const lines = fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as Line);
    const tally = new Map<string, number>();
    for (const [i, line] of lines.entries()) {
      const trace = router.explainRisk(line.text, await recognizer.recognize(line.text));
      const { verdict } = trace;
      const by = !verdict.risk ? 'none' : verdict.reason === 'risk classifier' ? 'classifier' : 'rule';
      const kind = line.risk ? `risk ${line.category ?? '-'}` : 'near miss';
      if (line.risk || verdict.risk) {
        const decided = by === 'classifier' ? `classifier ${(trace.whole?.score ?? 0).toFixed(2)}` : by === 'rule' ? `rule "${verdict.reason}"` : 'missed';
        process.stdout.write(`${path.basename(file)}:${i + 1}\t${kind}\t${verdict.category ?? '-'}\t${decided}\n`);
      }
      tally.set(`${kind}\t${by}`, (tally.get(`${kind}\t${by}`) ?? 0) + 1);
    }
    for (const [key, n] of [...tally].sort(([a], [b]) => a.localeCompare(b))) process.stdout.write(`  ${key}\t${n}\n`);
  }
}

main().catch((err: Error) => {
  process.stderr.write(`riskDeciders failed: ${err.message}\n`);
  process.exit(1);
});
