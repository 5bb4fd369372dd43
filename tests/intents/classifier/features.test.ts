import { describe, expect, it } from 'vitest';
import { FeatureExtractor } from '../../../intents/classifier/FeatureExtractor';
import { KeyEncoder } from '../../../intents/classifier/KeyEncoder';
import { TextNormaliser } from '../../../intents/classifier/TextNormaliser';
import { DEFAULT_OPTIONS } from '../../../intents/classifier/types';
import { TOY_TRAIN } from './toy';

describe('TextNormaliser', () => {
  const n = new TextNormaliser(1000, true);

  it('lower-cases, folds compatibility forms and accents, keeps digits, drops punctuation and emoji', () => {
    expect(n.normalise('  Café NAÏVE — ｆｕｌｌｗｉｄｔｈ 123!! 🙂 ')).toBe('cafe naive fullwidth 123');
    expect(n.normalise("Don't miss the council's bin day")).toBe('dont miss the councils bin day');
    expect(n.normalise('£1,000.50 fine')).toBe('1000 50 fine');
    expect(n.normalise('Привет, мир')).toBe('привет мир');
  });

  it('keeps the marks of scripts that need them', () => {
    expect(n.normalise('नमस्ते')).toBe('नमस्ते');
  });

  it('stems English words but keeps stop words', () => {
    expect(n.tokens('what can you do').map((t) => n.stem(t))).toEqual(['what', 'can', 'you', 'do']);
    expect(n.stem('collections')).toBe('collect');
    expect(n.stem('123')).toBe('123');
  });

  it('undoes Welsh mutations only when asked: a mutated word is its radical', () => {
    const welsh = new TextNormaliser(1000, true, true);
    expect(welsh.tokens('Mae dwll ar y ffordd')).toEqual(welsh.tokens('Mae twll ar y ffordd'));
    expect(welsh.tokens("dydi'r fin ddim wedi'i gasglu")).toEqual(welsh.tokens("dydi'r bin ddim wedi'i gasglu"));
    expect(welsh.tokens('fy nhreth cyngor')).toEqual(welsh.tokens('fy treth cyngor'));
    expect(welsh.tokens('ffurflen ysgol')).toEqual(['ffurflen', 'ysgol']); // ff and vowels never mutate
    expect(n.tokens('dwll fin nhreth')).toEqual(['dwll', 'fin', 'nhreth']); // English (and the default) unchanged
  });

  it('cuts very long input', () => {
    expect(new TextNormaliser(10, false).normalise('a'.repeat(50))).toBe('a'.repeat(10));
  });
});

describe('FeatureExtractor', () => {
  const options = { ...DEFAULT_OPTIONS };
  const encoder = new KeyEncoder(options);
  const docs = TOY_TRAIN.map((e) => encoder.encode(e.text));
  const fx = FeatureExtractor.fit(docs, encoder, options);

  it('builds word 1-2-grams and character 2-5-grams inside word boundaries', () => {
    const { words, chars } = encoder.keys('Bins collected');
    expect(words).toEqual(['bin', 'collect', 'bin collect']);
    expect(chars).toContain(' b');
    expect(chars).toContain('bins ');
    expect(chars).not.toContain('s c'); // no n-gram crosses a word boundary
    expect(chars.every((c) => c.length >= 2 && c.length <= 5)).toBe(true);
  });

  it('gives training utterances the same vector by both paths, L2-normalised per block', () => {
    TOY_TRAIN.forEach((e, i) => {
      const a = fx.transformEncoded(docs[i]);
      const b = fx.transform(e.text);
      expect([...a.indices]).toEqual([...b.indices]);
      expect([...a.values]).toEqual([...b.values]);
      const norm = [...b.values].reduce((s, v) => s + v * v, 0);
      expect(norm).toBeCloseTo(2, 10); // two blocks of unit length
    });
  });

  it('gives a mutated Welsh word the features of its radical, words and characters, when unmutate is on', () => {
    const welsh = { ...DEFAULT_OPTIONS, unmutate: true };
    const welshEncoder = new KeyEncoder(welsh);
    const welshFx = FeatureExtractor.fit(
      ['mae twll yn y ffordd', 'dydi fy min ddim wedi cael ei gasglu', 'faint yw fy nhreth cyngor'].map((t) => welshEncoder.encode(t)),
      welshEncoder,
      welsh,
    );
    const same = (a: string, b: string) => {
      const [x, y] = [welshFx.transform(a), welshFx.transform(b)];
      expect([...x.indices]).toEqual([...y.indices]);
      expect([...x.values]).toEqual([...y.values]);
    };
    same('mae dwll yn y ffordd', 'mae twll yn y ffordd');
    same('dydi fy fin ddim wedi cael ei gasglu', 'dydi fy bin ddim wedi cael ei gasglu');
    same('faint yw fy treth cyngor', 'faint yw fy nhreth cyngor');
    // Without it a mutated word is another word.
    expect([...fx.transform('dwll').indices]).not.toEqual([...fx.transform('twll').indices]);
  });

  it('gives unknown or empty text an empty vector', () => {
    expect(fx.transform('').indices.length).toBe(0);
    expect(fx.transform('🙂').indices.length).toBe(0);
  });
});
