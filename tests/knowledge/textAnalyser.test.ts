import { describe, expect, it } from 'vitest';
import { loadSynonyms } from '../../knowledge/synonyms';
import fs from 'node:fs';
import { TextAnalyser, normalise } from '../../knowledge/textAnalyser';
import { SYNONYMS } from './helpers';

const analyser = new TextAnalyser(loadSynonyms(SYNONYMS));

describe('TextAnalyser', () => {
  it('reads British synonyms as one term', () => {
    expect(analyser.terms('my wheelie bins')).toEqual(analyser.terms('my bin'));
    expect(analyser.terms('going to the dump')).toEqual(analyser.terms('going to the tip'));
    expect(analyser.terms('household waste recycling centre')).toEqual(analyser.terms('tip'));
    expect(analyser.terms('pay ctax')).toEqual(analyser.terms('pay council tax'));
  });

  it('keeps a word whole where stemming would join it to another meaning, and word orders of one phrase together', () => {
    // Porter stems "house" and "housing" alike: a house's Council Tax band is not the housing register.
    expect(analyser.terms('housing')).not.toEqual(analyser.terms('house'));
    expect(analyser.terms('council housing')).toEqual(analyser.terms('council housings'));
    expect(analyser.terms('whether there is a charge')).toEqual(analyser.terms('is there a charge'));
    expect(analyser.terms('am I entitled')).toEqual(analyser.terms('am I eligible'));
  });

  it('forgives a typo inside a synonym phrase but does not turn real words into others', () => {
    expect(analyser.terms('concil tax')).toEqual(analyser.terms('council tax'));
    expect(analyser.terms('busness rates')).toEqual(analyser.terms('business rates'));
    expect(analyser.terms('my house')).not.toEqual(analyser.terms('my mouse'));
  });

  it('reads the later of two overlapping phrases when it is as long and ends later', () => {
    // "the council" starts first, but the words say "council tax": not "council" and a bare "tax".
    expect(analyser.terms('can we pay the council tax monthly')).toEqual(analyser.terms('can we pay council tax monthly'));
    const own = new TextAnalyser([
      ['big dog', 'large dog'],
      ['dog walker', 'walker of dogs'],
    ]);
    expect(own.terms('a big dog walker')).toEqual(['big', own.terms('dog walker')[0]]);
  });

  it('drops stop words, stems, and ignores case and punctuation', () => {
    expect(analyser.terms('HOW DO I PAY MY COUNCIL TAX?!')).toEqual(analyser.terms('pay council tax'));
    expect(analyser.terms('recycling')).toEqual(analyser.terms('recycle'));
    expect(analyser.terms('what is the')).toEqual([]);
  });
});

describe('TextAnalyser on how residents write', () => {
  const analyser = new TextAnalyser();
  it('keeps only the subject of letter-writing, pronouns and swearing', () => {
    expect(analyser.terms('Dear Sir/Madam, would you kindly advise about my allotment. Yours faithfully')).toEqual(analyser.terms('allotment'));
    expect(analyser.terms('she says she has seen rats, honestly')).toEqual(analyser.terms('rats'));
    expect(analyser.terms('what the hell is going on with the bloody bins')).toEqual(analyser.terms('on bins'));
    expect(analyser.terms('cn u tel me wen the library opens')).toEqual(analyser.terms('library opens'));
  });

  it('takes a question word with its "is" run on ("when\'s", "hows") as the question word alone', () => {
    expect(analyser.terms("when's the library open")).toEqual(analyser.terms('when is the library open'));
    expect(analyser.terms('hows the garden waste work')).toEqual(analyser.terms('how does the garden waste work'));
    expect(analyser.terms("why's my bill gone up")).toEqual(analyser.terms('why has my bill gone up'));
  });
});

describe('normalise', () => {
  it('gives plain ASCII text (its quick path) exactly what the full Unicode path gives', () => {
    const texts = ['tests/eval/dev.jsonl', 'tests/eval/kb-blind-dev.jsonl'].flatMap((f) =>
      fs
        .readFileSync(f, 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => (JSON.parse(l) as { text: string }).text),
    );
    texts.push("Don't PANIC: it's   the 2nd bin!", "o'clock 'quoted' rock'n'roll", 'tabs\tand\nnew lines', '`tick`s and back`ticks');
    for (const text of texts) {
      // A final "é" sends the text down the full path; it becomes a final " e".
      expect(`${normalise(text)} e`.trim(), text).toBe(normalise(`${text} é`));
    }
  });
});
