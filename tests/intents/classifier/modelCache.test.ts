import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadOrTrain, loadOrTrainWithInfo } from '../../../intents/classifier';
import { TOY_OOS, TOY_TRAIN } from './toy';

const dirs: string[] = [];
function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'intent-cache-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const models = (dir: string): string[] => fs.readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('loadOrTrain', () => {
  it('trains once, then reuses the saved model', () => {
    const dir = path.join(tempDir(), 'nested', 'models');
    const first = loadOrTrainWithInfo(dir, TOY_TRAIN, { seed: 3 });
    expect(first.fromCache).toBe(false);
    expect(models(dir)).toEqual([path.basename(first.file)]);
    expect(path.basename(first.file)).toMatch(/^intent-model-[0-9a-f]{64}\.json$/);

    const second = loadOrTrainWithInfo(
      dir,
      TOY_TRAIN.map((e) => ({ ...e })),
      { seed: 3 },
    );
    expect(second.fromCache).toBe(true);
    expect(second.file).toBe(first.file);
    expect(second.classifier.classify('report a pothole')).toEqual(first.classifier.classify('report a pothole'));
    expect(loadOrTrain(dir, TOY_TRAIN, { seed: 3 }).threshold).toBe(first.classifier.threshold);
  });

  it('retrains when the data or the options change, and removes the stale model', () => {
    const dir = tempDir();
    const a = loadOrTrainWithInfo(dir, TOY_TRAIN, { seed: 3 });
    const b = loadOrTrainWithInfo(dir, [...TOY_TRAIN, ...TOY_OOS], { seed: 3 });
    expect(b.fromCache).toBe(false);
    expect(b.file).not.toBe(a.file);
    expect(models(dir)).toEqual([path.basename(b.file)]);

    const c = loadOrTrainWithInfo(dir, [...TOY_TRAIN, ...TOY_OOS], { seed: 4 });
    expect(c.fromCache).toBe(false);
    expect(models(dir)).toEqual([path.basename(c.file)]);
  });

  it('retrains over a corrupt model file', () => {
    const dir = tempDir();
    const a = loadOrTrainWithInfo(dir, TOY_TRAIN, {});
    fs.writeFileSync(a.file, '{"not":"a model"');
    const b = loadOrTrainWithInfo(dir, TOY_TRAIN, {});
    expect(b.fromCache).toBe(false);
    expect(b.classifier.classify('report a pothole').intent).toBe('report_pothole');
    expect(JSON.parse(fs.readFileSync(b.file, 'utf8')).format).toBeDefined();
  });
});
