/**
 * A follow-up question that names no topic of its own ("how do I apply?", "and how much is it?",
 * "any quicker way?", "what about for my mum?"): short, and opening the way a second question about
 * the same thing does. The main dialog answers it from the topic of the conversation when nothing
 * else fits clearly. Hand-written: there is no library for this, and the test is deliberately
 * narrow (a message that names its own topic is routed as usual).
 */
const OPENING = new RegExp(
  String.raw`^(?:(?:and|so|ok|okay|right|but|then|also|great|thanks(?: a lot| very much)?|thank you(?: very much)?|cheers|cool|oh|ah|hmm|um|yes|yeah|no|a|ac|felly|iawn|reit|ond|wedyn|hefyd|diolch(?: yn fawr(?: iawn)?)?|ie|ia)[,.!]?\s+)*` +
    String.raw`(?:(?:how|hw)(?:\s+(?:do|can|would|will|should|long|much|many|often|soon|quickly|far))?|(?:what|wat|wot)(?:\s+(?:about|abt|if|do|does|is|are|happens|else|documents|proof))?|whats|wats|wots|when|wen|where|who|which|why|can|cn|could|cud|do|does|is|are|r|will|would|should|any|anything|and for|for my|for me|is there|are there|same for|even if|if i` +
    // Welsh: sut, beth/be (am, os), faint, pryd, ble/lle, pwy, pa, pam, oes, ydy/ydi, ga i, alla i, fedra i
    String.raw`|sut|beth(?:\s+(?:am|os))?|be(?:\s+(?:am|os))?|faint|pryd|ble|lle|pwy|pa|pam|oes|ydy|ydi|ga i|gaf i|alla i|galla i|fedra i|fydd|ydw i)\b`,
  'i',
);

/** Words that point back at the topic ("it", "that", "apply", "how much", "for my mum"): a follow-up has one. */
const POINTS_BACK =
  /\b(it|its|it's|that|this|them|they|those|one|there|apply|applying|pay|paying|cost|costs|price|much|long|quicker|faster|sooner|online|form|forms|eligible|qualify|deadline|instead|else|too|also|again|my (mum|dad|mother|father|son|daughter|wife|husband|partner|nan|gran|neighbour|kids|children|family)|for (me|him|her|them|us)|fe|fo|nhw|hynny|hwnna|hwnnw|honno|mae'n|ydy o|ydy e|ydy hi|ydi o|ydi e|ydi hi|yw e|yw o|yw hi|mae e|mae o|mae hi|ma fe|ma fo|faint|cais|talu|gostio|costio|cost|pris|hir|ar-lein|ffurflen|cymwys|eto|hefyd|i mi|iddo|iddi|i mam|i dad|amdano|amdani|amdanyn|amdanynt|ohono|ohoni|ohonyn|arno|arni|arnyn|ganddo|ganddi|ynddo|ynddi)\b/i;

/** At most this many words: a longer message says what it is about. */
const MAX_WORDS = 10;
/** A pronoun standing for the topic ("can she go on it?", "what if it starts to come down?"; Welsh "amdano", "ohono": about it, of it). */
const PRONOUN =
  /\b(it|it's|its|that|this|them|they|those|fe|fo|nhw|hynny|hwnna|hwnnw|honno|mae'n|ydy o|ydy e|ydy hi|ydi o|ydi e|ydi hi|yw e|yw o|yw hi|mae e|mae o|mae hi|ma fe|ma fo|amdano|amdani|amdanyn|amdanynt|ohono|ohoni|ohonyn|arno|arni|arnyn|iddo|iddi|iddyn|ganddo|ganddi|ynddo|ynddi)\b/i;
/** With such a pronoun a follow-up may be a little longer. */
const MAX_WORDS_WITH_PRONOUN = 14;

export function isFollowUp(text: string): boolean {
  const t = text.trim();
  if (!t) return false;
  return isFollowUpSentence(t) || lastQuestionFollowsUp(t);
}

function isFollowUpSentence(t: string): boolean {
  const words = t.split(/\s+/u).length;
  // "I must pay for it?", "and the cost?": a short question pointing back counts too.
  const shaped = (OPENING.test(t) || /\?\s*$/.test(t)) && POINTS_BACK.test(t);
  return shaped && (words <= MAX_WORDS || (words <= MAX_WORDS_WITH_PRONOUN && PRONOUN.test(t)));
}

/** At most this many words in a message whose last sentence is the follow-up: a little said first, then the question. */
const MAX_WORDS_WITH_STORY = 20;

/**
 * "We've told them twice already. Is there anything else we can try?": what happened, then a follow-up question as
 * its own last sentence. The message is as much a follow-up as its question is.
 */
function lastQuestionFollowsUp(t: string): boolean {
  const sentences = t.split(/(?<=[.!?])\s+/u).filter(Boolean);
  const last = sentences.at(-1) ?? '';
  return sentences.length >= 2 && /\?\s*$/.test(last) && t.split(/\s+/u).length <= MAX_WORDS_WITH_STORY && isFollowUpSentence(last);
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
export function isShortQuestion(text: string, maxWords = MAX_WORDS): boolean {
  const t = text.trim();
  return !!t && (OPENING.test(t) || /\?\s*$/.test(t)) && t.split(/\s+/u).length <= maxWords;
}

export function refersBack(text: string): boolean {
  return isFollowUp(text) && PRONOUN.test(text);
}

/** At most this many words for a question read with the conversation's topic added (see isContextQuestion). */
const MAX_WORDS_IN_CONTEXT = 16;

/**
 * A question that may lean on the conversation's topic for what it is about ("and do they still come if it is a
 * bank holiday?", "what if the old place stands empty for a month in between"): opening as a question
 * does, or ending with a question mark, and not long. The caller asks it again with the topic's words added.
 */
export function isContextQuestion(text: string): boolean {
  return isShortQuestion(text, MAX_WORDS_IN_CONTEXT);
}
