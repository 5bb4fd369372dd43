import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parsedDocument, parsedYaml, whileStarting } from '../../platform/yamlDocuments';

const TEXT = '# a content file\ngreeting: hello\nwords: [yes, yep]\n';

describe('YAML parsed once per text while the app starts (platform/yamlDocuments.ts)', () => {
  it('parses afresh outside a start: nothing is kept', () => {
    expect(parsedDocument(TEXT).doc).not.toBe(parsedDocument(TEXT).doc);
  });

  it('while starting, the same text is parsed once; another text, or the same one after the start, is parsed again', async () => {
    const first = await whileStarting(() => {
      const a = parsedDocument(TEXT);
      expect(parsedDocument(TEXT)).toBe(a);
      expect(parsedDocument(`${TEXT}more: words\n`).doc).not.toBe(a.doc);
      return a;
    });
    expect(parsedDocument(TEXT).doc).not.toBe(first.doc);
  });

  it('gives each caller its own copy of the value, as yaml.parse does', async () => {
    await whileStarting(() => {
      const mine = parsedYaml(TEXT) as { words: string[] };
      mine.words.push('changed');
      expect(parsedYaml(TEXT)).toEqual(parse(TEXT));
      expect(parsedYaml('')).toBe(parse(''));
    });
  });

  it('throws what yaml.parse throws, on every read of a broken text', async () => {
    const broken = 'name: one\nname: two\n';
    const expected = (() => {
      try {
        parse(broken);
      } catch (err) {
        return (err as Error).message;
      }
      return 'no error';
    })();
    expect(expected).toMatch(/unique/i);
    await whileStarting(() => {
      expect(() => parsedYaml(broken)).toThrow(expected);
      expect(() => parsedYaml(broken)).toThrow(expected);
    });
  });

  it('lets the documents go when the build fails, too', async () => {
    let kept: unknown;
    await expect(
      whileStarting(() => {
        kept = parsedDocument(TEXT).doc;
        throw new Error('start-up refused');
      }),
    ).rejects.toThrow('start-up refused');
    expect(parsedDocument(TEXT).doc).not.toBe(kept);
  });
});
