import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LanguageIdentifier } from '../../intents/languageIdentifier';
import { languageTexts } from '../../knowledge/languageTexts';
import { parseLanguageCases, scoreLanguage } from '../../scripts/evalLanguage';

const ROOT = path.resolve(__dirname, '..', '..');
const identifier = LanguageIdentifier.train(
  languageTexts({
    intentsDir: path.join(ROOT, 'intents', 'data'),
    articlesDir: path.join(ROOT, 'knowledge', 'articles'),
    messagesDir: path.join(ROOT, 'knowledge', 'messages'),
  }),
);
const language = (text: string) => identifier.identify(text).language;

describe('the language identifier (English or Welsh)', () => {
  it('learns both languages from the content: the Welsh articles are Welsh, the English English', () => {
    const texts = languageTexts({
      intentsDir: path.join(ROOT, 'intents', 'data'),
      articlesDir: path.join(ROOT, 'knowledge', 'articles'),
      messagesDir: path.join(ROOT, 'knowledge', 'messages'),
    });
    expect(texts['cy-GB'].length).toBeGreaterThan(1000);
    expect(texts['en-GB'].length).toBeGreaterThan(1000);
    // Each language's own articles, not the other's.
    expect(texts['en-GB']).toContain('Blue Badge parking for disabled people');
    expect(texts['cy-GB']).not.toContain('Blue Badge parking for disabled people');
  });

  it('reads a short message written in Welsh as Welsh and one in English as English', () => {
    expect(language('Ni chafodd fy min ei gasglu ddoe')).toBe('cy-GB');
    expect(language("Sut ydw i'n talu treth y cyngor?")).toBe('cy-GB');
    expect(language('Dw i eisiau siarad â rhywun')).toBe('cy-GB');
    expect(language('my bin was not collected yesterday')).toBe('en-GB');
    expect(language('how do I pay my council tax')).toBe('en-GB');
  });

  it('is not sure of a short reply, a number, a postcode, a name or an address, so the conversation keeps its language', () => {
    for (const text of ['ok', 'ie', 'iawn', 'diolch', 'yes', '1', 'CF10 1AA', 'Dafydd Jones', '12 Heol y Bont', 'Flat 2, 14 The Green', 'Sian Williams'])
      expect(language(text), text).toBeUndefined();
  });

  it('eval:language counts a message it is not sure of as undecided, not right, and names a bad line', () => {
    const warnings: string[] = [];
    const cases = parseLanguageCases(
      ['{"text":"Ni chafodd fy min ei gasglu ddoe","lang":"cy"}', '{"text":"ok","lang":"en-GB"}', '{"text":"x","lang":"fr"}'].join('\n'),
      'set.jsonl',
      (m) => warnings.push(m),
    );
    expect(warnings).toEqual([expect.stringMatching(/^set\.jsonl:3: left out/)]);
    const { report } = scoreLanguage(cases, identifier);
    expect(report).toMatchObject({ total: 2, correct: 1, accuracy: 0.5, undecided: 1, wrong: 0 });
  });
});
