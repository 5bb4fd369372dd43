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

  it('tells distress from anger: a struggling resident is distressed, not frustrated, even when shouting', () => {
    for (const text of [
      "I can't cope with this any more, the damp is everywhere",
      "they say I owe £900 and I've got nothing",
      "I'm at my wits end with the noise",
      'PLEASE HELP ME the heating has been off for a week',
    ]) {
      expect(detector.mood(text), text).toBe('distressed');
      expect(detector.isFrustrated(text), text).toBe(false);
    }
    expect(detector.mood('you lot are absolutely useless')).toBe('frustrated');
    expect(detector.mood('my bin was not collected on Monday')).toBeUndefined();
  });

  it('reads an optional distress list and checks it as it checks phrases', () => {
    const { vocabulary, problems } = readToneVocabulary(tempFile('shouting: 3\nphrases:\n  - useless\ndistress:\n  - cannot cope\n  - 12\n  - useless\n'));
    expect(vocabulary.distress).toEqual(['cannot cope', 'useless']);
    expect(problems).toEqual([
      expect.objectContaining({ severity: 'error', line: 6, message: 'each phrase must be some words' }),
      expect.objectContaining({ severity: 'warning', line: 7 }),
    ]);
    expect(readToneVocabulary(tempFile('shouting: 3\nphrases: [useless]\n')).vocabulary.distress).toBeUndefined();
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
