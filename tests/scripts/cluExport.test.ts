import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EntityExtractor } from '../../intents/entities';
import { loadTrainingData, type IntentDefinition } from '../../intents/trainingData';
import { buildCluProject, CLU_PROJECT_FILE_VERSION, CORE_ENTITY_TYPES, type CluProject } from '../../scripts/lib/cluProject';

const ROOT = path.resolve(__dirname, '..', '..');
const INTENTS_DIR = path.join(ROOT, 'intents', 'data');

/** The checks Language Studio's import makes that we can make offline. */
function expectValidCluProject(p: CluProject): void {
  expect(p).toMatchObject({
    projectFileVersion: CLU_PROJECT_FILE_VERSION,
    stringIndexType: 'Utf16CodeUnit',
    metadata: { projectKind: 'Conversation', language: 'en-gb', multilingual: false, settings: { confidenceThreshold: expect.any(Number) } },
    assets: { projectKind: 'Conversation' },
  });
  expect(p.metadata.projectName).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]*$/);
  const intents = p.assets.intents.map((i) => i.category);
  const entities = p.assets.entities.map((e) => e.category);
  expect(new Set(intents).size).toBe(intents.length);
  expect(new Set(entities).size).toBe(entities.length);
  expect(intents).toContain('None');
  const texts = new Set<string>();
  for (const u of p.assets.utterances) {
    expect(Object.keys(u).sort()).toEqual(['dataset', 'entities', 'intent', 'language', 'text']);
    expect(u.text.trim()).not.toBe('');
    expect(u.language).toBe('en-gb');
    expect(u.dataset).toBe('Train');
    expect(intents).toContain(u.intent);
    expect(texts.has(u.text.toLowerCase())).toBe(false);
    texts.add(u.text.toLowerCase());
    let lastEnd = 0;
    for (const e of u.entities) {
      expect(entities).toContain(e.category);
      expect(Number.isInteger(e.offset) && Number.isInteger(e.length)).toBe(true);
      expect(e.offset).toBeGreaterThanOrEqual(lastEnd);
      expect(e.length).toBeGreaterThan(0);
      expect(e.offset + e.length).toBeLessThanOrEqual(u.text.length);
      lastEnd = e.offset + e.length;
    }
  }
  for (const e of p.assets.entities) {
    expect(['combineComponents', 'separateComponents', 'requireExactOverlap', 'returnLongestOverlap']).toContain(e.compositionSetting);
    for (const s of e.list?.sublists ?? []) {
      expect(s.listKey).toBeTruthy();
      for (const syn of s.synonyms) expect(syn).toMatchObject({ language: 'en-gb', values: expect.arrayContaining([expect.any(String)]) });
    }
  }
}

describe('buildCluProject', () => {
  const extractor = new EntityExtractor({ now: () => new Date('2025-01-01T12:00:00Z') });
  const def = (intent: string, examples: string[]): IntentDefinition => ({
    intent,
    description: intent,
    lgsl: null,
    file: `${intent}.yaml`,
    examples: examples.map((text, i) => ({ text, line: i + 5 })),
  });

  it('labels entities at the right offsets, maps none to None, leaves repeats out', () => {
    const { project, skipped } = buildCluProject(
      [def('report_missed_bin', ['my blue bin at AT1 1AA was missed 😠 yesterday', 'missed bin']), def('none', ['tell me a joke', 'Missed bin'])],
      { projectName: 'anytown', confidenceThreshold: 0.5, entities: extractor, binTypes: { recycling: ['blue bin'], general: ['black bin'] } },
    );
    expectValidCluProject(project);
    const [first] = project.assets.utterances;
    const labelled = first.entities.map((e) => [e.category, first.text.slice(e.offset, e.offset + e.length)]);
    expect(labelled).toEqual([
      ['binType', 'blue bin'],
      ['postcode', 'AT1 1AA'],
      ['date', 'yesterday'],
    ]);
    expect(project.assets.utterances.map((u) => u.intent)).toEqual(['report_missed_bin', 'report_missed_bin', 'None']);
    expect(skipped).toEqual([{ text: 'Missed bin', intent: 'none' }]);
    expect(project.assets.entities.find((e) => e.category === 'binType')?.list?.sublists).toEqual([
      { listKey: 'recycling', synonyms: [{ language: 'en-gb', values: ['blue bin'] }] },
      { listKey: 'general', synonyms: [{ language: 'en-gb', values: ['black bin'] }] },
    ]);
    expect(project.assets.entities.find((e) => e.category === 'date')?.prebuilts).toEqual([{ category: 'DateTime' }]);
  });
});

describe('npm run clu:export', () => {
  let project: CluProject;
  let stdout: string;
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ca-clu-')), 'nested', 'clu.json');

  beforeAll(() => {
    stdout = execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'cluExport.ts'), '--out', out, '--project', 'anytown-assistant'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, INTENTS_DIR },
    });
    project = JSON.parse(fs.readFileSync(out, 'utf8')) as CluProject;
  }, 60_000);

  it('writes a valid Conversation project with every intent and its examples', () => {
    expectValidCluProject(project);
    expect(project.metadata.projectName).toBe('anytown-assistant');
    const training = loadTrainingData(INTENTS_DIR);
    const expected = training.intents.map((d) => (d.intent === 'none' ? 'None' : d.intent)).sort();
    expect(project.assets.intents.map((i) => i.category).sort()).toEqual(expected);
    for (const d of training.intents) {
      const n = project.assets.utterances.filter((u) => u.intent === (d.intent === 'none' ? 'None' : d.intent)).length;
      expect(n, d.intent).toBeGreaterThan(0);
    }
    expect(project.assets.entities.map((e) => e.category)).toEqual(expect.arrayContaining([...CORE_ENTITY_TYPES]));
    expect(project.assets.utterances.some((u) => u.entities.some((e) => e.category === 'postcode'))).toBe(true);
    expect(stdout).toMatch(/wrote .*clu\.json: \d+ intents, \d+ utterances/);
  });

  it('refuses a bad option with a clear message', () => {
    expect(() =>
      execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'cluExport.ts'), '--out', out, '--threshold', '7'], {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: 'pipe',
      }),
    ).toThrow(/--threshold must be a number from 0 to 1/);
  });
});
