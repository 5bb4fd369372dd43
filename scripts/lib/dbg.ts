import { buildEvalAssistant } from './evalAssistant';
const a = buildEvalAssistant();
for (const t of process.argv.slice(2)) {
  const k = (a.knowledge as any).retrieve(t);
  console.log(JSON.stringify(t), 'art', k.articles.slice(0,4).map((x:any)=>x.article.id+':'+x.confidence.toFixed(2)).join(' '), 'oos', k.outOfScope.toFixed(2), 'int', k.intents.slice(0,2).map((x:any)=>x.intent+':'+x.confidence.toFixed(2)).join(' '));
}
