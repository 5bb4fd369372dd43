import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FrustrationDetector, loadToneVocabulary, readToneVocabulary } from '../../intents/frustration';

const root = path.resolve(__dirname, '..', '..');
const detector = new FrustrationDetector(loadToneVocabulary(path.join(root, 'intents', 'tone.yaml')));

function tempFile(text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tone-'));
  const file = path.join(dir, 'tone.yaml');
  fs.writeFileSync(file, text);
  return file;
}

describe('FrustrationDetector (intents/tone.yaml)', () => {
  it('tells frustrated, rude and shouting messages', () => {
    for (const text of [
      'THIRD TIME THIS MONTH my grey bin has been missed',
      'you lot are absolutely useless',
      'this council is a joke',
      'nobody has done a thing about it',
      "what's the point of reporting anything",
      'bloody bin men',
      "I'm sick and tired of this",
    ]) {
      expect(detector.isFrustrated(text), text).toBe(true);
    }
  });

  it('leaves ordinary messages, postcodes and references alone', () => {
    for (const text of [
      'my bin was not collected on Monday',
      'AT1 1AA',
      'the reference is SR-100123',
      'what is an HMO licence',
      'I live at 4 High Street, AT1 1AA',
      'the street light is broken',
    ]) {
      expect(detector.isFrustrated(text), text).toBe(false);
    }
  });

  it('reads the number of capital words that count as shouting from the file', () => {
    const strict = new FrustrationDetector({ phrases: [], shouting: 5 });
    expect(strict.isFrustrated('THIRD TIME THIS MONTH')).toBe(false);
    expect(strict.isFrustrated('THIS IS THE THIRD TIME THIS MONTH')).toBe(true);
  });

  it('names the file and line of each mistake', () => {
    const file = tempFile('shouting: 1\nphrases:\n  - useless\n  - 12\n  - useless\nextra: true\n');
    const { problems } = readToneVocabulary(file);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ severity: 'error', line: 1, message: expect.stringContaining('shouting') }),
        expect.objectContaining({ severity: 'error', line: 4 }),
        expect.objectContaining({ severity: 'warning', line: 5, message: expect.stringContaining('listed twice') }),
        expect.objectContaining({ severity: 'error', line: 6, message: expect.stringContaining('extra') }),
      ]),
    );
    expect(() => loadToneVocabulary(file)).toThrow(/tone\.yaml:\d+/);
  });
});
