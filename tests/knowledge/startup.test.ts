import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../bot/logger';
import { loadTrainingData } from '../../intents/trainingData';
import { buildKnowledgeBase } from '../../knowledge/loadKnowledge';
import { INTENTS, SYNONYMS, copyOfArticles } from './helpers';

describe('knowledge base start-up', () => {
  it('logs an article with broken front matter by file name and carries on without it', () => {
    const dir = copyOfArticles();
    const total = fs.readdirSync(dir).length;
    const broken = path.join(dir, 'planning.md');
    fs.writeFileSync(broken, fs.readFileSync(broken, 'utf8').replace(/^title: .*$/m, 'title: [Planning: broken'));
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const kb = buildKnowledgeBase({ articlesDir: dir, synonymsPath: SYNONYMS, intents: loadTrainingData(INTENTS).intents }, createLogger('info', sink));
    expect(kb.size).toBe(total - 1);
    expect(kb.get('planning')).toBeUndefined();
    expect(kb.search('how do i pay my council tax', 1)[0].article.id).toBe('council-tax-pay');
    const logged = lines.map((l) => JSON.parse(l) as { msg: string; file: string; level: number });
    const warning = logged.find((l) => l.msg.includes('knowledge article problem'));
    expect(warning?.file).toContain('planning.md');
    expect(warning?.level).toBe(40);
  });
});
