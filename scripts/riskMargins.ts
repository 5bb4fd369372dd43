/**
 * `npx tsx scripts/riskMargins.ts [OUT.json]`: how the safeguarding check decides every message of
 * the development sets (tests/safeguarding dev, dev2, dev3, dev4, dev5, dev6, dev7, dev8 and cases; the ordinary questions of
 * tests/eval dev, kb-blind-dev and knowledge-check; every resident turn of the dev conversations, blind-dev and blind-dev2),
 * written as JSON lines of {set, text, risk, category, rules, whole, clauses, flagged, reason, got}
 * for choosing the detector's thresholds. Prints a summary per set. Never reads the sealed sets.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { buildEvalAssistant } from './lib/evalAssistant';

const ROOT = path.resolve(__dirname, '..');
const { router } = buildEvalAssistant();
const rows: object[] = [];
const counts = new Map<string, { risk: number; caught: number; ordinary: number; alarms: number }>();

function explain(set: string, text: string, risk: boolean, category?: string): void {
  const t = router.explainRisk(text);
  rows.push({
    set,
    text,
    risk,
    category,
    rules: t.rules,
    whole: t.whole,
    clauses: t.clauses,
    flagged: t.verdict.risk,
    reason: t.verdict.reason,
    got: t.verdict.category,
  });
  const c = counts.get(set) ?? { risk: 0, caught: 0, ordinary: 0, alarms: 0 };
  if (risk) {
    c.risk++;
    if (t.verdict.risk) c.caught++;
  } else {
    c.ordinary++;
    if (t.verdict.risk) c.alarms++;
  }
  counts.set(set, c);
}

const jsonl = (file: string) =>
  fs
    .readFileSync(path.join(ROOT, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { text: string; risk?: boolean; category?: string; expect?: string });
for (const f of ['dev', 'dev2', 'dev3', 'dev4', 'dev5', 'dev6', 'dev7', 'dev8', 'cases'])
  for (const c of jsonl(`tests/safeguarding/${f}.jsonl`)) explain(`safeguarding/${f}`, c.text, !!c.risk, c.category);
for (const f of ['dev', 'kb-blind-dev', 'knowledge-check'])
  for (const c of jsonl(`tests/eval/${f}.jsonl`)) if (c.expect !== 'safeguarding' && !c.risk) explain(`eval/${f}`, c.text, false);
for (const dir of ['blind-dev', 'blind-dev2']) {
  const convDir = path.join(ROOT, 'tests', 'conversations', dir);
  for (const f of fs.readdirSync(convDir).filter((x) => x.endsWith('.yaml'))) {
    const doc = parse(fs.readFileSync(path.join(convDir, f), 'utf8')) as { steps?: Array<{ user?: string; expect?: unknown }> };
    for (const [i, s] of (doc.steps ?? []).entries()) {
      if (typeof s.user === 'string')
        explain(i === 0 ? 'conversations/first' : 'conversations/later', s.user, /safeguard|"999"/.test(JSON.stringify(s.expect ?? {})));
    }
  }
}
const out = process.argv[2];
if (out) fs.writeFileSync(out, `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);
for (const [set, c] of counts) process.stdout.write(`${set.padEnd(22)} risk ${c.caught}/${c.risk}  alarms ${c.alarms}/${c.ordinary}\n`);
