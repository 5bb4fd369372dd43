import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NOT_RISK, riskTrainingData } from '../../intents/riskClassifier';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'risk-data-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function write(file: string, intent: string, examples: string[]): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `intent: ${intent}\ndescription: test\nexamples:\n${examples.map((e) => `  - ${JSON.stringify(e)}`).join('\n')}\n`);
}

describe('riskTrainingData', () => {
  it("takes the ordinary requests' examples as negatives, but not routing's out-of-scope ones", () => {
    const risk = path.join(root, 'risk');
    const intents = path.join(root, 'data');
    write(path.join(risk, 'suicide_self_harm.yaml'), 'suicide_self_harm', ['i want to end it all']);
    write(path.join(risk, 'none.out-of-scope.yaml'), 'none', ['will it rain tomorrow']);
    write(path.join(intents, 'report_pothole.yaml'), 'report_pothole', ['there is a pothole on my road']);
    write(path.join(intents, 'none.yaml'), 'none', ['will it rain tomorrow', 'who won the football last night']);
    const texts = (intent: string) =>
      riskTrainingData(risk, intents)
        .examples.filter((e) => e.intent === intent)
        .map((e) => e.text);
    expect(texts(NOT_RISK)).toEqual(['will it rain tomorrow', 'there is a pothole on my road']);
    expect(texts('suicide_self_harm')).toEqual(['i want to end it all']);
  });
});
