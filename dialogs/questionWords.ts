import type { Vocabulary } from '../knowledge/vocabulary';

/** The vocabulary's parts of a question about what a service takes; their order is here, their words are content. */
type GoesWords = Pick<
  Vocabulary,
  | 'goes_in_asks'
  | 'goes_in_verb'
  | 'goes_in'
  | 'container_owner'
  | 'container'
  | 'take_myself_asks'
  | 'take_verb'
  | 'take_to'
  | 'taken_place_article'
  | 'taken_to_ends'
  | 'goes_in_whether'
  | 'goes_into'
  | 'recycling'
  | 'colour_verb'
  | 'colour_article'
  | 'colour_one'
  | 'accepts'
>;

/** Any words up to the end of the sentence. */
const IN_SENTENCE = '[^?.!]*?';

/** Both patterns of a vocabulary, built once for each vocabulary. */
const built = new WeakMap<GoesWords, { asksWhatGoes: RegExp; takenTo: RegExp }>();

function build(v: GoesWords): { asksWhatGoes: RegExp; takenTo: RegExp } {
  const s = (r: RegExp): string => r.source;
  // A container, with an owner and up to two words (its colour, its use) before it: "the blue bin", "my food caddy".
  const container = String.raw`(?:${s(v.container_owner)}\s+)?(?:[\w-]+\s+){0,2}${s(v.container)}\b`;
  const asksWhatGoes = new RegExp(
    [
      // What goes into a container: "what can I put in the blue bin", "which bin do egg boxes go in".
      String.raw`\b${s(v.goes_in_asks)}\b${IN_SENTENCE}\b${s(v.goes_in_verb)}\b${IN_SENTENCE}\b${s(v.goes_in)}\b\s*(?:${container}|[,;?.!]|$)`,
      // Whether the resident may take something somewhere themselves: "can I take a mattress to the tip myself?".
      String.raw`\b${s(v.take_myself_asks)}\b${IN_SENTENCE}\b${s(v.take_verb)}\b${IN_SENTENCE}\b${s(v.take_to)}\s+${s(v.taken_place_article)}\b`,
      // Whether a thing goes into a container, asked of the thing: "can glass go in my recycling?", "does foil go in the blue bin",
      // or of a container named by its colour alone: "do glass jars go in the blue one", "can i put cardboard in the green 1",
      // or put into a container named: "can I put glass in the green bin?".
      String.raw`\b${s(v.goes_in_whether)}\b${IN_SENTENCE}\b(?:${s(v.goes_into)}\s+(?:${container}|${s(v.recycling)}\b)|${s(v.colour_verb)}\b${IN_SENTENCE}\b${s(v.goes_in)}\s+(?:${container}|(?:${s(v.colour_article)}\s+)?[\w-]+\s+${s(v.colour_one)}\b))`,
      // What a place accepts: "does the tip accept tyres?".
      String.raw`\b${s(v.accepts)}\b`,
    ].join('|'),
    'i',
  );
  // The place named, up to the end of the message but for the words that may close it ("…to the tip myself?").
  const takenTo = new RegExp(
    String.raw`\b${s(v.take_verb)}\b${IN_SENTENCE}\b${s(v.take_to)}\s+(${s(v.taken_place_article)}\s+[\w' -]+?)(?:\s+${s(v.taken_to_ends)})*\s*[?.!]*\s*$`,
    'i',
  );
  const both = { asksWhatGoes, takenTo };
  built.set(v, both);
  return both;
}

/**
 * Asking what something takes or where a thing goes, or whether the resident may take it somewhere themselves: "what goes in the
 * blue bin", "which bin do glass jars go in", "can I take a mattress to the tip myself?", "does the tip accept tyres?".
 * Information about the service, never a request for it to act (nor the day it comes: "which bin goes out" and "which bin do I
 * put out" are not this). The words are the vocabulary's (goes_in_asks … accepts); the order they come in is here.
 */
export function asksWhatGoes(text: string, vocabulary: GoesWords): boolean {
  return (built.get(vocabulary) ?? build(vocabulary)).asksWhatGoes.test(text);
}

/** Where the resident would take something themselves ("…to the tip myself?"): the place named ("the tip"), to find its article. */
export function placeTakenTo(text: string, vocabulary: GoesWords): string | undefined {
  return (built.get(vocabulary) ?? build(vocabulary)).takenTo.exec(text)?.[1];
}
