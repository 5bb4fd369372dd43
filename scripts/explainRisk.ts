import { buildEvalAssistant } from './lib/evalAssistant';
import { clausesOf } from '../intents/messageClauses';
import { normaliseForRules } from '../intents/safeguardingRules';

const a = buildEvalAssistant();
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const det: any = (a.router as any).safeguarding;
const texts = process.argv.slice(2);
for (const text of texts) {
  const spelled = det.spellings.reduce((s: string, sp: any) => s.replace(sp.pattern, sp.standsFor), normaliseForRules(text));
  const folded = det.idioms.reduce((s: string, i: RegExp) => s.replace(i, ' '), spelled).replace(/\s+/g, ' ').trim();
  const rules = det.rules.filter((r: any) => r.patterns.some((p: RegExp) => p.test(folded)) && !r.unless.some((u: RegExp) => u.test(folded))).map((r: any) => r.name);
  const rc = det.riskClassifier.classifier;
  const c = rc.classify(folded === normaliseForRules(text) ? text : folded);
  console.log(`\n${JSON.stringify(text)}\n  folded: ${folded}\n  rules: ${rules.join(', ') || '-'}\n  whole: ${c.intent} ${c.ranking.slice(0, 3).map((r: any) => `${r.intent}:${r.score.toFixed(2)}`).join(' ')}`);
  for (const cl of clausesOf(text)) {
    const g = rc.classify(cl);
    console.log(`  clause ${JSON.stringify(cl)}: ${g.intent} ${g.ranking.slice(0, 2).map((r: any) => `${r.intent}:${r.score.toFixed(2)}`).join(' ')}`);
  }
  console.log(`  verdict: ${JSON.stringify(det.check(text))}`);
}
