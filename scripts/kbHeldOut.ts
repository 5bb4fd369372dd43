// npx tsx scripts/kbHeldOut.ts [-v]: a generalisation proxy for knowledge search, 5-fold over the articles' own questions and the out-of-scope examples (never an eval set): each held-out question is matched against the rest.
import path from 'node:path';
import { loadArticles } from '../knowledge/articleLoader';
import { MiniSearchKnowledgeBase } from '../knowledge/knowledgeBase';
import { loadSynonyms } from '../knowledge/synonyms';
import { TextAnalyser } from '../knowledge/textAnalyser';
import { loadTrainingData } from '../intents/trainingData';
import { DEFAULT_THRESHOLDS as t } from '../dialogs/router';
const root = path.resolve(__dirname, '..');
const { articles } = loadArticles(path.join(root, 'knowledge/articles'));
const analyser = new TextAnalyser(loadSynonyms(path.join(root, 'knowledge/synonyms.yaml')));
const training = loadTrainingData(path.join(root, 'intents/data'));
const intents = training.intents
  .filter((d) => d.intent !== 'none' && d.intent !== 'safeguarding')
  .map((d) => ({ intent: d.intent, examples: d.examples.map((e) => e.text) }));
const oos = training.intents.find((d) => d.intent === 'none')!.examples.map((e) => e.text);
const K = 5;
let right = 0,
  wrong = 0,
  none = 0,
  n = 0,
  oosAnswered = 0,
  oosN = 0;
const wrongs: string[] = [];
for (let f = 0; f < K; f++) {
  const held: Array<{ q: string; id: string }> = [];
  const arts = articles
    .filter((a) => a.status !== 'draft')
    .map((a) => ({
      ...a,
      questions: a.questions.filter((q, i) => {
        const h = (i + a.id.length) % K === f && a.questions.length > 2;
        if (h) held.push({ q, id: a.id });
        return !h;
      }),
    }));
  const heldOos = oos.filter((_, i) => i % K === f);
  const kb = new MiniSearchKnowledgeBase(arts, analyser, { intents, outOfScope: oos.filter((_, i) => i % K !== f) });
  const answer = (text: string) => {
    const r = kb.retrieve(text);
    const top = r.articles[0];
    if (!top || top.confidence < t.kbAnswer) return undefined;
    const beats = top.confidence > r.outOfScope + t.outOfScopeMargin || top.beyondOutOfScope >= t.beyondOutOfScope;
    return beats ? top.article.id : undefined;
  };
  for (const { q, id } of held) {
    n++;
    const got = answer(q);
    if (got === id) right++;
    else if (got) {
      wrong++;
      wrongs.push(`${q} :: ${id} -> ${got}`);
    } else none++;
  }
  for (const q of heldOos) {
    oosN++;
    if (answer(q)) {
      oosAnswered++;
      wrongs.push(`OOS ${q} -> ${answer(q)}`);
    }
  }
}
const pct = (x: number, d: number) => `${((100 * x) / d).toFixed(1)}%`;
if (process.argv.includes('-v')) console.log(wrongs.join('\n'));
console.log(
  `held-out questions ${n}: answered right ${pct(right, n)}, wrong ${pct(wrong, n)}, no answer ${pct(none, n)}; precision ${pct(right, right + wrong)}; out-of-scope answered ${oosAnswered}/${oosN}`,
);
