import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { IntentClassifier } from '../../intents/classifier';
import { loadTrainingData } from '../../intents/trainingData';
import { crossValidate, type Prediction } from '../../scripts/lib/crossValidation';
import { evaluatePredictions } from '../../scripts/lib/nluMetrics';
import { cellColours, renderReportHtml } from '../../scripts/lib/nluReportHtml';
import { renderReportText } from '../../scripts/lib/nluReportText';
import { trainBotClassifier } from '../../scripts/lib/nluTrain';

const ROOT = path.resolve(__dirname, '..', '..');
const p = (expected: string, got: string, text = `${expected}->${got}`, top?: string): Prediction => ({
  text,
  expected,
  got,
  score: 0.5,
  fold: 0,
  top: top ?? (got === 'none' ? 'bins' : got),
});

describe('evaluatePredictions', () => {
  const report = evaluatePredictions([
    p('bins', 'bins', 'a'),
    p('bins', 'bins', 'b'),
    p('bins', 'pothole', 'c'),
    p('pothole', 'pothole', 'd'),
    p('none', 'bins', 'e'),
    p('none', 'none', 'f'),
  ]);

  it('builds the confusion matrix with the out-of-scope label last', () => {
    expect(report.labels).toEqual(['bins', 'pothole', 'none']);
    expect(report.matrix).toEqual([
      [2, 1, 0],
      [0, 1, 0],
      [1, 0, 1],
    ]);
  });

  it('computes per-intent precision, recall and F1 and the summary figures', () => {
    expect(report.perIntent[0]).toEqual({ intent: 'bins', precision: 0.6667, recall: 0.6667, f1: 0.6667, support: 3, predicted: 3 });
    expect(report.perIntent[1]).toEqual({ intent: 'pothole', precision: 0.5, recall: 1, f1: 0.6667, support: 1, predicted: 2 });
    expect(report.perIntent[2]).toEqual({ intent: 'none', precision: 1, recall: 0.5, f1: 0.6667, support: 2, predicted: 1 });
    expect(report).toMatchObject({ total: 6, correct: 4, accuracy: 0.6667, inScopeAccuracy: 0.75, outOfScopeRecall: 0.5, macroF1: 0.6667 });
    expect(report.misclassified.map((m) => m.text)).toEqual(['c', 'e']);
    // In-scope examples whose best-ranked intent was right: a, b, d (c ranked pothole first).
    expect(report.inScopeTopIntentAccuracy).toBe(0.75);
    const rejected = evaluatePredictions([p('bins', 'none', 'x', 'bins'), p('bins', 'bins', 'y')]);
    expect(rejected).toMatchObject({ inScopeAccuracy: 0.5, inScopeTopIntentAccuracy: 1 });
    expect(evaluatePredictions([{ text: 'q', expected: 'bins', got: 'bins', score: 1, fold: 0 }]).inScopeTopIntentAccuracy).toBeNull();
  });

  it('renders the terminal table and an HTML page with an accessible heat map and table alternative', () => {
    const text = renderReportText(report, 'Toy report');
    expect(text).toMatch(/bins\s+0\.667\s+0\.667\s+0\.667\s+3/);
    expect(text).toContain('accuracy 66.7% (4/6)');
    expect(text).toContain('"c"');
    const html = renderReportHtml(
      { ...report, misclassified: [...report.misclassified, p('bins', 'none', '<script>alert(1)</script>')] },
      { title: 'Toy', method: 'test', generatedAt: new Date(0) },
    );
    expect(html).toContain('<html lang="en-GB"');
    expect(html).toMatch(/<svg[^>]+role="img"[^>]+aria-labelledby="cm-title cm-desc"/);
    expect(html).toContain('<caption>Confusion matrix as a table');
    expect(html).toContain('<figcaption>');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // Every number cell is written into the SVG.
    expect((html.match(/<rect /g) ?? []).length).toBe(9);
  });

  it('picks cell text colours with at least 4.5:1 contrast', () => {
    const lum = (hex: string) => {
      const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((s) => (s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4));
      return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    };
    for (const diag of [true, false]) {
      for (let share = 0; share <= 1; share += 0.05) {
        const { fill, text } = cellColours(share, diag);
        const [a, b] = [lum(fill), lum(text)].sort((x, y) => y - x);
        expect((a + 0.05) / (b + 0.05)).toBeGreaterThanOrEqual(4.5);
      }
    }
  });
});

describe('crossValidate', () => {
  const toy = [
    ...['hello', 'hi', 'hiya', 'hey there', 'good morning', 'morning all'].map((text) => ({ text, intent: 'greeting' })),
    ...['pothole on my road', 'a hole in the road', 'road has a pothole', 'big pothole outside', 'crater in the road', 'potholes everywhere'].map((text) => ({
      text,
      intent: 'report_pothole',
    })),
    ...['tell me a joke', 'weather tomorrow', 'who won the football', 'play music', 'capital of peru', 'sing a song'].map((text) => ({ text, intent: 'none' })),
  ];

  it('classifies every example exactly once, by a model not trained on it, the same way each time', () => {
    const trainedOn: string[][] = [];
    const train = (examples: typeof toy, seed: number) => {
      trainedOn.push(examples.map((e) => e.text));
      return IntentClassifier.train(examples, { outOfScopeLabel: 'none', seed });
    };
    const preds = crossValidate(toy, train, 3, 7);
    expect(preds.map((x) => x.text).sort()).toEqual(toy.map((e) => e.text).sort());
    expect(trainedOn).toHaveLength(3);
    for (const x of preds) expect(trainedOn[x.fold]).not.toContain(x.text);
    const again = crossValidate(toy, trainBotClassifier, 3, 7);
    expect(crossValidate(toy, trainBotClassifier, 3, 7)).toEqual(again);
  });

  it('refuses k < 2', () => {
    expect(() => crossValidate(toy, trainBotClassifier, 1)).toThrow(/at least 2/);
  });
});

describe('the council intents (intents/data)', () => {
  // Issue 3: the council intents must reach ≥ 95 % cross-validated in-scope accuracy. The same figure is
  // printed by `npm run nlu:report` (seeds 1 to 3 measured 95.9, 97.0 and 96.5 % when the target was met).
  it('keep five-fold cross-validated in-scope accuracy on the council intents at or above 95 %', { timeout: 600_000 }, () => {
    const training = loadTrainingData(path.join(ROOT, 'intents', 'data'));
    const examples = training.intents.flatMap((d) => d.examples.map((e) => ({ text: e.text, intent: d.intent })));
    const report = evaluatePredictions(crossValidate(examples, trainBotClassifier, 5, 1));
    expect(
      report.inScopeAccuracy,
      `in-scope ${report.inScopeAccuracy} (best-ranked ${report.inScopeTopIntentAccuracy}), all ${report.accuracy}, out-of-scope recall ${report.outOfScopeRecall}`,
    ).toBeGreaterThanOrEqual(0.95);
  });
});

describe('npm run nlu:report', () => {
  it('prints the table and writes the HTML and JSON report', { timeout: 300_000 }, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-nlu-report-'));
    const intents = path.join(dir, 'intents');
    fs.mkdirSync(intents);
    // A small copy of three intents keeps this quick; the full data is checked above.
    for (const name of ['report_pothole', 'greeting', 'none'])
      fs.copyFileSync(path.join(ROOT, 'intents', 'data', `${name}.yaml`), path.join(intents, `${name}.yaml`));
    const out = path.join(dir, 'out', 'report.html');
    const stdout = execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'nluReport.ts'), '--k', '3', '--out', out], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, INTENTS_DIR: intents },
    });
    expect(stdout).toMatch(/report_pothole\s+\d\.\d{3}\s+\d\.\d{3}\s+\d\.\d{3}\s+\d+/);
    expect(stdout).toContain('Confusion matrix');
    expect(fs.readFileSync(out, 'utf8')).toContain('<svg');
    const json = JSON.parse(fs.readFileSync(out.replace(/\.html$/, '.json'), 'utf8')) as { k: number; labels: string[]; matrix: number[][] };
    expect(json.k).toBe(3);
    expect(json.labels).toEqual(['greeting', 'report_pothole', 'none']);
    const total = json.matrix.flat().reduce((a, b) => a + b, 0);
    const examples = ['report_pothole', 'greeting', 'none'].reduce(
      (n, name) => n + (loadTrainingData(intents).intents.find((d) => d.intent === name)?.examples.length ?? 0),
      0,
    );
    expect(total).toBe(examples);
  });
});
