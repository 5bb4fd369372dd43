/**
 * `npx tsx scripts/riskGloss.ts FILE.jsonl|FILE.yaml …`: the Welsh gloss alone (intents/riskGloss.ts read by the English
 * detector) on Welsh safeguarding sets: per category, the risk messages it catches and, on near misses, its false
 * alarms; beside it, what the whole Welsh detector catches and how many of those only the gloss decided (its classifier
 * counts there only with the Welsh classifier's support: SafeguardingDetector.supports). The messages' text and glosses are never printed, so a
 * blind development set can be measured this way without being read (docs/safeguarding.md, thirteenth round). Refuses a
 * sealed set. On the Welsh risk classifier's training files (intents/risk/cy-GB/*.yaml), which neither the word list nor
 * the English detector was written from, the gloss alone is measured out of sample; the whole detector there is not.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { buildEvalAssistant } from './lib/evalAssistant';

const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (files.length === 0 || files.some((f) => f.includes('sealed'))) {
  process.stderr.write('usage: npx tsx scripts/riskGloss.ts FILE.jsonl … (Welsh sets, never a sealed one)\n');
  process.exit(2);
}
const { detector } = buildEvalAssistant('cy-GB');

interface Line {
  text: string;
  risk: boolean;
  category?: string;
}

/** A JSON Lines set, or a risk training file (intents/risk/cy-GB/<category>.yaml, none*.yaml: none are near misses). */
function linesOf(file: string): Line[] {
  const text = fs.readFileSync(file, 'utf8');
  if (!file.endsWith('.yaml'))
    return text
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as Line);
  const data = parse(text) as { intent: string; examples: (string | { text: string })[] };
  return data.examples.map((e) => {
    const t = typeof e === 'string' ? e : e.text;
    return data.intent === 'none' ? { text: t, risk: false } : { text: t, risk: true, category: data.intent };
  });
}

interface Tally {
  n: number;
  gloss: number;
  rightCategory: number;
  whole: number;
  decidedByGloss: number;
}

for (const file of files) {
  const lines = linesOf(file);
  const tally = new Map<string, Tally>();
  for (const line of lines) {
    const key = line.risk ? (line.category ?? '-') : 'near miss';
    const t = tally.get(key) ?? { n: 0, gloss: 0, rightCategory: 0, whole: 0, decidedByGloss: 0 };
    const trace = detector.explainGlossed(line.text);
    const glossed = trace?.verdict;
    if (process.argv.includes('--deciders') && glossed?.risk)
      process.stdout.write(`  ${key}\t${glossed.category}\t${glossed.reason}\t${(trace?.whole?.score ?? 0).toFixed(2)}\n`);
    if (glossed?.risk) t.gloss++;
    if (glossed?.risk && glossed.category === line.category) t.rightCategory++;
    const whole = detector.check(line.text);
    if (whole.risk) t.whole++;
    if (whole.reason?.startsWith('gloss: ')) t.decidedByGloss++;
    t.n++;
    tally.set(key, t);
  }
  const risk = [...tally]
    .filter(([k]) => k !== 'near miss')
    .reduce((a, [, t]) => ({ n: a.n + t.n, gloss: a.gloss + t.gloss, whole: a.whole + t.whole }), { n: 0, gloss: 0, whole: 0 });
  const near = tally.get('near miss') ?? { n: 0, gloss: 0, rightCategory: 0, whole: 0, decidedByGloss: 0 };
  process.stdout.write(`${path.basename(file)}\n`);
  for (const [key, t] of [...tally].sort(([a], [b]) => a.localeCompare(b)))
    process.stdout.write(
      `  ${key.padEnd(18)} ${String(t.n).padStart(4)}  gloss ${String(t.gloss).padStart(3)} (right category ${t.rightCategory})  whole detector ${t.whole} (by the gloss ${t.decidedByGloss})\n`,
    );
  process.stdout.write(
    `${JSON.stringify({ file: path.basename(file), risk: risk.n, glossCaught: risk.gloss, glossRecall: risk.n ? risk.gloss / risk.n : 0, nearMiss: near.n, glossFalseAlarms: near.gloss, wholeCaught: risk.whole, wholeFalseAlarms: near.whole })}\n`,
  );
}
