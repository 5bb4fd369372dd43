import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTrainingData } from '../../intents/trainingData';
import { linkProblems, validateKnowledge } from '../../knowledge/validateKnowledge';
import { ARTICLES, INTENTS, SYNONYMS, copyOfArticles } from './helpers';

const intents = loadTrainingData(INTENTS).intents;
const NOW = new Date('2026-11-26T12:00:00Z');

function errors(dir: string) {
  return validateKnowledge({ articlesDir: dir, synonymsPath: SYNONYMS, intents, now: NOW }).filter((p) => p.severity === 'error');
}

function edit(dir: string, id: string, change: (text: string) => string): string {
  const file = path.join(dir, `${id}.md`);
  fs.writeFileSync(file, change(fs.readFileSync(file, 'utf8')));
  return file;
}

describe('validateKnowledge', () => {
  it('finds no errors in the shipped articles', () => {
    expect(validateKnowledge({ articlesDir: ARTICLES, synonymsPath: SYNONYMS, intents, now: NOW }).filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('fails on broken front matter, naming the file', () => {
    const dir = copyOfArticles();
    const file = edit(dir, 'library', (t) => t.replace(/^---\n/, ''));
    const found = errors(dir);
    expect(found).toHaveLength(1);
    expect(found[0].file).toBe(file);
  });

  it('reports an empty required field', () => {
    const dir = copyOfArticles();
    edit(dir, 'noise', (t) => t.replace(/^owner: .*$/m, 'owner: ""'));
    expect(errors(dir).map((p) => p.message)).toContain('owner: must not be empty');
  });

  it('warns when lastReviewed is more than 12 months ago', () => {
    const dir = copyOfArticles();
    const file = edit(dir, 'noise', (t) => t.replace(/^lastReviewed: .*$/m, 'lastReviewed: 2025-10-01'));
    const problems = validateKnowledge({ articlesDir: dir, synonymsPath: SYNONYMS, intents, now: NOW });
    const stale = problems.filter((p) => p.file === file && /more than 12 months/.test(p.message));
    expect(stale).toHaveLength(1);
    expect(stale[0].severity).toBe('warning');
  });

  it('reports the same question under two articles', () => {
    const dir = copyOfArticles();
    edit(dir, 'library', (t) => t.replace('questions:\n', 'questions:\n  - noisy neighbours\n'));
    expect(
      errors(dir)
        .map((p) => p.message)
        .join('\n'),
    ).toMatch(/"noisy neighbours" is also under (noise|library)/);
  });

  it('reports a question that retrieves a different article, naming the pair', () => {
    const dir = copyOfArticles();
    const file = edit(dir, 'library', (t) => t.replace('questions:\n', 'questions:\n  - pest control visit\n'));
    const found = errors(dir).filter((p) => p.file === file);
    expect(found.map((p) => p.message)).toContain(
      'the question "pest control visit" (library) retrieves pest-control instead: reword it, or move it to pest-control if it belongs there',
    );
  });

  it('reports malformed links', () => {
    expect(linkProblems('See [our page](www.anytown.example/x).')).toEqual([
      'link "our page" goes to "www.anytown.example/x": use a full address starting with https://',
    ]);
    expect(linkProblems('See [our page](https://www.anytown.example/x.')).toEqual(['a link is missing its closing bracket ")" or has a space in its address']);
    expect(linkProblems('See [our page(https://www.anytown.example/x).')).toHaveLength(1);
    expect(linkProblems('See [our page](https://www.anytown.example/x) and [email](mailto:a@anytown.example).')).toEqual([]);
    const dir = copyOfArticles();
    const file = edit(dir, 'library', (t) => t.replace('](https://', '](http://'));
    expect(errors(dir).some((p) => p.file === file && /https:\/\//.test(p.message))).toBe(true);
  });
});

describe("the questions' check kept between runs (cacheDir)", () => {
  const check = (dir: string, cacheDir?: string) => validateKnowledge({ articlesDir: dir, synonymsPath: SYNONYMS, intents, now: NOW, cacheDir });
  const kept = (cacheDir: string) => fs.readdirSync(cacheDir).filter((f) => f.startsWith('validate-questions-'));
  const misfiled = (dir: string) => edit(dir, 'library', (t) => t.replace('questions:\n', 'questions:\n  - pest control visit\n'));

  it('gives what a run without it gives, and is read back on the next run with the same content', () => {
    const dir = copyOfArticles();
    misfiled(dir);
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-check-'));
    const fresh = check(dir);
    expect(fresh.some((p) => /retrieves pest-control instead/.test(p.message))).toBe(true);
    expect(check(dir, cacheDir)).toEqual(fresh);
    expect(kept(cacheDir)).toHaveLength(1);
    // What is kept is what the next run reports: a problem planted in the kept file shows that it was read rather than worked out.
    const file = path.join(cacheDir, kept(cacheDir)[0]);
    const planted = { severity: 'error', file: path.join(dir, 'library.md'), message: 'planted' };
    fs.writeFileSync(file, JSON.stringify([planted]));
    expect(check(dir, cacheDir)).toContainEqual(planted);
  });

  it('checks every question again when an article changes, and keeps only the latest result', () => {
    const dir = copyOfArticles();
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-check-'));
    expect(check(dir, cacheDir).filter((p) => /retrieves/.test(p.message))).toEqual([]);
    const file = misfiled(dir);
    expect(
      check(dir, cacheDir)
        .filter((p) => p.file === file)
        .map((p) => p.message),
    ).toContain('the question "pest control visit" (library) retrieves pest-control instead: reword it, or move it to pest-control if it belongs there');
    expect(kept(cacheDir)).toHaveLength(1);
  });

  it.each([
    ['is not JSON', '{"cut short'],
    ['is not a list of problems', '{"problems": []}'],
    ['holds something that is not a problem', '[{"severity": "fatal", "file": "x", "message": "y"}]'],
  ])('ignores a kept file that %s, and writes it again', (_, text) => {
    const dir = copyOfArticles();
    misfiled(dir);
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-check-'));
    const fresh = check(dir, cacheDir);
    const file = path.join(cacheDir, kept(cacheDir)[0]);
    fs.writeFileSync(file, text);
    expect(check(dir, cacheDir)).toEqual(fresh);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(fresh.filter((p) => /retrieves|finds no article/.test(p.message)));
  });
});
