/**
 * `npx tsx scripts/riskThresholdCv.ts MARGINS.json`: chooses the risk classifier's per-category
 * overrides (RiskClassifier `overrides`: the score at which a category counts although the
 * not-a-risk class is on top) by leaving one tests/safeguarding development set out at a time, and
 * prints how the choice does on the set left out, so the figure is not measured on what chose it.
 * MARGINS.json comes from `npx tsx scripts/riskMargins.ts MARGINS.json` run with overrides off
 * (DEFAULT_RISK_OVERRIDES = {}); the detector's decision is replayed from its rows (rules, whole
 * message, clauses) with the same thresholds as intents/safeguardingDetector.ts. A category's
 * override is the lowest score on the grid that adds no false alarm on the other sets' near misses
 * nor on any ordinary message (tests/eval, the dev conversations); `--categories=` limits the
 * overrides to those categories. Never reads the sealed sets.
 */
import fs from 'node:fs';
import { DEFAULT_RISK_OVERRIDE } from '../intents/riskClassifier';
import { RISK_CATEGORIES, type RiskCategory } from '../intents/riskTaxonomy';
import { DEFAULT_CLAUSE_SUPPORT, DEFAULT_CLAUSE_THRESHOLD, DEFAULT_WEAK_SCORE } from '../intents/safeguardingDetector';

interface Guess {
  category: RiskCategory;
  score: number;
  notRiskWins: boolean;
}
interface Row {
  set: string;
  text: string;
  risk: boolean;
  category?: string;
  flagged: boolean;
  reason?: string;
  whole?: Guess;
  clauses: Array<{ clause: string; guess?: Guess }>;
}
type Overrides = Partial<Record<RiskCategory, number>>;

const file = process.argv.slice(2).find((a) => !a.startsWith('--'));
const only = process.argv
  .find((a) => a.startsWith('--categories='))
  ?.slice('--categories='.length)
  .split(',');
const categories = RISK_CATEGORIES.filter((c) => !only || only.includes(c));
if (!file) {
  process.stderr.write('usage: npx tsx scripts/riskThresholdCv.ts MARGINS.json [--categories=immediate_danger,…] (from scripts/riskMargins.ts)\n');
  process.exit(2);
}
const rows = fs
  .readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Row);
const held = [...new Set(rows.filter((r) => r.set.startsWith('safeguarding/')).map((r) => r.set))];

function counts(g: Guess | undefined, min: number, ov: Overrides): boolean {
  return !!g && g.score >= min && (!g.notRiskWins || g.score >= (ov[g.category] ?? DEFAULT_RISK_OVERRIDE));
}

function flagged(r: Row, ov: Overrides): boolean {
  if (r.flagged && r.reason !== 'risk classifier') return true;
  const whole =
    counts(r.whole, 0, ov) &&
    (r.whole!.score >= DEFAULT_WEAK_SCORE || r.clauses.length < 2 || r.clauses.some((c) => (c.guess?.score ?? 0) >= DEFAULT_CLAUSE_SUPPORT));
  return whole || r.clauses.some((c) => counts(c.guess, DEFAULT_CLAUSE_THRESHOLD, ov));
}

function score(subset: Row[], ov: Overrides): { risk: number; caught: number; ordinary: number; alarms: number; danger: number; dangerCaught: number } {
  const s = { risk: 0, caught: 0, ordinary: 0, alarms: 0, danger: 0, dangerCaught: 0 };
  for (const r of subset) {
    const f = flagged(r, ov);
    if (r.risk) {
      s.risk++;
      if (f) s.caught++;
      if (r.category === 'immediate_danger') {
        s.danger++;
        if (f) s.dangerCaught++;
      }
    } else {
      s.ordinary++;
      if (f) s.alarms++;
    }
  }
  return s;
}

function choose(train: Row[]): Overrides {
  const base = score(train, {}).alarms;
  const chosen: Overrides = {};
  for (const c of categories) {
    for (let t = 99; t >= 30; t--) {
      if (score(train, { [c]: t / 100 }).alarms > base) break;
      chosen[c] = t / 100;
    }
  }
  return chosen;
}

const replayed = rows.filter((r) => flagged(r, {}) !== r.flagged).length;
if (replayed) process.stderr.write(`warning: ${replayed} rows decide differently when replayed; were the margins written with overrides off?\n`);
const fmt = (s: ReturnType<typeof score>) =>
  `recall ${s.caught}/${s.risk} (${((s.caught / s.risk) * 100).toFixed(1)}%), immediate danger ${s.dangerCaught}/${s.danger}, false alarms ${s.alarms}/${s.ordinary}`;
let before = { caught: 0, risk: 0 };
let after = { caught: 0, risk: 0 };
for (const set of held) {
  const ov = choose(rows.filter((r) => r.set !== set));
  const test = rows.filter((r) => r.set === set);
  const b = score(test, {});
  const a = score(test, ov);
  before = { caught: before.caught + b.caught, risk: before.risk + b.risk };
  after = { caught: after.caught + a.caught, risk: after.risk + a.risk };
  process.stdout.write(`held out ${set}: overrides ${JSON.stringify(ov)}\n  without ${fmt(b)}\n  with    ${fmt(a)}\n`);
}
process.stdout.write(`pooled held-out recall: without ${before.caught}/${before.risk}, with ${after.caught}/${after.risk}\n`);
process.stdout.write(`chosen on every set: ${JSON.stringify(choose(rows))}\n`);
