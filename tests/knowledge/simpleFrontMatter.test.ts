import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isScalar, isSeq, LineCounter, parse, parseDocument } from 'yaml';
import { articleFiles, splitFrontMatter } from '../../knowledge/articleLoader';
import { readSimpleFrontMatter } from '../../platform/simpleFrontMatter';
import { ARTICLES } from './helpers';

const yaml = (text: string): unknown => parse(text, { uniqueKeys: true }) as unknown;

describe('the quick front matter reader', () => {
  it.each([
    [
      'plain text, a whole number, a date and an address',
      'id: pay-tax\ntitle: Pay your Council Tax\nlgsl: 57\nlastReviewed: 2026-09-14\nurl: https://www.anytown.example/a?b=c#d\n',
    ],
    [
      'a list under a key, indented or not, with blank and comment lines',
      'questions:\n  - how do I pay\n\n  # a note\n  - can I pay online\ntags:\n- a\n- b\nowner: Revenues\n',
    ],
    ['lists on one line, plain and quoted', 'tags: [council tax, payments]\nmore: ["a b", "c", d]\nnone: []\n'],
    ['true, false, null and words that are only words in YAML 1.2', 'a: true\nb: False\nc: null\nd: ~\ne: yes\nf: no\ng: on\n'],
    [
      'quoted text without escapes, and quotes, colons and hashes inside plain text',
      'title: "Bins: what goes where"\nsub: \'it is #1\'\nnote: The "best" page\nurl: a:b\nhash: C#\n',
    ],
    ['trailing spaces and leading zeros', 'title: Pay   \nn: 007\n'],
    ['quotes and backslashes escaped in double quotes', 'a: "he said \\"no\\" to me"\nb:\n  - "a \\\\ b"\n  - "\\"quoted\\""\n'],
  ])('reads %s exactly as yaml does', (_, text) => {
    const quick = readSimpleFrontMatter(text);
    expect(quick).toBeDefined();
    expect(quick).toEqual(yaml(text));
  });

  it.each([
    ['a comment after a value', 'title: Pay # note\n'],
    ['a value over two lines', 'title: Pay your\n  Council Tax\n'],
    ['a key written twice', 'id: a\nid: b\n'],
    ['a key with nothing under it', 'lgsl:\nid: a\n'],
    ['escapes in quotes', 'title: "Pay\\tyour"\n'],
    ['an escaped line break', 'title: "Pay\\nyour"\n'],
    ['a carriage return', 'title: Pay\r\nid: a\r\n'],
    ['a byte order mark', '\uFEFFtitle: Pay\n'],
    ['a doubled single quote', "title: 'it''s'\n"],
    ['numbers other than whole ones', 'a: 1.5\n'],
    ['octal and hexadecimal', 'a: 0o17\n'],
    ['signed numbers', 'a: -5\n'],
    ['block text', 'body: |\n  text\n'],
    ['a mapping under a key', 'a:\n  b: c\n'],
    ['a mapping in a list', 'a:\n  - b: c\n'],
    ['anchors and aliases', 'a: &x b\nc: *x\n'],
    ['a list on one line not closed', 'tags: [a, b\n'],
    ['a nested list on one line', 'tags: [a, [b]]\n'],
    ['an empty list item', 'a:\n  - \n'],
    ['tabs', 'title:\tPay\n'],
    ['a line that is not a field', 'just text\n'],
  ])('leaves %s to yaml', (_, text) => {
    expect(readSimpleFrontMatter(text)).toBeUndefined();
  });

  it('reads the shipped articles as yaml does, and most of them without it', () => {
    let quick = 0;
    const files = [...articleFiles(ARTICLES), ...articleFiles(path.join(ARTICLES, 'cy-GB'))];
    for (const file of files) {
      const { frontMatter } = splitFrontMatter(fs.readFileSync(file, 'utf8'))!;
      const read = readSimpleFrontMatter(frontMatter);
      if (read === undefined) continue;
      quick++;
      expect(read, file).toEqual(yaml(frontMatter));
    }
    expect(quick).toBeGreaterThan(files.length * 0.9);
  });

  it("reads the shipped intents' training files as yaml does, each example's line too, and nearly all of them without it", () => {
    const dirs = ['intents/data', 'intents/data/cy-GB', 'intents/risk', 'intents/risk/cy-GB'].map((d) => path.join(__dirname, '..', '..', d));
    const files = dirs.flatMap((dir) =>
      fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.yaml'))
        .map((f) => path.join(dir, f)),
    );
    let quick = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const lines = new Map<string, number[]>();
      const read = readSimpleFrontMatter(text, lines);
      if (read === undefined) continue;
      quick++;
      expect(read, file).toEqual(yaml(text));
      const counter = new LineCounter();
      const examples = parseDocument(text, { lineCounter: counter }).get('examples', true);
      const expected = isSeq(examples) ? examples.items.map((item) => (isScalar(item) && item.range ? counter.linePos(item.range[0]).line : 0)) : [];
      expect(lines.get('examples'), file).toEqual(expected);
    }
    expect(files.length).toBeGreaterThan(50);
    expect(quick).toBeGreaterThan(files.length * 0.9);
  });

  it("gives each list item's line", () => {
    const lines = new Map<string, number[]>();
    readSimpleFrontMatter('intent: a\nexamples:\n  - one\n\n  # a note\n  - two\ntags: [x]\n', lines);
    expect(Object.fromEntries(lines)).toEqual({ examples: [3, 6] });
  });
});
