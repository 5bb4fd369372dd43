/**
 * `npx tsx scripts/riskClauseAudit.ts [OUT.jsonl]`: every message of the English development sets that the safeguarding check
 * flags with no rule (the classifier's verdict), as JSON lines of {set, risk, text, whole, clauses, got, reason}, and a summary of
 * those a clause alone decided (the whole message's vote not counted): how many were risks and how many ordinary. The
 * evidence for ENGLISH_CLAUSE_GATE (intents/safeguardingDetector.ts). Never reads the sealed sets.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { DEFAULT_RISK_OVERRIDE, DEFAULT_RISK_OVERRIDES } from '../intents/riskClassifier';
import type { RiskCategory } from '../intents/riskTaxonomy';
import { buildEvalAssistant } from './lib/evalAssistant';
const ROOT = path.resolve(__dirname, '..');
const { router } = buildEvalAssistant();
interface Row {
  set: string;
  risk: boolean;
  text: string;
  whole?: { category: string; score: number; notRiskWins: boolean };
  clauses: unknown[];
  got?: string;
  reason?: string;
}
const out: Row[] = [];
function explain(set: string, text: string, risk: boolean) {
  const t = router.explainRisk(text);
  if (!t.verdict.risk || t.rules.length) return;
  out.push({
    set,
    risk,
    text,
    whole: t.whole,
    clauses: t.clauses.map((c) => [c.clause, c.guess?.category, c.guess?.score]),
    got: t.verdict.category,
    reason: t.verdict.reason,
  });
}
const jsonl = (f: string): Array<{ text: string; risk?: boolean; expect?: string }> =>
  fs
    .readFileSync(path.join(ROOT, f), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
for (const f of ['dev', 'dev2', 'dev3', 'dev4', 'dev5', 'dev6', 'dev7', 'dev8', 'dev9', 'dev10', 'cases'])
  for (const c of jsonl(`tests/safeguarding/${f}.jsonl`)) explain(f, c.text, !!c.risk);
for (const f of ['dev', 'kb-blind-dev', 'kb-blind3-dev', 'kb-blind4-dev', 'kb-blind5-dev', 'knowledge-check'])
  for (const c of jsonl(`tests/eval/${f}.jsonl`)) if (c.expect !== 'safeguarding' && !c.risk) explain('eval/' + f, c.text, false);
for (const dir of ['blind-dev', 'blind-dev2', 'blind3-dev', 'blind4-dev', 'blind5-dev', 'blind6-dev']) {
  const d = path.join(ROOT, 'tests', 'conversations', dir);
  for (const f of fs.readdirSync(d).filter((x) => x.endsWith('.yaml'))) {
    const doc = parse(fs.readFileSync(path.join(d, f), 'utf8')) as { steps?: Array<{ user?: string; expect?: unknown }> };
    for (const s of doc.steps ?? []) if (typeof s.user === 'string') explain('conv/' + dir, s.user, /safeguard|"999"/.test(JSON.stringify(s.expect ?? {})));
  }
}
if (process.argv[2]) fs.writeFileSync(process.argv[2], out.map((o) => JSON.stringify(o)).join('\n') + '\n');
const byClause = out.filter(
  (o) => o.whole?.notRiskWins && !(o.whole.score >= (DEFAULT_RISK_OVERRIDES[o.whole.category as RiskCategory] ?? DEFAULT_RISK_OVERRIDE)),
);
console.log(
  `flagged by the classifier: ${out.length}; by a clause alone: ${byClause.length} (risks ${byClause.filter((o) => o.risk).length}, ordinary ${byClause.filter((o) => !o.risk).length})`,
);
for (const o of byClause) console.log(`${o.risk ? 'risk    ' : 'ordinary'} ${o.set}: ${o.text.slice(0, 100)}`);
