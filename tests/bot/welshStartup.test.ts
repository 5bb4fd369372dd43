import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testAssistant } from '../support/assistant';
import { welshFixture } from '../support/welshFixture';

function optionsOf(root: string) {
  return {
    councilProfilePath: path.join(root, 'knowledge', 'council.yaml'),
    intentsDir: path.join(root, 'intents', 'data'),
    safeguardingRulesPath: path.join(root, 'intents', 'safeguarding-rules.yaml'),
  };
}

describe('start-up with Welsh declared (languages: [en-GB, cy-GB])', () => {
  it('starts when every word has its Welsh twin', () => {
    const { root } = welshFixture();
    expect(testAssistant(undefined, optionsOf(root)).council.languages).toEqual(['en-GB', 'cy-GB']);
  });

  it('refuses a missing Welsh article or message, naming the file and line, rather than answering in English', () => {
    const { root } = welshFixture();
    fs.rmSync(path.join(root, 'knowledge', 'articles', 'cy-GB', 'blue-badge.md'));
    const page = path.join(root, 'knowledge', 'cy-GB', 'chat-page.yaml');
    fs.writeFileSync(page, fs.readFileSync(page, 'utf8').replace(/^saved:.*\n/m, ''));
    expect(() => testAssistant(undefined, optionsOf(root))).toThrow(
      /articles\/cy-GB\/blue-badge\.md: missing: the cy-GB article blue-badge[\s\S]*cy-GB\/chat-page\.yaml(:\d+)?: saved: missing/,
    );
  });
});
