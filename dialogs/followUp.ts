import type { Vocabulary } from '../knowledge/vocabulary';

/** The vocabulary's words for a follow-up. */
export type FollowUpWords = Pick<Vocabulary, 'follow_up_opens' | 'follow_up_points_back' | 'follow_up_pronoun'>;

/** At most this many words: a longer message says what it is about. */
const MAX_WORDS = 10;
/** With a pronoun standing for the topic ("can she go on it?", "amdano") a follow-up may be a little longer. */
const MAX_WORDS_WITH_PRONOUN = 14;

/**
 * A follow-up question that names no topic of its own ("how do I apply?", "and how much is it?",
 * "any quicker way?", "what about for my mum?"): short, and opening the way a second question about
 * the same thing does. The main dialog answers it from the topic of the conversation when nothing
 * else fits clearly. Hand-written: there is no library for this, and the test is deliberately
 * narrow (a message that names its own topic is routed as usual). The words are the vocabulary's
 * (knowledge/messages/<locale>/vocabulary.yaml): how a follow-up opens (`follow_up_opens`), the words
 * that point back at the topic (`follow_up_points_back`) and the pronouns that stand for it (`follow_up_pronoun`).
 */
export function isFollowUp(text: string, words: FollowUpWords): boolean {
  const t = text.trim();
  if (!t) return false;
  return isFollowUpSentence(t, words) || lastQuestionFollowsUp(t, words);
}

function isFollowUpSentence(t: string, words: FollowUpWords): boolean {
  const count = t.split(/\s+/u).length;
  // "I must pay for it?", "and the cost?": a short question pointing back counts too.
  const shaped = (words.follow_up_opens.test(t) || /\?\s*$/.test(t)) && words.follow_up_points_back.test(t);
  return shaped && (count <= MAX_WORDS || (count <= MAX_WORDS_WITH_PRONOUN && words.follow_up_pronoun.test(t)));
}

/** At most this many words in a message whose last sentence is the follow-up: a little said first, then the question. */
const MAX_WORDS_WITH_STORY = 20;

/**
 * "We've told them twice already. Is there anything else we can try?": what happened, then a follow-up question as
 * its own last sentence. The message is as much a follow-up as its question is.
 */
function lastQuestionFollowsUp(t: string, words: FollowUpWords): boolean {
  const sentences = t.split(/(?<=[.!?])\s+/u).filter(Boolean);
  const last = sentences.at(-1) ?? '';
  return sentences.length >= 2 && /\?\s*$/.test(last) && t.split(/\s+/u).length <= MAX_WORDS_WITH_STORY && isFollowUpSentence(last, words);
}

/**
 * A follow-up that stands for the topic with a pronoun ("how long does it take to come through?",
 * "can she go on it?"): about the topic even when another article shares some of its words.
 */
/**
 * A short question, whatever it points at ("how do i prove im a student", "is there a deadline?"):
 * asked right after an answer and matched by nothing else, it is asked about that answer's topic
 * when the topic's article matches it at all (the caller checks).
 */
export function isShortQuestion(text: string, words: FollowUpWords, maxWords = MAX_WORDS): boolean {
  const t = text.trim();
  return !!t && (words.follow_up_opens.test(t) || /\?\s*$/.test(t)) && t.split(/\s+/u).length <= maxWords;
}

export function refersBack(text: string, words: FollowUpWords): boolean {
  return isFollowUp(text, words) && words.follow_up_pronoun.test(text);
}

/** At most this many words for a question read with the conversation's topic added (see isContextQuestion). */
const MAX_WORDS_IN_CONTEXT = 16;

/**
 * A question that may lean on the conversation's topic for what it is about ("and do they still come if it is a
 * bank holiday?", "what if the old place stands empty for a month in between"): opening as a question
 * does, or ending with a question mark, and not long. The caller asks it again with the topic's words added.
 */
export function isContextQuestion(text: string, words: FollowUpWords): boolean {
  return isShortQuestion(text, words, MAX_WORDS_IN_CONTEXT);
}

/**
 * What a follow-up says beyond the words every follow-up uses: its opening ("how", "and what"), the words pointing back
 * ("much", "cost", "apply") and the pronouns ("it", "them"). "how much is it a year" leaves "is a year", which names no
 * article of its own; "and the bus to school, is it free?" leaves the bus to school.
 */
export function beyondFollowUpWords(text: string, words: FollowUpWords): string {
  const strip = (t: string, re: RegExp) => t.replace(new RegExp(re.source, 'gi'), ' ');
  return strip(strip(strip(text, words.follow_up_opens), words.follow_up_points_back), words.follow_up_pronoun)
    .replace(/\s+/gu, ' ')
    .trim();
}

/** One of the message's sentences is a follow-up pointing back with a pronoun ("ok I've rung them. Can you still log it? It's outside number 6"). */
export function aSentenceRefersBack(text: string, words: FollowUpWords): boolean {
  return text.split(/(?<=[.!?])\s+/u).some((sentence) => isFollowUpSentence(sentence.trim(), words) && words.follow_up_pronoun.test(sentence));
}
