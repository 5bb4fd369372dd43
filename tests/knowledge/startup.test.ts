import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../platform/logger';
import { loadTrainingData } from '../../intents/trainingData';
import { buildKnowledgeBase } from '../../knowledge/loadKnowledge';
import { INTENTS, SYNONYMS, copyOfArticles } from './helpers';

function logSink(lines: string[]): Writable {
  return new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
}

describe('knowledge base start-up', () => {
  it('logs an article with broken front matter by file name and carries on without it', () => {
    const dir = copyOfArticles();
    const total = fs.readdirSync(dir).length;
    const broken = path.join(dir, 'planning.md');
    fs.writeFileSync(broken, fs.readFileSync(broken, 'utf8').replace(/^title: .*$/m, 'title: [Planning: broken'));
    const lines: string[] = [];
    const sink = logSink(lines);
    const kb = buildKnowledgeBase({ articlesDir: dir, synonymsPath: SYNONYMS, intents: loadTrainingData(INTENTS).intents }, createLogger('info', sink));
    expect(kb.size).toBe(total - 1);
    expect(kb.get('planning')).toBeUndefined();
    expect(kb.search('how do i pay my council tax', 1)[0].article.id).toBe('council-tax-pay');
    const logged = lines.map((l) => JSON.parse(l) as { msg: string; file: string; level: number });
    const warning = logged.find((l) => l.msg.includes('knowledge article problem'));
    expect(warning?.file).toContain('planning.md');
    expect(warning?.level).toBe(40);
  });

  it('leaves drafts out of the answers and logs how many there are', () => {
    const dir = copyOfArticles();
    const total = fs.readdirSync(dir).length;
    const noise = path.join(dir, 'noise.md');
    fs.writeFileSync(noise, fs.readFileSync(noise, 'utf8').replace(/^id: noise$/m, 'id: noise\nstatus: draft'));
    const lines: string[] = [];
    const sink = logSink(lines);
    const kb = buildKnowledgeBase({ articlesDir: dir, synonymsPath: SYNONYMS, intents: loadTrainingData(INTENTS).intents }, createLogger('info', sink));
    expect(kb.size).toBe(total - 1);
    expect(kb.get('noise')).toBeUndefined();
    expect(kb.search('noisy neighbours', 3).map((m) => m.article.id)).not.toContain('noise');
    const logged = lines.map((l) => JSON.parse(l) as { msg: string; drafts?: number });
    expect(logged.find((l) => l.msg.includes('draft knowledge articles'))?.drafts).toBe(1);
  });
});
