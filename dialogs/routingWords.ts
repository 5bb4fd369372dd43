import type { Vocabulary } from '../knowledge/vocabulary';

/** The vocabulary's parts of the router's fixed patterns; their order is here, their words are content. */
type RoutingWords = Pick<
  Vocabulary,
  | 'reference_owner'
  | 'reference_noun'
  | 'reference_number_word'
  | 'reference_is'
  | 'reference_courtesy'
  | 'carry_on_before'
  | 'carry_on_please'
  | 'carry_on_phrase'
  | 'question_joined_opens'
>;

interface Built {
  justAReference: RegExp;
  carriesOn: RegExp;
  joinedOpens: RegExp;
}

/** The patterns of a vocabulary, built once for each vocabulary. */
const built = new WeakMap<RoutingWords, Built>();

function build(v: RoutingWords): Built {
  const s = (r: RegExp): string => r.source;
  const patterns = {
    // "my ref is AT 12345678 thanks": the words that may open and close it, one space apart, around 2-4 letters and 5-12 digits.
    justAReference: new RegExp(
      String.raw`^\s*(?:(?:${s(v.reference_owner)} )?${s(v.reference_noun)}(?: ${s(v.reference_number_word)})?(?: ${s(v.reference_is)})?\s*:?\s*)?#?\s*[a-z]{2,4}[\s/\-–—]?\d{5,12}\s*(?:${s(v.reference_courtesy)})?\s*[.!?]*\s*$`,
      'i',
    ),
    // "no, carry on", "please continue please!": the whole message.
    carriesOn: new RegExp(
      String.raw`^\s*(?:${s(v.carry_on_before)}[,\s]+)?(?:${s(v.carry_on_please)}\s+)?${s(v.carry_on_phrase)}(?:\s+${s(v.carry_on_please)})?\s*[.!]*\s*$`,
      'i',
    ),
    joinedOpens: new RegExp(String.raw`^${s(v.question_joined_opens)}\s+`, 'i'),
  };
  built.set(v, patterns);
  return patterns;
}

const patterns = (v: RoutingWords): Built => built.get(v) ?? build(v);

/**
 * A message that is only a case reference ("AT-12345678", "sr100002", "#AT 12345678", "my ref is AT 12345678 thanks") asks
 * about that case. The words around it are the vocabulary's (reference_owner … reference_courtesy); the reference is read here.
 */
export function justAReference(text: string, vocabulary: RoutingWords): boolean {
  return patterns(vocabulary).justAReference.test(text);
}

/** "Carry on" as people also say it, besides the vocabulary's `carry_on`: "no, carry on", "ok carry on", "please continue", "keep going". */
export function carriesOn(text: string, vocabulary: RoutingWords): boolean {
  return patterns(vocabulary).carriesOn.test(text);
}

/** A part of a message without the word that joins it to what came before ("and what goes in the blue bin" → "what goes in the blue bin"). */
export function withoutJoiningWord(text: string, vocabulary: RoutingWords): string {
  return text.replace(patterns(vocabulary).joinedOpens, '');
}
