import { Intents } from '../intents/catalogue';
import { streetSuffixes } from '../intents/entities/streetSuffixes';
import { foldWelsh } from '../intents/entities/welshFold';
import { welshStreetTypes } from '../intents/entities/welshStreets';
import { NONE_INTENT, type RecognizerResult } from '../intents/recognizer';
import type { RiskAbout, RiskCategory } from '../intents/riskTaxonomy';
import type { RiskDecider, SafeguardingDetector, SafeguardingTrace, SafeguardingVerdict } from '../intents/safeguardingDetector';
import { beyondIntent, type ArticleMatch, type Retrieval, type SearchableKnowledge } from '../knowledge/knowledgeBase';
import { shippedIntentMessages, type IntentMessages } from '../knowledge/intentMessages';
import type { Buttons } from '../knowledge/buttons';
import type { Vocabulary } from '../knowledge/vocabulary';
import { escapeRegExp } from '../platform/escapeRegExp';
import { AnswerDecision } from './answerDecision';
import { asksWhatGoes, placeTakenTo } from './questionWords';
import { justAReference, withoutJoiningWord } from './routingWords';

export type Route =
  /** A risk: the category the reply follows, every category touched, and who it is about. */
  | {
      kind: 'safeguarding';
      reason: string;
      /** What decided it (a rule, the risk classifier, the intent classifier): SafeguardingVerdict.decidedBy. */
      decidedBy?: RiskDecider;
      category?: RiskCategory;
      categories?: RiskCategory[];
      about?: RiskAbout;
      label?: string;
    }
  | { kind: 'intent'; intent: string; score: number }
  /** A knowledge article answers it; `next` are the runners-up, offered if the answer did not help. */
  | { kind: 'kb'; articleId: string; score: number; next: string[] }
  | { kind: 'clarify'; intents: string[]; articleIds: string[] }
  | { kind: 'none' };

export interface RouterThresholds {
  /** At or above: act on the intent. */
  act: number;
  /** The best guess at or above this (and below `act`): ask "Did you mean…?". Below: say we can't help. */
  clarify: number;
  /** A second guess is offered too when at or above this. */
  clarifySecond: number;
  /** Mid-dialog, a non-safeguarding interruption (help, cancel…) needs at least this. */
  interrupt: number;
  /** Article confidence (see knowledge/scoredIndex.ts) at or above which the article answers. */
  kbAnswer: number;
  /**
   * Below this confidence, an article answers only if it is at least `kbLead` ahead of the next
   * (on the order's scale, see ScoredIndex): otherwise the close ones are offered as "Did you mean…?".
   */
  kbSure: number;
  kbLead: number;
  /** Article confidence at or above which an article is offered as a "Did you mean…?" choice. */
  kbClarify: number;
  /** Mid-dialog, a question is answered from an article only at or above this confidence. */
  kbInterrupt: number;
  /**
   * The recognised intent wins over a better-matching article unless the article's confidence is
   * more than this above the intent's own (its training examples matched the same way).
   */
  intentTie: number;
  /**
   * An article answers only if it matches better than the closest out-of-scope example by this
   * much, or if at least `beyondOutOfScope` of the message is the article's alone.
   */
  outOfScopeMargin: number;
  beyondOutOfScope: number;
  /**
   * When the classifier's best guess has at least `agreeClassifier` (below `act`), and one of its two best
   * guesses is the intent whose examples match best (at least `agreeMatch`, ahead of the next by
   * `agreeMargin`), that intent is acted on.
   */
  agreeClassifier: number;
  agreeMatch: number;
  agreeMargin: number;
  /** An out-of-scope example matching at least this well (and better than the intent's own examples) overrides the intent. */
  outOfScopeVeto: number;
}

export const DEFAULT_THRESHOLDS: RouterThresholds = {
  act: 0.5,
  clarify: 0.5,
  clarifySecond: 0.15,
  interrupt: 0.7,
  kbAnswer: 0.4,
  kbClarify: 0.3,
  // Calibrated on the development sets (tests/eval/dev.jsonl, kb-blind-dev.jsonl, knowledge-check.jsonl):
  // the top article of a message no article answers ("how much is a first class stamp": room hire and
  // leisure centres, both for "class") is middling and level with the next; a right answer at that
  // confidence is ahead.
  kbSure: 0.6,
  kbLead: 0.04,
  kbInterrupt: 0.7,
  intentTie: 0.05,
  outOfScopeMargin: 0.05,
  beyondOutOfScope: 0.25,
  outOfScopeVeto: 0.5,
  agreeClassifier: 0.4,
  agreeMatch: 0.8,
  agreeMargin: 0.15,
};

/** Small talk and controls are never offered as "Did you mean…?" choices. */
const NOT_CLARIFIABLE = new Set<string>([NONE_INTENT, Intents.safeguarding, Intents.greeting, Intents.goodbye, Intents.thanks, Intents.help, Intents.cancel]);

/** Intents that may interrupt a dialog in progress (safeguarding always may). */
export const INTERRUPTIONS = new Set<string>([Intents.help, Intents.cancel, Intents.humanHandoff]);

/**
 * A message with an email address or a UK phone number in it ("jane@example.com", "call me on
 * 07700 900123") answers the question being asked ("What phone number or email address should
 * they use?"); it never interrupts, whatever the classifier makes of it ("jane@example.com" looks
 * like help to it: help's examples say "for example"). Safeguarding is checked before this.
 */
const CONTACT_DETAILS = /^\s*(?:[^\s@]+@[^\s@]+\.[^\s@]{2,}|\+?[\d\s().-]{10,20})\s*$|[^\s@]+@[^\s@]+\.[a-z]{2,}|(?:\+44\s?|\b0)\d(?:[\s-]?\d){8,9}\b/i;
/**
 * Looks like a question of its own, not an answer to the dialog's question: it ends with a question mark, or starts
 * with a question word (the vocabulary's `own_question`: "how", "can", "wait, when…").
 */
const asks = (text: string, vocabulary: Vocabulary): boolean => /\?\s*$/.test(text) || vocabulary.own_question.test(text);
/** A part of a message is a request when it matches the request's own examples at least this well. */
const PART_INTENT_MATCH = 0.7;
/** A case check the classifier is at least this sure of, about the resident's own report, is one whatever articles its topic matches. */
const SURE_CASE_CHECK = 0.8;
/** At most this many words in a part of a message read with the parts before it (see Router.pointingBackNeed). */
const POINTING_BACK_WORDS = 8;
/** A request matched by a part of a message as well as this many articles are is not what the part asks for. */
const PART_CROWD = 2;
/**
 * A part of a message that only says where the resident is or lives: "I'm at 12 Mill Lane.", "we live at
 * no 4 Forest Way", "address is 3 Orchard Close AT5 1AA", "it's AT9 1NP".
 */
const onlyAPlaceIn = new WeakMap<Vocabulary, RegExp>();
/**
 * The words that may open it are the vocabulary's `place_said_opens` ("I'm at", "my address is", "dw i'n byw yn"), then its
 * `place_at` ("at") and the words before a house number (`place_number_short`, `place_number_word`); the number, street and
 * postcode are read here.
 */
function onlyAPlaceRegExp(vocabulary: Vocabulary): RegExp {
  let re = onlyAPlaceIn.get(vocabulary);
  if (!re) {
    const s = (r: RegExp): string => r.source;
    /** The street-type words of intents/entities (numbers.yaml `street_words`); the vocabulary's `place_street_ends` add a few more that end a street's name only (Hill Rise, Summit View, Lower Green). */
    const streetTypes = [...streetSuffixes().keys()].join('|');
    re = new RegExp(
      String.raw`^\s*(?:${s(vocabulary.place_said_opens)}\s+)?(?:${s(vocabulary.place_at)})?\s*(?:${s(vocabulary.place_number_short)}\s*|${s(vocabulary.place_number_word)}\s+)?\d{1,4}[a-z]?,?\s+(?:[a-z']+\s+){0,3}(?:${streetTypes}|${s(vocabulary.place_street_ends)})\b(?:,\s*[a-z]+)?,?\s*(?:[a-z]{1,2}\d[a-z\d]?\s?\d[a-z]{2})?\s*[.!]*\s*$`,
      'i',
    );
    onlyAPlaceIn.set(vocabulary, re);
  }
  return re;
}

/**
 * The same in a Welsh street's order, its type first ("3 Lôn yr Ysgol.", "rhif 4 Heol y Parc, AT5 1HE"): a word
 * before the number at most, then the number, a Welsh street type (welshStreetTypes(), mutated too) and up to three words.
 */
const onlyAWelshPlace = new WeakMap<ReadonlyMap<string, unknown>, RegExp>();
function onlyAWelshPlaceRegExp(): RegExp {
  const types = welshStreetTypes();
  let re = onlyAWelshPlace.get(types);
  if (!re) {
    re = new RegExp(
      String.raw`^\s*(?:\p{L}+\s+)?\d{1,4}[a-z]?,?\s+(?:${[...types.keys()].join('|')})(?:['’]r)?(?:\s+[\p{L}'’]+){0,3},?\s*(?:[a-z]{1,2}\d[a-z\d]?\s?\d[a-z]{2})?\s*[.!]*\s*$`,
      'iu',
    );
    onlyAWelshPlace.set(types, re);
  }
  return re;
}

/** A part or clause of a message that only says where, in English or Welsh order. */
export const onlyAPlace = (text: string, vocabulary: Vocabulary): boolean =>
  onlyAPlaceRegExp(vocabulary).test(text) || onlyAWelshPlaceRegExp().test(foldWelsh(text));

/** One thing a resident asked for: an article or a request. */
export type Need =
  /** `leansOnEarlier`: a part that names it only with the words said before it ("…cracked the lid. Can I get a new one?"). */
  /** `story`: a statement that several articles match alike ("I rent from a private landlord."): the story around what is asked. */
  /** `told`: found in a part that tells rather than asks ("I've lost my job."): what the resident said of their situation. */
  { kind: 'kb'; articleId: string; leansOnEarlier?: boolean; story?: boolean; told?: boolean } | { kind: 'intent'; intent: string };

/** A part's need, and the articles it matches as well as the need's own (empty for a request). */
interface PartNeed {
  need: Need;
  level: Set<string>;
  /** Found by reading the part with the parts before it (see Router.pointingBackNeed). */
  leansOnEarlier?: boolean;
  /** A statement whose best article is not clearly ahead of the next (see Router.partNeed). */
  story?: boolean;
  /** Found in a part that neither asks nor says what the resident wants. */
  told?: boolean;
}

const sameNeed = (a: Need, b: Need) =>
  (a.kind === 'kb' && b.kind === 'kb' && a.articleId === b.articleId) || (a.kind === 'intent' && b.kind === 'intent' && a.intent === b.intent);

/**
 * A message cut where a second need may start: sentences, and the vocabulary's `need_joins` ("and", "also",
 * "plus"; "a hefyd") when a new clause follows ("…wasn't collected, and also can you tell me…", "wat day r my bins
 * n can u take…", "…heb ei wagio, a hefyd dw i isio gwybod…").
 */
function needParts(text: string, vocabulary: Vocabulary): string[] {
  const pieces = text
    .split(new RegExp(`(?<=[?!.])\\s+|;\\s+|${vocabulary.need_joins.source}`, 'iu'))
    .map((p) => p.trim())
    .filter((p) => p.split(/\s+/).length >= 3);
  return pieces.length > 1 ? pieces : [];
}

/**
 * A part's clauses, at commas: "also wen is my bin day, same address" asks in its first clause; the
 * rest says where, and measured against the whole part the question's few words count for too little.
 */
function clauses(part: string, vocabulary: Vocabulary): string[] {
  const pieces = part.split(/,\s+/u).map((p) => p.trim());
  if (pieces.length < 2) return [];
  // Only a clause that asks ("wen is my bin day", "can you take a bed"): a clause that tells ("I run a small
  // cafe") is the story around the question, and read alone would be taken for a need of its own. A clause
  // that points back ("does that affect my council tax?") leans on the rest of the part.
  return pieces.filter((p) => p.split(/\s+/).length >= 3 && (asks(p, vocabulary) || vocabulary.wants.test(p)) && !vocabulary.points_back.test(p));
}

/** A message that ends with a question mark asks, whatever its words. */
const ENDS_ASKING = /\?\s*$/;

/**
 * Asks for information (when, what, which, how much, is it…), not for something to be done: "when is my bin emptied over
 * christmas?", "which bin do glass jars go in?": the vocabulary's `asks_information` (its first words) or
 * `asks_information_words` (anywhere), or a question mark at the end.
 */
export function asksInformation(text: string, vocabulary: Pick<Vocabulary, 'asks_information' | 'asks_information_words'>): boolean {
  return vocabulary.asks_information.test(text) || vocabulary.asks_information_words.test(text) || ENDS_ASKING.test(text);
}
/** A question takes the article over the request when at least this share of it is the article's alone. */
const QUESTION_BEYOND_INTENT = 0.2;
/** A question about a service answers from the best article rather than the request's own when that is this far ahead. */
const ASKED_ARTICLE_LEAD = 0.3;

/** Mid-request, a question answered below `kbInterrupt` confidence needs its article this far ahead of the next. */
const QUESTION_LEAD = 0.15;
/** Words a request interruption needs at least: a few words more than an answer ("a fridge"). */
const MIN_REQUEST_WORDS = 5;
/** A request told in this many words, and the classifier this sure of it, is a new request without "also" or "actually". */
const NEW_REQUEST_STORY_WORDS = 12;
const SURE_NEW_REQUEST = 0.9;

/**
 * The parts of a message, at sentence and clause breaks: "oh while I think of it, how do I find out
 * my band? we've just had a letter" holds the question in its middle part.
 */
function parts(text: string): string[] {
  const pieces = text
    .split(/(?<=[?!.])\s+|[,;:]\s+|\s+[-–—]+\s+/u)
    .map((p) => p.trim())
    .filter((p) => p.split(/\s+/).length >= 3);
  return pieces.length > 1 ? pieces : [];
}

/** The text without these phrases (whole words, any case), for searching what a message asks rather than where. */
function withoutWords(text: string, phrases: string[]): string {
  let rest = text;
  for (const phrase of phrases) rest = rest.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(phrase)}(?![\\p{L}\\p{N}])`, 'giu'), ' ');
  return rest === text ? text : rest.replace(/\s+/g, ' ').trim();
}

/** Small talk that may open a message before what it is for. */
const COURTESY = new Set<string>([Intents.thanks, Intents.greeting, Intents.goodbye]);

/**
 * A sentence after the first that asks a question of three words or more (it ends with "?"): the message
 * goes on past its opening courtesy ("Thanks. How do I apply for it?"). Any language: only the punctuation is read.
 */
function asksAfterwards(text: string): boolean {
  const sentences = text
    .split(/(?<=[.!?])\s+/u)
    .map((p) => p.trim())
    .filter(Boolean);
  return sentences.slice(1).some((p) => /\?\s*$/.test(p) && p.split(/\s+/).length >= 3);
}

const NO_RETRIEVAL: Retrieval = { articles: [], intents: [], outOfScope: 0 };

/**
 * Decides what a message is for: one routing, used by the bot, the terminal chat and
 * `npm run eval`, so that what is measured is what residents get. The recognizer's intent and
 * the knowledge base's articles are weighed together: a transactional request goes to its
 * dialog, a question to its article, a close call to "Did you mean…?".
 */
/** How many retrievals the router keeps (`recentRetrievals`): a message and its parts. */
const RECENT_RETRIEVALS = 8;

export class Router {
  /**
   * The last few retrievals, by text: routing one message retrieves the whole of it and its parts, in turns ("…is there
   * anything for food? we're really struggling": the whole, the question, the whole again), and a retrieval depends on
   * the text alone.
   */
  private readonly recentRetrievals = new Map<string, Retrieval>();

  constructor(
    private readonly safeguarding: SafeguardingDetector,
    /** The buttons' titles (knowledge/messages/<locale>/buttons.yaml): "Talk to a person" pressed is the person's intent. */
    private readonly buttons: Buttons,
    /**
     * The vocabulary (knowledge/messages/<locale>/vocabulary.yaml): "start again", "carry on", "cancel" and "help" as whole
     * messages, a bare yes or no (`bare_yes_no`, never an interruption), what the resident wants (`wants`), a clause that
     * points back (`points_back`), the words that open a message without saying what it is for (`opens_message`).
     */
    private readonly vocabulary: Vocabulary,
    private readonly thresholds: RouterThresholds = DEFAULT_THRESHOLDS,
    private readonly knowledge?: SearchableKnowledge,
    /** The intents' button labels (knowledge/messages/<locale>/intents.yaml): a label pressed is its intent. */
    private readonly intentWords: IntentMessages = shippedIntentMessages(),
    /** Whether the best article is likely enough to be right to answer a fresh question without asking (issue 17). */
    private readonly decision: AnswerDecision = new AnswerDecision(),
  ) {}

  /**
   * Asks for information (when, what, which, how much, is it…), not for something to be done: "when is my bin emptied over
   * christmas?", "which bin do glass jars go in?" (the vocabulary's `asks_information` and `asks_information_words`, or a
   * question mark at the end). A request said as a question ("can you collect my sofa?") is told apart by what the article
   * adds beyond the request's own examples (see {@link beyondIntent}), and by the vocabulary's `asks_for_service`.
   */
  private asksInformation(text: string): boolean {
    return asksInformation(text, this.vocabulary);
  }

  /** A fresh message, with no dialog in progress. */
  route(text: string, recognized: RecognizerResult): Route {
    const verdict = this.safeguarding.check(text, recognized);
    if (verdict.risk) return riskRoute(verdict);
    const exact = this.exactIntent(text);
    if (exact) return { kind: 'intent', intent: exact, score: 1 };
    // A button's title, or a question exactly as an article lists it (never also an intent's example: npm run validate).
    const titled = this.knowledge?.byTitle(text) ?? this.knowledge?.byQuestion(text);
    if (titled) return { kind: 'kb', articleId: titled.id, score: 1, next: [] };

    const t = this.thresholds;
    const found = this.searched(text, recognized);
    recognized = this.withoutRiskGuess(recognized, found);
    const intent = recognized.intent;
    // "Thanks. Do I need a photo?", "Diolch yn fawr. A oes angen ffotograff?": the courtesy is not what the message is for.
    const courtesyThenQuestion = COURTESY.has(intent) && asksAfterwards(text);
    const intentOk = intent !== NONE_INTENT && intent !== Intents.safeguarding && recognized.score >= t.act && !courtesyThenQuestion;
    // How well the intent's own training examples match, on the same scale as articles.
    const intentMatch = found.intents.find((i) => i.intent === intent)?.confidence ?? 0;
    const top = found.articles[0];
    const kb = top?.confidence ?? 0;

    // Worded more like an out-of-scope example ("where can i buy a cheap sofa") than like the intent's own examples.
    const outOfScope = found.outOfScope >= t.outOfScopeVeto && found.outOfScope > intentMatch;
    // "What can I do with an old sofa?", "will the council take them away? is that right?": asking about a
    // service, not asking for it. The article that offers the request answers, with the request's button.
    // "What goes in the blue bin?", "can I take a mattress to the tip myself?": what a service takes, or what the
    // resident may do themselves, whatever request shares its words. The article that answers it, when one does clearly.
    // Not "when do they take the recycling?" (the vocabulary's `asks_when`): the day it is collected, whatever it says of taking.
    const takes =
      intentOk && asksWhatGoes(text, this.vocabulary) && !this.vocabulary.asks_for_service.test(text) && !this.vocabulary.asks_when.test(text)
        ? (this.placeArticle(text) ?? this.answeringArticle(found))
        : undefined;
    if (takes) return takes;
    const asked =
      intentOk &&
      ((this.vocabulary.asks_about_service.test(text) && !this.vocabulary.asks_for_service.test(text)) || this.vocabulary.asks_price_or_limits.test(text))
        ? this.linkedArticle(intent, found)
        : undefined;
    if (asked) return asked;
    // "what is happening with the report I made about an abandoned car": a case check the classifier is sure of, about a report
    // the resident made (the vocabulary's `own_report`). What the report was about is not the question.
    if (intentOk && intent === Intents.checkCaseStatus && recognized.score >= SURE_CASE_CHECK && this.vocabulary.own_report.test(text))
      return { kind: 'intent', intent, score: recognized.score };
    // A question for information that the best article answers beyond the request's own examples ("is my bin
    // emptied over christmas?" is not finding the collection day): the article answers.
    // (A case check is a question about the resident's own report by nature: "what's the status of that now?".)
    const informationQuestion =
      intentOk &&
      intent !== Intents.checkCaseStatus &&
      !outOfScope &&
      top &&
      kb >= t.kbAnswer &&
      this.clearlyAhead(found) &&
      this.asksInformation(text) &&
      !this.vocabulary.asks_for_service.test(text) &&
      beyondIntent(
        top,
        found.intents.find((i) => i.intent === intent),
      ) >= QUESTION_BEYOND_INTENT;
    if (informationQuestion && this.beatsOutOfScope(top, found) && this.decision.answers(found))
      return { kind: 'kb', articleId: top.article.id, score: kb, next: this.runnersUp(found) };
    if (intentOk && !outOfScope && intentMatch >= kb - t.intentTie) return { kind: 'intent', intent, score: recognized.score };
    // The classifier leans to requests it is not sure of, and one of them matches its own examples as well as
    // the article matches: a close call between doing something and answering, so ask rather than answer.
    const leaning = recognized.alternatives.filter((a) => a.intent !== NONE_INTENT && !NOT_CLARIFIABLE.has(a.intent));
    const closeCall =
      (leaning[0]?.score ?? 0) >= t.clarify &&
      leaning.slice(0, 2).some((a) => a.score >= t.clarifySecond && (found.intents.find((i) => i.intent === a.intent)?.confidence ?? 0) >= kb - t.intentTie);
    // The classifier is unsure, but one of its two best guesses is clearly the request whose own examples
    // match best ("cheers bye": thanks or goodbye?): two signals agree, so act on it.
    const agreed = this.agreedIntent(recognized, found);
    if (agreed && !outOfScope && agreed.confidence > kb)
      return {
        kind: 'intent',
        intent: agreed.intent,
        score: agreed.confidence,
      };
    // "Our Bertie slipped his lead in the park on Sunday… Is there anyone at the council who picks up lost dogs?": a story
    // and one question, the story naming nothing clearly: the question's clear article, whatever the story's words add.
    // Clearly ahead on its own: answered; a closer one only where the whole message would have asked with it first.
    const questioned = intentOk && !outOfScope ? undefined : this.storyQuestion(text);
    if (questioned?.strong) return questioned.route;
    // The fixed rules, then the calibrated chance that the best article is the one meant (dialogs/answerDecision.ts).
    const clear = !!top && kb >= t.kbAnswer && this.beatsOutOfScope(top, found) && !closeCall && this.clearlyAhead(found);
    if (clear && this.decision.answers(found)) return { kind: 'kb', articleId: top.article.id, score: kb, next: this.runnersUp(found) };
    // Here `clear` means clear by the fixed rules but not likely enough to be right: asked, with that article among the
    // choices (and the request the classifier leans to, if any), rather than a request acted on or "I can't help".
    const unsure = clear;
    if (!unsure && intentOk && !outOfScope) return { kind: 'intent', intent, score: recognized.score };
    if (!unsure && outOfScope) return { kind: 'none' };

    if (questioned && questioned.route.kind === 'kb' && top?.article.id === questioned.route.articleId) return questioned.route;
    // Unsure: offer the best guesses when the first is reasonably strong. An intent is offered only if the
    // message is not more like an out-of-scope example than like the intent's own examples.
    const plausible = (name: string) => found.outOfScope < t.kbClarify || (found.intents.find((i) => i.intent === name)?.confidence ?? 0) >= found.outOfScope;
    const candidates = recognized.alternatives.filter((a) => !NOT_CLARIFIABLE.has(a.intent) && plausible(a.intent));
    const intents =
      candidates[0] && candidates[0].score >= t.clarify
        ? candidates
            .filter((c, i) => i === 0 || c.score >= t.clarifySecond)
            .slice(0, 2)
            .map((c) => c.intent)
        : [];
    const articleIds = [
      ...(unsure ? [top] : []),
      ...found.articles.filter((a) => a.confidence >= t.kbClarify && a.confidence > found.outOfScope).sort((a, b) => b.confidence - a.confidence),
    ]
      .map((a) => a.article.id)
      .filter((id, i, all) => all.indexOf(id) === i)
      .slice(0, 2);
    // Two or three choices in all: the likeliest requests, then the best articles.
    if (intents.length || articleIds.length)
      return {
        kind: 'clarify',
        intents,
        articleIds: articleIds.slice(0, Math.max(0, 3 - intents.length)),
      };
    return { kind: 'none' };
  }

  /**
   * What {@link route} searches for a fresh message: in a question, a street named is where, not what ("Pam mae Station Road ar
   * gau?" is not about the tip on Station Road), as for a question mid-request; only a street written as a name, with a capital
   * ("the high street", "'n lôn ni" may be what it is about). Public for scripts/calibrateAnswers.ts.
   */
  searched(text: string, recognized: RecognizerResult): Retrieval {
    const streets =
      asks(text, this.vocabulary) || this.vocabulary.wants.test(text)
        ? recognized.entities.filter((e) => e.type === 'street' && /\p{Lu}/u.test(e.text)).map((e) => e.text)
        : [];
    return this.retrieve(withoutWords(text, streets) || text);
  }

  /**
   * Retrieval for a text, remembered for the last text asked: one turn asks about the same message
   * several times (routing, a follow-up's topic match and lead, a question mid-request). The
   * knowledge base does not change while the assistant runs, so the answer is the same.
   */
  private retrieve(text: string): Retrieval {
    if (!this.knowledge) return NO_RETRIEVAL;
    const kept = this.recentRetrievals.get(text);
    if (kept) return kept;
    // Words that open the message without saying what it is about (the vocabulary's `opens_message`: "wait,", "hang on",
    // "Thank you very much. Do I need a photo?") are not searched for: they match whatever article happens to use them.
    const rest = text.replace(this.vocabulary.opens_message, '');
    const found = this.knowledge.retrieve(rest.trim() ? rest : text);
    this.recentRetrievals.set(text, found);
    if (this.recentRetrievals.size > RECENT_RETRIEVALS) this.recentRetrievals.delete(this.recentRetrievals.keys().next().value!);
    return found;
  }

  /**
   * The article matches the message better than the closest out-of-scope example, or enough of the
   * message is the article's alone. The more the out-of-scope example leads, the more of the message
   * must be the article's: "what time does tesco close tonight" is worded like "what time does tesco
   * close" (0.72) far more than like the homelessness article (0.46), whose "tonight" alone (0.28 of the
   * message) must not carry it; "I'm going to be homeless next week" (0.54 against 0.46) is half the
   * article's own words.
   */
  private beatsOutOfScope(top: ArticleMatch, found: Retrieval): boolean {
    const t = this.thresholds;
    if (top.confidence > found.outOfScope + t.outOfScopeMargin) return true;
    return top.beyondOutOfScope >= t.beyondOutOfScope + Math.max(0, found.outOfScope - top.confidence);
  }

  /**
   * The best article is sure enough, or far enough ahead of the next, to answer without asking; never one the message is
   * among the questions it must not answer (its `notFor:`, knowledge/knowledgeBase.ts: first only when every article found is).
   */
  private clearlyAhead(found: Retrieval): boolean {
    const [first, second] = found.articles;
    if (!first || first.notFor !== undefined) return false;
    return first.confidence >= this.thresholds.kbSure || first.rank - (second?.rank ?? 0) >= this.thresholds.kbLead;
  }

  /**
   * "Can I take a mattress to the tip myself?": the article about the place named (the tip), when the place alone
   * clearly finds one and the whole message matches it too; the thing taken (a mattress) may match the article
   * of a collection better, which is not what was asked.
   */
  private placeArticle(text: string): Route | undefined {
    const place = placeTakenTo(text, this.vocabulary);
    if (!place || !this.knowledge) return undefined;
    const byPlace = this.answeringArticle(this.knowledge.retrieve(place), false);
    if (!byPlace || byPlace.kind !== 'kb' || !(this.retrieve(text).articles.find((a) => a.article.id === byPlace.articleId)?.confidence ?? 0)) return undefined;
    const confidence = this.retrieve(text).articles.find((a) => a.article.id === byPlace.articleId)?.confidence ?? 0;
    return { kind: 'kb', articleId: byPlace.articleId, score: confidence, next: this.runnersUp(this.retrieve(text)).filter((id) => id !== byPlace.articleId) };
  }

  /**
   * The best article, when it answers on the usual terms: confident enough, clear of out-of-scope wording, ahead of the next;
   * `answering`: and likely enough to be right to be given straight away (not needed to know what a message was about).
   */
  private answeringArticle(found: Retrieval, answering = true): Route | undefined {
    const t = this.thresholds;
    const top = found.articles[0];
    if (!top || top.confidence < t.kbAnswer || !this.clearlyAhead(found)) return undefined;
    if (!this.beatsOutOfScope(top, found) || (answering && !this.decision.answers(found))) return undefined;
    return { kind: 'kb', articleId: top.article.id, score: top.confidence, next: this.runnersUp(found) };
  }

  /**
   * The article that would answer the message on the usual terms (see {@link answeringArticle}), whatever else it says:
   * after the safeguarding reply to "I've just lost my job, can I get help with my council tax?", what the message was
   * about is still the conversation's topic.
   */
  answeringArticleId(text: string): string | undefined {
    const route = this.answeringArticle(this.retrieve(text), false);
    return route?.kind === 'kb' ? route.articleId : undefined;
  }

  /** The articles offered if the answer did not help. */
  private runnersUp(found: Retrieval): string[] {
    return found.articles
      .slice(1)
      .filter((a) => a.confidence >= this.thresholds.kbClarify)
      .map((a) => a.article.id);
  }

  /**
   * The article that offers this request (`request:` in its front matter), when the message matches it at all;
   * another article when it is far ahead ("how do I get rid of asbestos sheets" is hazardous waste, not bulky waste).
   */
  private linkedArticle(intent: string, found: Retrieval): Route | undefined {
    const article = this.knowledge?.all().find((a) => a.request === intent);
    const match = article && found.articles.find((a) => a.article.id === article.id);
    const top = found.articles[0];
    if (article && top && top.confidence >= this.thresholds.kbAnswer && top.confidence - (match?.confidence ?? 0) >= ASKED_ARTICLE_LEAD)
      return { kind: 'kb', articleId: top.article.id, score: top.confidence, next: [] };
    if (!article || !match || match.confidence < this.thresholds.kbClarify) return undefined;
    return { kind: 'kb', articleId: article.id, score: match.confidence, next: [] };
  }

  /**
   * The classifier's safeguarding guess when the safeguarding check found no risk: a story told around the need ("my
   * husband always did the bins and he passed away…", "…my husband put it out the night before") leans the classifier to
   * it. Its best other guess is read as if the safeguarding guess were not there (its share of the rest), when that request's
   * own examples match the message at least as well as the best article: two signals agree on what the message is for.
   */
  private withoutRiskGuess(recognized: RecognizerResult, found: Retrieval): RecognizerResult {
    // Its second guess too ("…the bin men came down our road on Wednesday as usual and…": the request just below acting, the
    // safeguarding guess just below it): the request's share of the rest.
    const risk = recognized.intent === Intents.safeguarding ? recognized : recognized.alternatives.find((a) => a.intent === Intents.safeguarding);
    if (!risk || (risk !== recognized && recognized.score >= this.thresholds.act)) return recognized;
    const next = recognized.alternatives.find((a) => a.intent !== Intents.safeguarding && a.intent !== NONE_INTENT);
    const rest = 1 - risk.score;
    if (!next || rest <= 0) return recognized;
    const score = Math.min(1, next.score / rest);
    const matched = found.intents.find((i) => i.intent === next.intent)?.confidence ?? 0;
    const kb = found.articles[0]?.confidence ?? 0;
    if (score < this.thresholds.act || matched < kb - this.thresholds.intentTie || matched <= found.outOfScope) return recognized;
    return { ...recognized, intent: next.intent, score };
  }

  /** The retrieval's clearly best intent, when it is also one of the classifier's two best guesses. */
  private agreedIntent(recognized: RecognizerResult, found: Retrieval): { intent: string; confidence: number } | undefined {
    const t = this.thresholds;
    const [best, second] = found.intents;
    if (!best || best.confidence < t.agreeMatch || best.confidence - (second?.confidence ?? 0) < t.agreeMargin) return undefined;
    if (best.confidence <= found.outOfScope) return undefined;
    const guesses = recognized.alternatives.filter((a) => a.intent !== NONE_INTENT).slice(0, 2);
    if ((guesses[0]?.score ?? 0) < t.agreeClassifier || !guesses.some((g) => g.intent === best.intent)) return undefined;
    return best;
  }

  /**
   * A message told as a story with one question in it ("My mum is 82 and finding it hard to get about, and I was wondering
   * if she could get one of those blue badges…?"): the only part that asks, when the other parts name no need of their own
   * and its best article is clearly ahead, answers on the usual terms and no request's examples match it as well.
   */
  private storyQuestion(text: string): { route: Route; strong: boolean } | undefined {
    if (!this.knowledge) return undefined;
    const pieces = needParts(text, this.vocabulary);
    if (pieces.length < 2) return undefined;
    const asking = pieces.filter((p) => this.asksForSomething(p));
    if (asking.length !== 1) return undefined;
    const [question] = asking;
    // "got a ticket outside my own house. how do I appeal this?": a short question that points back names its topic only with
    // the story before it; alone, its few words ("appeal") find whatever page shares them.
    if (this.leansOnEarlier(question, pieces.slice(0, pieces.indexOf(question)))) return undefined;
    if (pieces.some((p) => p !== question && (this.partNeed(p)?.story ?? true) === false)) return undefined;
    const found = this.retrieve(question);
    const top = found.articles[0];
    const t = this.thresholds;
    if (!top || top.confidence < t.kbAnswer || !this.beatsOutOfScope(top, found) || !this.clearlyAhead(found)) return undefined;
    if (found.intents.some((i) => !NOT_CLARIFIABLE.has(i.intent) && i.confidence >= top.confidence - t.intentTie)) return undefined;
    // "is there anything for food or the electric? we're really struggling": a vague question whose few words find a page
    // that shares them (recycling: food, electrical items), where the whole message clearly answers with another page that
    // the question matches too (help with the cost of living: food, struggling). The story says which the question meant.
    const whole = this.answeringArticle(this.retrieve(text));
    if (
      whole?.kind === 'kb' &&
      whole.articleId !== top.article.id &&
      (found.articles.find((a) => a.article.id === whole.articleId)?.confidence ?? 0) >= t.kbClarify
    )
      return undefined;
    const strong = top.confidence >= t.kbInterrupt && top.confidence - (found.articles[1]?.confidence ?? 0) >= QUESTION_LEAD;
    return { route: { kind: 'kb', articleId: top.article.id, score: top.confidence, next: this.runnersUp(found) }, strong };
  }

  /** The safeguarding check alone (rules and classifiers), for a dialog that only needs to know whether a message signals risk. */
  /**
   * The needs in a message that holds more than one ("my caddy wasn't collected, and also how does
   * the single person discount work?"), in the order said: each part that on its own clearly
   * matches an article or a request's own examples. Fewer than two: the message is one need.
   */
  needs(text: string, recognized?: RecognizerResult): Need[] {
    if (!this.knowledge) return [];
    const parts = needParts(text, this.vocabulary);
    const byPart: (PartNeed | undefined)[] = [];
    for (const [i, part] of parts.entries()) {
      // A reason given with the need ("…for a year, because I think mine is running out") is the story around it: read without it too.
      const unexplained = part.replace(new RegExp(this.vocabulary.reason_given.source, 'giu'), ' ').replace(/\s+/g, ' ').trim();
      // Where, said as a clause of its own ("my bin wasn't collected, 2 The Green AT9 1NP"), is no part of what is asked: read without it too.
      const placeless = part
        .split(/,\s+/u)
        .filter((clause) => !onlyAPlace(clause, this.vocabulary))
        .join(', ');
      const need =
        this.pointingBackNeed(part, parts.slice(0, i)) ??
        this.partNeed(part) ??
        (unexplained !== part && unexplained.split(' ').length >= 3 ? this.partNeed(unexplained) : undefined) ??
        (placeless !== part && placeless.split(' ').length >= 3 ? this.partNeed(placeless) : undefined) ??
        clauses(part, this.vocabulary).reduce<PartNeed | undefined>((n, clause) => n ?? this.partNeed(clause), undefined) ??
        this.addedNeed(
          part,
          byPart.filter((n) => n !== undefined),
        );
      byPart.push(need && need.need.kind === 'kb' && !this.asksForSomething(part) ? { ...need, told: true } : need);
    }
    // "bins not been dun n also hw do i get a garden waste sub": the classifier is sure the message asks for a request that no
    // part was found to be (a few words in text-speak match the request's own examples no better than many pages do); the part
    // nothing else claimed that matches that request's examples as well as any other request's is it.
    const classified = this.classifiedPart(parts, byPart, recognized);
    if (classified !== undefined) byPart[classified] = { need: { kind: 'intent', intent: recognized!.intent }, level: new Set() };
    const found: PartNeed[] = [];
    for (const need of byPart) if (need && !found.some((f) => sameNeed(f.need, need.need))) found.push(need);
    // A part whose best article is level with another part's ("lost my job" matches the council tax reduction
    // article as well as pages that happen to say "lost" and "job"; the rest of the message asks for the reduction)
    // says the same thing as that part: the more pages a council has, the more a few words find several alike.
    const distinct = found.filter(
      (f) => !found.some((o) => o !== f && o.need.kind === 'kb' && f.level.has(o.need.articleId) && !(f.need.kind === 'kb' && o.level.has(f.need.articleId))),
    );
    return distinct.length >= 2
      ? distinct.map((f) =>
          f.need.kind === 'kb' && (f.leansOnEarlier || f.story || f.told)
            ? { ...f.need, ...(f.leansOnEarlier ? { leansOnEarlier: true } : {}), ...(f.story ? { story: true } : {}), ...(f.told ? { told: true } : {}) }
            : f.need,
        )
      : [];
  }

  /**
   * "So what am I meant to do with a full bin for two weeks?? I want to make a complaint about this": a message that as a whole
   * matched nothing, of which exactly one part that asks or says what is wanted clearly names one thing (a statement matching
   * several articles alike is story, not a need). Undefined otherwise.
   */
  soleNeed(text: string): Need | undefined {
    if (!this.knowledge) return undefined;
    // Only a part that asks or says what is wanted: "I'm 78 and I don't use the computer" is about the resident, not a need.
    const found = needParts(text, this.vocabulary)
      .filter((part) => asks(part, this.vocabulary) || this.vocabulary.wants.test(part))
      .map((part) => this.partNeed(part))
      .filter((n): n is PartNeed => !!n && !n.story);
    const [first] = found;
    return first && found.every((n) => sameNeed(n.need, first.need)) ? first.need : undefined;
  }

  /**
   * The part of a message that the classifier's confident request for the whole message stands for, when the parts were found
   * to be articles only: the first part no other need claimed whose words match the request's own examples at least as well as
   * any other request's, and better than out-of-scope wording. Undefined when the message is not that kind of request.
   */
  private classifiedPart(parts: string[], byPart: (PartNeed | undefined)[], recognized: RecognizerResult | undefined): number | undefined {
    if (!recognized || recognized.score < this.thresholds.act) return undefined;
    const intent = recognized.intent;
    if (NOT_CLARIFIABLE.has(intent) || intent === Intents.humanHandoff || intent === Intents.checkCaseStatus) return undefined;
    // Only beside articles: a part read as another request ("Old people can fall." as fly-tipping in a pothole report) is more
    // likely a part misread than a second request.
    if (byPart.some((n) => n?.need.kind === 'intent') || !byPart.some((n) => n)) return undefined;
    const index = parts.findIndex((part, i) => {
      if (byPart[i] || onlyAPlace(part, this.vocabulary)) return false;
      const r = this.retrieve(part);
      const own = r.intents.find((i) => i.intent === intent)?.confidence ?? 0;
      const best = Math.max(0, ...r.intents.filter((i) => !NOT_CLARIFIABLE.has(i.intent) && i.intent !== Intents.humanHandoff).map((i) => i.confidence));
      return own > 0 && own >= best && own > r.outOfScope;
    });
    return index >= 0 ? index : undefined;
  }

  /** What one part of a message asks for, when it clearly matches an article or a request's own examples. */
  private partNeed(part: string): PartNeed | undefined {
    if (!this.knowledge) return undefined;
    const t = this.thresholds;
    // A part that only says where ("I'm at 7 High Street.") is where, not what: no article, no request.
    if (onlyAPlace(part, this.vocabulary)) return undefined;
    // A part asked exactly as an article lists the question ("what goes in the blue bin") is that article.
    const listed = this.knowledge.byTitle(part) ?? this.knowledge.byQuestion(withoutJoiningWord(part, this.vocabulary));
    if (listed) return { need: { kind: 'kb', articleId: listed.id }, level: new Set() };
    const r = this.retrieve(part);
    const article = r.articles[0];
    const intent = r.intents.find((i) => !NOT_CLARIFIABLE.has(i.intent) && i.intent !== Intents.humanHandoff);
    const articleOk = !!article && article.confidence >= t.kbInterrupt && article.confidence > r.outOfScope + t.outOfScopeMargin;
    const intentOk = !!intent && intent.confidence >= PART_INTENT_MATCH && intent.confidence > r.outOfScope + t.outOfScopeMargin;
    // A part whose few words a request's examples share with several articles, all at the same confidence ("I can't pay
    // that, I've got nothing": a missed bin and car parks, housing benefit, overpayments), asks for none of them. Articles
    // alone level with each other are neighbours on one topic ("what do I need to do about council tax"): the first is kept.
    // A part asked as a question for information ("…faint mae'r bin gwastraff gardd yn gostio?", "how much is the green bin
    // sub?") that an article answers clearly ahead of any request is that article, however many others share the request's words.
    if (articleOk && this.asksInformation(part) && article.confidence - (intent?.confidence ?? 0) >= QUESTION_LEAD)
      return { need: { kind: 'kb', articleId: article.article.id }, level: this.levelWith(r) };
    // "how do I get a new blue bin?": a question for information whose best article, clearly ahead of the others, holds words the
    // request's examples do not ("new"): the article, as a whole message asked that way would be (see route), not the bin day.
    if (
      articleOk &&
      intentOk &&
      this.asksInformation(part) &&
      !this.vocabulary.asks_for_service.test(part) &&
      this.clearlyAhead(r) &&
      beyondIntent(article, intent) >= QUESTION_BEYOND_INTENT
    )
      return { need: { kind: 'kb', articleId: article.article.id }, level: this.levelWith(r) };
    if (intentOk && r.articles.filter((a) => a.confidence >= intent.confidence - t.intentTie).length >= PART_CROWD) return undefined;
    if (intentOk && (!articleOk || intent.confidence >= article.confidence - t.intentTie))
      return { need: { kind: 'intent', intent: intent.intent }, level: new Set() };
    // A statement ("To whom it may concern.", "dw i'n poeni.", "I rent from a private landlord.") whose few words several
    // articles match alike, the best not clearly ahead of the next, is the story around what the message asks, not a need of
    // its own (see MainDialog.firstOfSeveralNeeds).
    // Level with pages of the same owner it is one topic's neighbours ("…parti bob nos Sadwrn…": noise at night and noise), a need.
    const next = r.articles[1];
    if (
      articleOk &&
      !this.asksForSomething(part) &&
      next &&
      article.confidence - next.confidence < QUESTION_LEAD &&
      next.article.owner !== article.article.owner
    )
      return { need: { kind: 'kb', articleId: article.article.id }, level: this.levelWith(r), story: true };
    if (articleOk) return { need: { kind: 'kb', articleId: article.article.id }, level: this.levelWith(r) };
    // A clear question ("hw do i get a garden waste sub?") needs less, when one article stands out: the terms of a question
    // answered in the middle of a request (knowledgeInterruption), where a few words never reach the usual confidence.
    if (this.clearPartQuestion(part, r)) return { need: { kind: 'kb', articleId: article.article.id }, level: this.levelWith(r) };
    return undefined;
  }

  /** A part that asks or says what the resident wants, whose best article answers on the usual terms and stands out from the next. */
  private clearPartQuestion(part: string, found: Retrieval): boolean {
    const [top, second] = found.articles;
    // A part that points back ("…how do I take it further?") leans on the rest of the message, like a clause that does (see clauses).
    if (!top || !this.asksForSomething(part) || this.vocabulary.points_back.test(part) || top.confidence < this.thresholds.kbAnswer) return false;
    if (top.confidence - (second?.confidence ?? 0) < QUESTION_LEAD || !this.beatsOutOfScope(top, found)) return false;
    // Never a request's words asked as a question ("can you collect my sofa?"): the request's examples match it as well.
    return !found.intents.some((i) => !NOT_CLARIFIABLE.has(i.intent) && i.confidence >= top.confidence - this.thresholds.intentTie);
  }

  /**
   * A short question that leans on what was said before it ("…they cracked the lid. Can I get a new one?"): its few words
   * name nothing alone, so it is read with the earlier parts' words, and the article its own words reach there is its need.
   */
  private pointingBackNeed(part: string, earlier: string[]): PartNeed | undefined {
    if (!this.leansOnEarlier(part, earlier)) return undefined;
    const route = this.articleInContext(part, earlier.join(' '));
    return route?.kind === 'kb' ? { need: { kind: 'kb', articleId: route.articleId }, level: new Set(), leansOnEarlier: true } : undefined;
  }

  /** A short question after other parts of a message that points back at them ("Can I get a new one?", "do you take those?"). */
  private leansOnEarlier(part: string, earlier: string[]): boolean {
    return (
      earlier.length > 0 && part.split(/\s+/).length <= POINTING_BACK_WORDS && asks(part, this.vocabulary) && this.vocabulary.follow_up_points_back.test(part)
    );
  }

  /**
   * A part that says more about a request already found and names something else clearly ("…a pile of bags by number 12.
   * And the whole street hasn't been swept in months either."): its best article, well ahead of the next, when no request
   * but one already found matches it as well.
   */
  private addedNeed(part: string, found: PartNeed[]): PartNeed | undefined {
    // A statement of its own: a question ("how do I take it further?") or words for what was said before ("it's been there
    // for weeks") lean on the rest of the message.
    if (this.asksForSomething(part) || /\?/.test(part) || this.vocabulary.points_back.test(part)) return undefined;
    // It adds to what was said ("And the pavement hasn't been swept…", "…the bins are overflowing too"); a statement that adds
    // nothing ("I am on a fixed income and very distressed") is the story of the need around it, not a need of its own.
    if (!found.length || (!this.vocabulary.rest_opens.test(part.trim()) && !this.vocabulary.also.test(part))) return undefined;
    const t = this.thresholds;
    const r = this.retrieve(part);
    const [top, next] = r.articles;
    if (!top || top.confidence < t.kbAnswer || top.confidence - (next?.confidence ?? 0) < QUESTION_LEAD) return undefined;
    if (!this.beatsOutOfScope(top, r)) return undefined;
    const requests = r.intents.filter((i) => i.confidence >= top.confidence - t.intentTie);
    if (!requests.every((i) => found.some((f) => f.need.kind === 'intent' && f.need.intent === i.intent))) return undefined;
    return { need: { kind: 'kb', articleId: top.article.id }, level: this.levelWith(r) };
  }

  /** The other articles that a part matches as well as its best one (not clearly behind it: see {@link clearlyAhead}), sure enough to answer mid-dialog. */
  private levelWith(found: Retrieval): Set<string> {
    const [first, ...rest] = found.articles;
    const t = this.thresholds;
    return new Set(rest.filter((a) => a.confidence >= t.kbInterrupt && first.rank - a.rank < t.kbLead).map((a) => a.article.id));
  }

  /**
   * A part of a message that asks for something of its own ("…and I want to make a complaint", "also when is my
   * bin day"): said as a question or a want. A statement ("it's by the bus stop", "the lid is broken too") is more
   * about what is being reported, even when an article shares its words.
   */
  asksForSomething(part: string): boolean {
    return asks(part, this.vocabulary) || this.vocabulary.wants.test(part);
  }

  /**
   * A follow-up that names no topic, asked again with the conversation's topic added ("and do they still come
   * if it is a bank holiday?" after a bin day, "what's the transfer thing then?" after the housing register):
   * the article that answers it, when that article is clear enough to answer on its own terms (the same
   * thresholds as a fresh question, ahead of the other articles the message itself matches) and the message itself
   * matches it at all, so the topic's words cannot answer on their own. Retrieval within the topic's neighbourhood,
   * found by the topic's own words.
   */
  articleInContext(text: string, topicWords: string): Route | undefined {
    if (!this.knowledge || !topicWords.trim()) return undefined;
    const t = this.thresholds;
    // The message alone first: route() has just retrieved it, so this is the cached retrieval, not a second one.
    const saidAlone = new Set(
      this.retrieve(text)
        .articles.filter((a) => a.confidence > 0)
        .map((a) => a.article.id),
    );
    const found = this.retrieve(`${text} ${topicWords}`);
    // The neighbourhood as far as the message's own words reach: an article that only the topic's words bring in (the
    // topic's own, say) is not what "what's the transfer thing then?" asks about, and does not stand in the way of one that is.
    const reached: Retrieval = { ...found, articles: found.articles.filter((a) => saidAlone.has(a.article.id)) };
    const top = reached.articles[0];
    if (!top || top.confidence < t.kbAnswer || !this.clearlyAhead(reached)) return undefined;
    if (!this.beatsOutOfScope(top, found)) return undefined;
    return { kind: 'kb', articleId: top.article.id, score: top.confidence, next: [] };
  }

  /**
   * The article a message read with the topic's words clearly points to ("Will my name be made public?" with the planning
   * consultations' title), at the thresholds of a fresh question; undefined when none stands out.
   */
  bestInContext(text: string, topicWords: string): string | undefined {
    const found = this.retrieve(`${text} ${topicWords}`);
    const [top] = found.articles;
    return top && top.confidence >= this.thresholds.kbAnswer && this.clearlyAhead(found) && this.beatsOutOfScope(top, found) ? top.article.id : undefined;
  }

  /** How far the best article is ahead of the next: near 0 when the words fit many articles alike ("how much does it cost?"). */
  articleLead(text: string): number {
    const [first, second] = this.retrieve(text).articles;
    return (first?.confidence ?? 0) - (second?.confidence ?? 0);
  }

  /** How far the best article is ahead of the next on the order's scale (see ScoredIndex): the words name one article, not a neighbourhood. */
  rankLead(text: string): number {
    const [first, second] = this.retrieve(text).articles;
    return (first?.rank ?? 0) - (second?.rank ?? 0);
  }

  /** How well one article matches the message (0 when it is not among the matches). */
  articleConfidence(text: string, articleId: string): number {
    return this.retrieve(text).articles.find((a) => a.article.id === articleId)?.confidence ?? 0;
  }

  /** The request whose own examples match the message best (not the control intents), if any. */
  bestIntent(text: string): string | undefined {
    return this.retrieve(text).intents.find((i) => !NOT_CLARIFIABLE.has(i.intent) && i.intent !== Intents.humanHandoff)?.intent;
  }

  /** How well one request's own examples match the message (0 when it is not among the matches). */
  intentConfidence(text: string, intent: string): number {
    return this.retrieve(text).intents.find((i) => i.intent === intent)?.confidence ?? 0;
  }

  signalsRisk(text: string, recognized: RecognizerResult | undefined): boolean {
    return this.safeguarding.check(text, recognized).risk;
  }

  /** The safeguarding check alone, with the category and who it is about. */
  risk(text: string, recognized: RecognizerResult | undefined): SafeguardingVerdict {
    return this.safeguarding.check(text, recognized);
  }

  /** How the safeguarding check decided (rules, the risk classifier on the message and on each clause): for scripts/explainRisk.ts. */
  explainRisk(text: string, recognized?: RecognizerResult): SafeguardingTrace {
    return this.safeguarding.explain(text, recognized);
  }

  /**
   * A message while a dialog is waiting for an answer: only safeguarding, clear interruptions
   * and clear questions that an article answers count; anything else is the dialog's answer.
   */
  interruption(text: string, recognized: RecognizerResult | undefined): Route | undefined {
    // "no more", "that's all": an answer to the question waiting, which a classifier reading it alone takes for despair.
    const verdict = this.vocabulary.nothing_more.test(text) ? undefined : this.safeguarding.check(text, recognized);
    if (verdict?.risk) return riskRoute(verdict);
    if (this.vocabulary.bare_yes_no.test(text) || CONTACT_DETAILS.test(text)) return undefined;
    const exact = this.exactIntent(text);
    if (exact && (INTERRUPTIONS.has(exact) || exact === 'start_again')) return { kind: 'intent', intent: exact, score: 1 };
    // A request's own button ("Report a street light fault", offered as a second need) starts it.
    if (exact && this.labelledIntent(text)) return { kind: 'intent', intent: exact, score: 1 };
    // "reference is BW-330187" in the middle of another request: checking on that case (the case check itself takes it as its answer).
    if (exact === Intents.checkCaseStatus) return { kind: 'intent', intent: exact, score: 1 };
    if (recognized && INTERRUPTIONS.has(recognized.intent) && recognized.score >= this.thresholds.interrupt) {
      return {
        kind: 'intent',
        intent: recognized.intent,
        score: recognized.score,
      };
    }
    return this.knowledgeInterruption(text, recognized) ?? this.requestInterruption(text, recognized);
  }

  /**
   * "Actually forget that, my bin's been missed today, can I report it?" while another request waits:
   * a confident request, said the way a new request is said (not a bare answer such as "a fridge").
   * The dialog in progress decides whether it is a different request (MainDialog.onNewRequest).
   */
  private requestInterruption(text: string, recognized: RecognizerResult | undefined): Route | undefined {
    if (!recognized || NOT_CLARIFIABLE.has(recognized.intent) || recognized.intent === Intents.humanHandoff) return undefined;
    if (recognized.score < this.thresholds.interrupt || text.trim().split(/\s+/).length < MIN_REQUEST_WORDS) return undefined;
    // Said the way a new request is said ("actually…", "forget that", "can I report…", "also…": `new_request`), or asked, or
    // told in full as a story of its own that the classifier is sure of ("oh before that, somebody has dumped…").
    const toldInFull = recognized.score >= SURE_NEW_REQUEST && text.trim().split(/\s+/).length >= NEW_REQUEST_STORY_WORDS;
    if (!this.vocabulary.new_request.test(text) && !asks(text, this.vocabulary) && !toldInFull) return undefined;
    // "Can I take a mattress to the tip myself?" asks, it does not book.
    if (asksWhatGoes(text, this.vocabulary) && !this.vocabulary.asks_for_service.test(text)) return undefined;
    return {
      kind: 'intent',
      intent: recognized.intent,
      score: recognized.score,
    };
  }

  /** "How do I pay council tax?" while reporting a pothole: answered, then the resident carries on. */
  private knowledgeInterruption(text: string, recognized: RecognizerResult | undefined): Route | undefined {
    if (!this.knowledge) return undefined;
    // A button for an article (offered earlier, "You also asked about…") is a clear interruption.
    const titled = this.knowledge.byTitle(text);
    if (titled) return { kind: 'kb', articleId: titled.id, score: 1, next: [] };
    // The whole message, or one of its parts, is a question or says what the resident wants to do.
    const pieces = parts(text);
    const asked = [text, ...pieces].filter((p) => asks(p, this.vocabulary) || this.vocabulary.wants.test(p));
    // A street named in the question is where, not what: "when do the roadworks on Station Road finish?" is not about the tip
    // on Station Road, nor "Heol y Castell" about castles. Its words are left out of the search.
    const streets = (recognized?.entities ?? []).filter((e) => e.type === 'street' && e.text.trim()).map((e) => e.text);
    let best: Route | undefined;
    for (const part of asked) {
      // "…a dead badger by it too. will you take those away?": a short question that points back names nothing alone (its few
      // words match many pages alike); it is read with the parts before it, which the whole message already is.
      const at = part === text ? -1 : pieces.indexOf(part);
      if (at >= 0 && this.leansOnEarlier(part, pieces.slice(0, at))) continue;
      const found = this.retrieve(withoutWords(part, streets));
      const top = found.articles[0];
      if (!top || top.confidence <= found.outOfScope + this.thresholds.outOfScopeMargin) continue;
      // A clear question ("wat goes in the blue bin again") needs less, when one article stands out.
      const second = found.articles[1]?.confidence ?? 0;
      const clearQuestion = asks(part, this.vocabulary) && top.confidence >= this.thresholds.kbAnswer && top.confidence - second >= QUESTION_LEAD;
      if (top.confidence < this.thresholds.kbInterrupt && !clearQuestion) continue;
      const intent = recognized?.intent;
      const intentMatch = found.intents.find((i) => i.intent === intent)?.confidence ?? 0;
      // A request that matches as well is what was meant, unless the part asks what something takes ("wat goes in the blue bin").
      if (
        recognized &&
        intent !== NONE_INTENT &&
        recognized.score >= this.thresholds.act &&
        intentMatch >= top.confidence - this.thresholds.intentTie &&
        !asksWhatGoes(part, this.vocabulary)
      )
        return undefined;
      if (!best || (best.kind === 'kb' && top.confidence > best.score))
        best = {
          kind: 'kb',
          articleId: top.article.id,
          score: top.confidence,
          next: [],
        };
    }
    return best;
  }

  /** Button titles and a few fixed words mean exactly one thing. */
  private exactIntent(text: string): string | undefined {
    if (this.vocabulary.start_again.test(text)) return 'start_again';
    // "Carry on" (the button) and its equivalents: back to what was in progress.
    if (this.vocabulary.carry_on.test(text)) return 'carry_on';
    if (justAReference(text, this.vocabulary)) return Intents.checkCaseStatus;
    if (this.vocabulary.cancel.test(text)) return Intents.cancel;
    if (this.vocabulary.help.test(text)) return Intents.help;
    return this.labelledIntent(text);
  }

  /** The intent whose button this is ("Report a missed bin"); "Talk to a person" is the person's button whatever its intent is called. */
  private labelledIntent(text: string): string | undefined {
    if (text.trim().toLowerCase() === this.buttons.talk_to_person.toLowerCase()) return Intents.humanHandoff;
    return this.intentWords.intentOfLabel(text);
  }
}

function riskRoute(verdict: SafeguardingVerdict): Route {
  const { category, categories, about, label, decidedBy } = verdict;
  return {
    kind: 'safeguarding',
    reason: verdict.reason ?? 'rule',
    decidedBy,
    category,
    categories,
    about,
    label,
  };
}

/** The label `npm run eval` compares with: an intent name, `kb:<id>` or `none`. */
export function routeLabel(route: Route): string {
  switch (route.kind) {
    case 'safeguarding':
      return Intents.safeguarding;
    case 'intent':
      if (route.intent === 'start_again') return Intents.cancel;
      return route.intent === 'carry_on' ? NONE_INTENT : route.intent;
    case 'kb':
      return `kb:${route.articleId}`;
    case 'clarify':
    case 'none':
      return NONE_INTENT;
  }
}
