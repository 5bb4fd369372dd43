import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import {
  DialogTurnStatus,
  WaterfallDialog,
  type Dialog,
  type DialogContext,
  type DialogInstance,
  type WaterfallStepContext,
  type DialogTurnResult,
} from 'botbuilder-dialogs';
import { Intents } from '../intents/catalogue';
import type { RecognizerResult } from '../intents/recognizer';
import { CancelAndHelpDialog, riskTrace, SAFEGUARDING_HANDLED } from './cancelAndHelpDialog';
import { ClarifyDialog, type ClarifyResult } from './clarifyDialog';
import { DialogIds } from './dialogIds';
import type { KnowledgeDialog, KnowledgeDialogOptions, KnowledgeDialogResult } from './knowledgeDialog';
import type { KnowledgeResponses } from './knowledgeResponses';
import { aSentenceRefersBack, beyondFollowUpWords, isContextQuestion, isFollowUp, isShortQuestion, refersBack } from './followUp';
import { sendCard, sendPromptTrace, sendReply, sendTrace } from './replies';
import type { RiskContext } from './riskReplies';
import type { Reply, Responses } from './responses';
import { routeLabel, type Need, type Route, type Router } from './router';
import { carriesOn } from './routingWords';
import { getFiledReference, getKnownPlace, getRecognized, getRefusedAnswers, setRecognized } from './turnState';
import type { Location } from './services/addressLookup';
import type { UnansweredQuestions } from './unansweredQuestions';
import { redactText } from '../platform/redact';
import type { FrustrationDetector } from '../intents/frustration';
import { answersResumeOffer, ResumeOfferDialog, type ResumeOfferOptions } from './resumeOfferDialog';
import { MISSES_BEFORE_PERSON } from './misses';
import { OfferedNeedPicker } from './offeredNeedPicker';
import { innermostId, requestHome } from './offered';
import { asksWhatGoes } from './questionWords';
import { FollowUpTopic } from './followUpTopic';
import { RequestTopicQuestion } from './requestTopicQuestion';
import { FiledRequestFollowUp } from './filedRequestFollowUp';
import type { Vocabulary } from '../knowledge/vocabulary';
import { AddressNamed } from './addressNamed';

/** Per-conversation routing memory: consecutive misses decide when to offer a person. */
export interface RoutingState {
  misses: number;
  /**
   * The last reply was the safeguarding message, which asks "Would you like to talk to a
   * person?": the next message answers it. `intent`: a request the same message made ("my bin
   * wasn't collected and…"), which "Carry on" then starts.
   */
  safeguardingOffer?: { intent?: string; recognized?: RecognizerResult };
  /** The article last answered: a follow-up that names no topic ("how do I apply?") is about it. */
  topic?: string;
  /** The articles answered in this chat, the last at the end (a few): "and the council tax bit?" two turns later picks one. */
  answeredTopics?: string[];
  /** Articles offered as the other needs of a message ("You also asked about…"): "and the grass, please?" picks one. */
  offeredNeeds?: string[];
  /** Requests offered the same way: "now the light please" starts the street light report. */
  offeredRequests?: string[];
  /** The telling words of the message that offered them: "ok the new one, just the mattress" repeats one. */
  offeredWords?: string[];
  /** The reference of the last request filed in this chat: "any news on that?" checks it. */
  lastReference?: string;
  /** Where the last request filed in this chat was: "same place" in the next one means it. */
  lastPlace?: Location;
  /** The request or bin day last started: "sorry, I meant 13 Station Road" just after it starts it again there. */
  lastIntent?: string;
  /** The request last filed in this chat: "how long will it take?" just after it is about it. */
  filedIntent?: string;
  /** What the last request was told before it was refused for its place: started again at a corrected place, it keeps them. */
  refusedAnswers?: Record<string, string | string[]>;
  /** Where that request was: started again after a correction of another detail, it is the same place. */
  refusedLocation?: Location;
  /** The last turn refused a request (for its place, its day or its bin): the next message may be about that request. */
  refusedLastTurn?: boolean;
  /** The resident has been told once that they can talk to a person because they sounded frustrated. */
  apologised?: boolean;
  /** The risk categories whose emergency or helpline reply this conversation has given (see riskAnsweredBefore). */
  risksAnswered?: string[];
  /**
   * A message answered otherwise than by a request that named an address ("…I'm at 4 Mill Lane, AT3 1NF. Oh and can I pay
   * by direct debit?"): a bin day asked later, with no address of its own and none used in this chat yet, is for it.
   * Only the address is kept ("4 Mill Lane, AT3 1NF"), not the message.
   */
  addressSaid?: string;
}

/** How many of the articles answered in a chat are remembered (`answeredTopics`). */
const RECENT_TOPICS = 5;

/** Small talk the classifier may see in a short follow-up ("how much does it cost?" looks like help to it). */
const SMALL_TALK = new Set<string>([Intents.help, Intents.greeting, Intents.thanks, Intents.goodbye]);
/** A follow-up stays with the conversation's topic when the topic's article matches it at least this well. */
const FOLLOW_UP_TOPIC_MATCH = 0.2;
const SHORT_FOLLOW_UP = 6;
/** An answer this unsure gives way to a need offered just before that the message names. */
const WEAK_ANSWER = 0.7;
/** At most this many words: one bin named again right after a bin day ("what about the grey bin, is that the same day?"). */
const BIN_NAMED_AGAIN_WORDS = 14;
/** At most this many words: a bin named alone right after a bin day ("and the food caddy?", "what about the green one"). */
const BIN_NAMED_ALONE_WORDS = 5;
/** An article matching a follow-up at least this well (and well ahead of the rest) is what it is about, pronoun or not. */
const STRONG_MATCH = 0.9;
/** A short follow-up whose best article is this far ahead of the next names a topic of its own ("how much is a bulky collection?"). */
const NAMES_ITS_OWN_TOPIC = 0.3;
/**
 * A request offered as another need of an earlier message is named again when the message matches
 * its own examples this well, and the message is not already a confident request.
 */
const OFFERED_REQUEST_MATCH = 0.6;
const CONFIDENT_REQUEST = 0.8;
/** The classifier at least this sure that a message makes a request: the request is one of its needs, whatever follows it. */
const SURE_REQUEST = 0.9;
/** At most this many words in a statement taken as about a request refused just before ("yes it was out by 7 like it always is"). */
const AFTER_REFUSAL_WORDS = 16;
/** A statement matches the refused request's own examples at least this well to be about it (none of "ok", "oh well"). */
const REFUSED_REQUEST_WORDS = 0.3;
/** Turn state: this message's frustration has been acknowledged (a rerouted message is not apologised for twice). */
const FRUSTRATION_SEEN = Symbol('council.frustrationSeen');
/** On the request in progress while "Do you want to carry on…?" waits (one turn), after a question answered mid-request. */
const CARRY_ON_ASKED = 'carryOnAsked';
/** What follows a word of a yes: spaces, commas, full stops, exclamation marks, or the end. */
const AFTER_A_WORD = /^(?:[\s,.!]+|$)/;

/** How much of `text` a match of `words` at its start takes, with the spaces, commas, full stops or exclamation marks after it; 0 when none. */
function takenAtStart(words: RegExp, text: string): number {
  const word = words.exec(text);
  const gap = word && AFTER_A_WORD.exec(text.slice(word[0].length));
  return word && gap ? word[0].length + gap[0].length : 0;
}

/**
 * How much of the answer to "Do you want to carry on…?" is a yes: a run of the vocabulary's `carry_on_accepted`
 * ("yes", "ok thanks", "yes let's carry on", "ie plis") and `request_named` ("yeah go on, finish the light report",
 * "ie, gorffen yr adroddiad"), each followed by spaces, commas, full stops or the end. 0: no yes; what is left after it
 * answers the open question.
 */
export function carryOnYes(text: string, vocabulary: Vocabulary): number {
  let at = 0;
  for (;;) {
    const rest = text.slice(at);
    const taken = takenAtStart(vocabulary.carry_on_accepted, rest) || takenAtStart(vocabulary.request_named, rest);
    if (!taken) return at;
    at += taken;
  }
}

/** A message of nothing but commas, full stops and exclamation marks. */
const PUNCTUATION_ONLY = /^[\s,]*[.!]*\s*$/;
/** A no to "Would you like to talk to a person?": the vocabulary's `person_declined`, commas read as spaces ("no, thanks,"), or no words at all. */
export function declinesPerson(text: string, vocabulary: Vocabulary): boolean {
  return PUNCTUATION_ONLY.test(text) || vocabulary.person_declined.test(text.replace(/,/g, ' '));
}
/** A request made in the same message as a risk ("my bin wasn't collected and my partner hit me") is started by "Carry on" from this score. */
const REQUEST_WITH_RISK = 0.3;

/** What the main waterfall keeps between its steps. */
interface MainValues {
  /** The message being dealt with, redacted (platform/redact.ts). */
  question?: string;
}

/** A feature dialog and the intents that start it (e.g. the service request dialog). */
export interface IntentDialog {
  dialog: Dialog;
  intents: string[];
  /** The knowledge article about the request (knowledge/service-requests.yaml `article`): questions about it asked in its middle. */
  article?: string;
  /** What happens next once the request is filed (knowledge/service-requests.yaml `notice`): questions about it just after. */
  notice?: string;
}

/**
 * The root dialog: safeguarding first, interruptions (from {@link CancelAndHelpDialog}),
 * then intent → dialog. Intents whose dialogs are not built yet get an honest reply with
 * where to go instead.
 */
export class MainDialog extends CancelAndHelpDialog {
  private readonly dialogForIntent = new Map<string, string>();
  private readonly offeredPicker: OfferedNeedPicker;
  /** Whether a message names an address (a house number and a street, or a postcode), and whether it is little else. */
  private readonly addressNamed: AddressNamed;
  private readonly followUpTopic: FollowUpTopic;
  private readonly requestTopic: RequestTopicQuestion;
  /** Each request dialog's article (IntentDialog `article`). */
  private readonly articleForDialog = new Map<string, string>();
  private readonly filedFollowUp: FiledRequestFollowUp;
  /** Each request's notice (IntentDialog `notice`). */
  private readonly noticeForIntent = new Map<string, string>();

  constructor(
    router: Router,
    responses: Responses,
    vocabulary: Vocabulary,
    private readonly routingState: StatePropertyAccessor<RoutingState>,
    intentDialogs: IntentDialog[] = [],
    private readonly knowledge?: {
      dialog: KnowledgeDialog;
      responses: KnowledgeResponses;
    },
    private readonly unanswered?: UnansweredQuestions,
    private readonly tone?: FrustrationDetector,
    now?: () => Date,
  ) {
    super(DialogIds.main, router, responses, vocabulary, now);
    this.offeredPicker = new OfferedNeedPicker(router, (id) => knowledge?.dialog.title(id), vocabulary);
    this.addressNamed = new AddressNamed(vocabulary);
    this.followUpTopic = new FollowUpTopic(router, (id) => knowledge?.dialog.title(id), vocabulary);
    if (knowledge) this.addDialog(knowledge.dialog);
    this.addDialog(new ResumeOfferDialog(responses, vocabulary));
    this.requestTopic = new RequestTopicQuestion(router, (id) => knowledge?.dialog.title(id), vocabulary);
    this.filedFollowUp = new FiledRequestFollowUp(router, vocabulary, Intents.checkCaseStatus);
    for (const { dialog, intents, article, notice } of intentDialogs) {
      this.addDialog(dialog);
      if (article) this.articleForDialog.set(dialog.id, article);
      for (const intent of notice ? intents : []) this.noticeForIntent.set(intent, notice!);
      for (const intent of intents) this.dialogForIntent.set(intent, dialog.id);
    }
    this.addDialog(new ClarifyDialog(responses, vocabulary));
    this.addDialog(new WaterfallDialog(DialogIds.mainWaterfall, [this.routeStep.bind(this), this.afterClarifyStep.bind(this), this.finalStep.bind(this)]));
    this.initialDialogId = DialogIds.mainWaterfall;
  }

  private async routeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return this.routeMessage(step);
  }

  /** Routes the turn's message afresh and acts on it. */
  private async routeMessage(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const context = step.context;
    const recognized = getRecognized(context);
    if (!recognized) return step.endDialog();
    const text = context.activity.text ?? '';
    // Kept (redacted) while this message is dealt with, even over a "Did you mean…?": the knowledge report may need it.
    (step.values as MainValues).question = redactText(text).slice(0, 2000);
    const offer = await this.takeSafeguardingOffer(context);
    let route = this.router.route(text, recognized);
    if (offer && route.kind !== 'safeguarding') {
      // The answer to "Would you like to talk to a person?": a person, or carry on with what the
      // resident had asked for in the same message, or (no request) what they need now.
      const answer = this.answerToPersonOffer(text);
      if (answer === 'person') route = { kind: 'intent', intent: Intents.humanHandoff, score: 1 };
      else if (answer === 'carryOn') {
        route = {
          kind: 'intent',
          intent: offer.intent ?? 'carry_on',
          score: 1,
        };
        // The request starts with what that message said ("the status of AT-43160339…").
        if (offer.recognized) setRecognized(context, offer.recognized);
      } else if (
        !answer &&
        offer.intent &&
        this.dialogForIntent.has(offer.intent) &&
        ((route.kind === 'intent' && route.intent === offer.intent) || aSentenceRefersBack(text, this.vocabulary))
      ) {
        // "ok I've rung them. Can you still log it?" after the emergency numbers: the request that message made, carried on.
        route = { kind: 'intent', intent: offer.intent, score: 1 };
        if (offer.recognized) setRecognized(context, offer.recognized);
      }
    }
    // "no that's it for now thank you", "nah I'm sorted ta": the resident is closing the chat, whatever an article (or the
    // last topic) happens to share with those words. A bare yes or no is not a closing: it answers something.
    if (
      !offer &&
      (route.kind === 'none' || route.kind === 'clarify' || route.kind === 'kb') &&
      this.vocabulary.closing.test(text) &&
      !this.vocabulary.bare_yes_no.test(text)
    )
      route = { kind: 'intent', intent: Intents.goodbye, score: 1 };
    // "Sorry, I meant 13 Station Road" right after a bin day or a request that ended (answered, or
    // refused for that address): the same again, at the address the correction names.
    let restart = false;
    const unclear = route.kind === 'none' || route.kind === 'clarify' || (route.kind === 'intent' && route.intent === Intents.cancel && route.score < 1);
    const { lastIntent: last, refusedLastTurn, refusedAnswers } = await this.routingState.get(context, { misses: 0 });
    const sameAgain = route.kind === 'intent' && route.intent === last;
    // Right after a refusal, a correction of any detail ("sorry, it was the green bin, not the blue one") is the same request again.
    const justRefused = !!refusedLastTurn && !!refusedAnswers;
    if (refusedLastTurn) await this.routingState.set(context, { ...(await this.routingState.get(context, { misses: 0 })), refusedLastTurn: false });
    if ((unclear || sameAgain) && this.vocabulary.request_corrected.test(text) && (this.addressNamed.names(text) || justRefused)) {
      if (last && this.dialogForIntent.has(last)) {
        route = { kind: 'intent', intent: last, score: 1 };
        restart = true;
      }
    }
    // "yes it was out by 7 like always", "put it out about half 8" right after a refusal: a statement nothing else answers
    // confidently is about the refused request, which is read again with it (the refusal is said again, or the new detail lifts it).
    if (
      !restart &&
      justRefused &&
      last &&
      this.dialogForIntent.has(last) &&
      (unclear || (route.kind === 'kb' && route.score < WEAK_ANSWER)) &&
      !isShortQuestion(text, this.vocabulary, AFTER_REFUSAL_WORDS) &&
      !/\?/.test(text) &&
      text.trim().split(/\s+/).length <= AFTER_REFUSAL_WORDS &&
      // An answer ("yes it was…", "no, …") or the request's own words ("put it out about half 8"); never "ok" or "oh well".
      (this.vocabulary.yes_first.test(text) || this.vocabulary.no_first.test(text) || this.router.intentConfidence(text, last) >= REFUSED_REQUEST_WORDS)
    ) {
      route = { kind: 'intent', intent: last, score: 1 };
      restart = true;
    }
    // "so when will they come for it then?" right after a missed bin was refused (too late, not due): that bin's next
    // collection, the bin day at the address just given (see startIntent), when nothing else answers it clearly.
    if (
      !restart &&
      justRefused &&
      last === Intents.reportMissedBin &&
      this.dialogForIntent.has(Intents.binCollectionDay) &&
      (unclear || (route.kind === 'kb' && route.score < WEAK_ANSWER) || (route.kind === 'intent' && route.intent === Intents.binCollectionDay)) &&
      this.vocabulary.asks_next_collection.test(text)
    ) {
      route = { kind: 'intent', intent: Intents.binCollectionDay, score: 1 };
      restart = true;
    }
    // "AT8 1PY", "what about 3 Orchard Close AT3 3WF?" right after a bin day: the bin day at that address.
    if (!restart && unclear && last === Intents.binCollectionDay && this.addressNamed.only(text)) {
      route = { kind: 'intent', intent: last, score: 1 };
      restart = true;
    }
    // "and the food caddy?", "what about the grey bin, is that the same day?" right after a bin day (or a missed bin refused as
    // not due): a few words naming one bin, that ask its day or say nothing else, are that bin's day at the same address
    // (startIntent gives the address used), whatever page shares the bin's name ("the grey bin" is also a broken bin's).
    // "And what can go in the blue bin?", "what goes in blue bin?" ask something else, which a page answers: what goes in it.
    const words = text.trim().split(/\s+/).length;
    if (
      !restart &&
      route.kind !== 'safeguarding' &&
      // "my grey bin on Windmill Road wasn't emptied on Wednesday" is the request it clearly is.
      !(route.kind === 'intent' && route.intent !== Intents.binCollectionDay && route.score >= CONFIDENT_REQUEST) &&
      (last === Intents.binCollectionDay || (justRefused && last === Intents.reportMissedBin)) &&
      this.dialogForIntent.has(Intents.binCollectionDay) &&
      words <= BIN_NAMED_AGAIN_WORDS &&
      (recognized.entities.some((e) => e.type === 'binType') || this.vocabulary.bin_named_again.test(text)) &&
      // "can I put glass in the green bin?" asks what goes in it, not when it goes.
      !asksWhatGoes(text, this.vocabulary) &&
      (this.vocabulary.bin_day_asked.test(text) || (words <= BIN_NAMED_ALONE_WORDS && (unclear || (route.kind === 'kb' && route.score < WEAK_ANSWER))))
    ) {
      route = { kind: 'intent', intent: Intents.binCollectionDay, score: 1 };
    }
    // "so what day is it at Westbrook Drive?" after another need was answered: a day asked for a place the gazetteer holds,
    // naming nothing else, is that place's bin day (not a follow-up to the topic).
    if (!restart && unclear && this.dialogForIntent.has(Intents.binCollectionDay) && this.asksDayAtPlace(text, recognized)) {
      route = { kind: 'intent', intent: Intents.binCollectionDay, score: 1 };
    }
    // "how do I apply?" right after an answer: about that answer's topic, when nothing else fits clearly.
    let assumed = false;
    const topic = (await this.routingState.get(context, { misses: 0 })).topic;
    const unanswered = route.kind === 'none' || route.kind === 'clarify';
    // "how do i prove im a student" after the student exemption: nothing answers it, the topic's article matches it.
    // "Alla i dalu bob mis?" ("can I pay monthly?") right after paying council tax: a few words that another article matches
    // only a little better than the topic's, and no better than that article's neighbours, are about the topic too.
    const closeToTopic =
      route.kind === 'kb' &&
      !!topic &&
      route.articleId !== topic &&
      !(route.score === 1 && route.next.length === 0) &&
      route.score < STRONG_MATCH &&
      text.trim().split(/\s+/).length <= SHORT_FOLLOW_UP &&
      this.router.articleLead(text) < NAMES_ITS_OWN_TOPIC &&
      this.router.rankLead(text) < NAMES_ITS_OWN_TOPIC &&
      this.router.articleConfidence(text, topic) >= route.score - NAMES_ITS_OWN_TOPIC;
    if (
      (unanswered || closeToTopic) &&
      topic &&
      !isFollowUp(text, this.vocabulary) &&
      isShortQuestion(text, this.vocabulary) &&
      this.knowledge?.dialog.title(topic) &&
      this.router.articleConfidence(text, topic) >= FOLLOW_UP_TOPIC_MATCH
    ) {
      route = { kind: 'kb', articleId: topic, score: 0, next: [] };
      assumed = true;
    }
    // "Will my name be made public?" after the planning consultations: weakly another article's, clearly the topic's with its title.
    if (!assumed && this.followUpTopic.leansOnTopic(text, topic, route)) {
      route = { kind: 'kb', articleId: topic!, score: 0, next: [] };
      assumed = true;
    }
    if (
      !assumed &&
      isFollowUp(text, this.vocabulary) &&
      (unanswered || route.kind === 'kb' || (route.kind === 'intent' && SMALL_TALK.has(route.intent) && route.score < 1))
    ) {
      // Another article answers only when the topic's own article does not match at all ("can I pay monthly?" after garden waste).
      // A very short one ("how much does it cost?") names nothing of its own: the topic, whatever else matches.
      const short = text.trim().split(/\s+/).length <= SHORT_FOLLOW_UP;
      const ownTopic = route.kind === 'kb' && (route.score === 1 && route.next.length === 0 ? true : this.router.articleLead(text) >= NAMES_ITS_OWN_TOPIC);
      // "how long does it take to come through?": a pronoun for the topic keeps it, unless the message is exactly another article's question.
      // ("And the bus to school, it is free?" names its own topic: one article matches it strongly and well ahead of the rest.)
      const namesOwnTopic =
        route.kind === 'kb' &&
        (route.next.length === 0 && route.score === 1
          ? true
          : route.score >= STRONG_MATCH && this.router.articleLead(text) >= NAMES_ITS_OWN_TOPIC && this.namesBeyondFollowUpWords(text, route.articleId));
      const pointsBack = refersBack(text.replace(new RegExp(this.vocabulary.follow_up_not_pronoun.source, 'gi'), ' '), this.vocabulary) && !namesOwnTopic;
      // "is there anywhere that can help me with debts" after council tax arrears: its own words find another article, well
      // ahead of every other one and so of the topic's (as far as a short one's best article must be ahead of the next to name
      // its own topic), so it names a new topic, however it opens (that "that" is no pronoun for the topic). "what if my partner
      // moves in later on?" after the single person discount is closer to it, and a question two articles match alike names
      // neither: the topic still.
      const movesOn = route.kind === 'kb' && !short && this.router.rankLead(text) >= NAMES_ITS_OWN_TOPIC;
      const elsewhere =
        route.kind === 'kb' &&
        (route.articleId === topic ||
          (!pointsBack && (ownTopic || movesOn || (!short && this.router.articleConfidence(text, topic ?? '') < FOLLOW_UP_TOPIC_MATCH))));
      if (topic && !elsewhere && this.knowledge?.dialog.title(topic)) {
        route = { kind: 'kb', articleId: topic, score: 0, next: [] };
        assumed = true;
      }
    }
    // "And do they still come if it is a bank holiday?" after a bin day, "what's the transfer thing then?" after the
    // housing register: nothing answers the words alone; with the topic's words added, a neighbouring article does.
    // After a request (no article topic), a question standing for it with a pronoun ("and do they still come…?") is
    // read with the request's words even when an article matches the words alone, unless that article is named
    // strongly and well ahead of the rest: "they" are the bin men, not the tip's opening hours.
    const { lastIntent } = await this.routingState.get(context, { misses: 0 });
    const leansOnRequest =
      !topic &&
      !!lastIntent &&
      route.kind === 'kb' &&
      refersBack(text, this.vocabulary) &&
      !(route.score >= STRONG_MATCH && this.router.articleLead(text) >= NAMES_ITS_OWN_TOPIC);
    if (!assumed && (route.kind === 'none' || route.kind === 'clarify' || leansOnRequest) && isContextQuestion(text, this.vocabulary)) {
      // (A case check's label, "Check a report I made", says nothing of what the report was about: no topic words.)
      const topicWords = topic
        ? this.knowledge?.dialog.title(topic)
        : lastIntent && lastIntent !== Intents.checkCaseStatus
          ? this.responses.intents.label(lastIntent)
          : undefined;
      const inContext = topicWords ? this.router.articleInContext(text, topicWords) : undefined;
      // After a request, the article assumed must be one the request's own words reach: "how long will it take to fix?"
      // after a pothole report is about the report (FiledRequestFollowUp below), not council home repairs, which "fix" and
      // the words of "Pothole or road defect" together happen to reach; "do they still come on a bank holiday?" after a
      // missed bin is about bin days at bank holidays, which "Missed bin collection" reaches.
      const aboutRequest = !topic && inContext?.kind === 'kb' && topicWords ? this.router.articleConfidence(topicWords, inContext.articleId) > 0 : true;
      if (inContext && aboutRequest) {
        route = inContext;
        assumed = true;
      }
    }
    // "And the grass, please?" after "You also asked about…": the offered article it names.
    let pickedOffered = false;
    // Right after the safeguarding reply, which answered none of what the message asked about, a short question naming one of
    // those ("what about the council tax part?") is about it, however well another article matches its few words.
    const afterRisk = !!offer && route.kind === 'kb' && isShortQuestion(text, this.vocabulary);
    if (route.kind === 'none' || route.kind === 'clarify' || (route.kind === 'kb' && route.score < WEAK_ANSWER) || afterRisk) {
      const offeredNeeds = (await this.routingState.get(context, { misses: 0 })).offeredNeeds ?? [];
      const named = this.offeredPicker.pick(text, offeredNeeds, afterRisk ? topic : undefined);
      if (named) {
        route = { kind: 'kb', articleId: named.id, score: named.confidence, next: [] };
        pickedOffered = true;
      }
    } else if (route.kind === 'intent' && !SMALL_TALK.has(route.intent) && route.intent !== Intents.humanHandoff) {
      // "Thanks. Now the new recycling bin" after a bin day that offered "Order a new or replacement bin": the classifier leans to
      // the request just dealt with, but the message names the offered article by its title, and matches it as well as the request.
      const offeredNeeds = (await this.routingState.get(context, { misses: 0 })).offeredNeeds ?? [];
      const named = this.offeredPicker.pick(text, offeredNeeds);
      if (named && named.confidence === 1 && this.router.articleConfidence(text, named.id) >= this.router.intentConfidence(text, route.intent)) {
        route = { kind: 'kb', articleId: named.id, score: named.confidence, next: [] };
        pickedOffered = true;
      }
    }
    // "and the council tax bit?" after a bin day that came after the council tax answer: a short question that a "Did you
    // mean…?" would ask about, where exactly one of the choices was answered earlier in this chat, is about that one.
    // A short question that matches nothing clearly ("and the voting bit?") but names one of them the same way is about it.
    if (!pickedOffered && (route.kind === 'clarify' || route.kind === 'none') && isShortQuestion(text, this.vocabulary)) {
      const answered = (await this.routingState.get(context, { misses: 0 })).answeredTopics ?? [];
      const earlier = route.kind === 'clarify' ? route.articleIds.filter((id) => answered.includes(id)) : [];
      const named = earlier.length === 1 ? { id: earlier[0] } : this.offeredPicker.pick(text, answered);
      if (named) {
        route = { kind: 'kb', articleId: named.id, score: 0, next: [] };
        pickedOffered = true;
        assumed = true;
      }
    }
    // "now the light please, same place" after a pothole report that offered the street light: that request.
    if (!pickedOffered && route.kind !== 'safeguarding' && !(route.kind === 'intent' && route.score >= CONFIDENT_REQUEST)) {
      const offeredRequests = (await this.routingState.get(context, { misses: 0 })).offeredRequests ?? [];
      // The offered request the message matches best of all requests, well enough.
      const best = this.router.bestIntent(text);
      const confidence = best && offeredRequests.includes(best) ? this.router.intentConfidence(text, best) : 0;
      if (best && confidence >= OFFERED_REQUEST_MATCH && this.dialogForIntent.has(best)) route = { kind: 'intent', intent: best, score: confidence };
    }
    // "ok the new one, just the mattress, 5 Lon Goed…" after a case check that offered a booking: a message that nothing answers,
    // asks nothing and repeats a word the resident said with the one request offered is that request (its details read from it).
    if (!pickedOffered && (route.kind === 'none' || route.kind === 'clarify') && !/\?/.test(text)) {
      const { offeredRequests = [], offeredWords = [] } = await this.routingState.get(context, { misses: 0 });
      const [offered] = offeredRequests;
      if (offeredRequests.length === 1 && this.dialogForIntent.has(offered) && this.offeredPicker.tellingWords(text).some((w) => offeredWords.includes(w)))
        route = { kind: 'intent', intent: offered, score: 1 };
    }
    // "Ok yes let's book it then" right after an article that offers a request: that request.
    if (route.kind !== 'safeguarding' && !(route.kind === 'intent' && this.dialogForIntent.has(route.intent)) && this.vocabulary.asks_to_book.test(text)) {
      const request = topic ? this.knowledge?.dialog.requestOf(topic) : undefined;
      if (request && this.dialogForIntent.has(request)) route = { kind: 'intent', intent: request, score: 1 };
    }
    if (route.kind === 'safeguarding') {
      const request = recognized.alternatives.find(
        (a) => this.dialogForIntent.has(a.intent) && a.intent !== Intents.humanHandoff && a.score >= REQUEST_WITH_RISK,
      );
      await this.rememberSafeguardingOffer(context, request?.intent, request ? recognized : undefined);
      // What the message asked about besides the risk ("…can I get help with my council tax?") is the topic a follow-up
      // leans on ("what about the council tax part?"); with nothing answerable in it, the earlier topic is over.
      const about = this.router.answeringArticleId(text);
      const { topic: _earlier, ...state } = await this.routingState.get(context, { misses: 0 });
      // Every article the message asked about ("…help with my rent and my council tax?") is one a later "what about the council
      // tax part?" or "and the rent?" may name.
      const asked = this.router.needs(text).flatMap((n) => (n.kind === 'kb' && this.knowledge?.dialog.title(n.articleId) ? [n.articleId] : []));
      const offeredNeeds = [...new Set([...(about ? [about] : []), ...asked])];
      await this.routingState.set(context, { ...(about ? { ...state, topic: about } : state), offeredNeeds });
    }
    // "how long will it take to fix?" right after a pothole report: what happens next, from the report's notice.
    // (A message with two needs of its own, "where's my pothole report up to, and which day are my bins at 11 Park Road?",
    // is not one: it is dealt with as two needs.)
    const filed =
      assumed || pickedOffered || route.kind === 'safeguarding'
        ? undefined
        : this.filedRequestAsked(text, route, await this.routingState.get(context, { misses: 0 }));
    const filedAsked = filed && this.router.needs(text, recognized).length < 2 ? filed : undefined;
    if (filedAsked) {
      await sendTrace(context, 'council.route', {
        label: `follow_up:${filedAsked.intent}`,
        kind: 'follow_up',
        intent: recognized.intent,
        score: recognized.score,
        source: recognized.source,
      });
      await this.countMiss(context, false);
      await sendReply(context, filedAsked.reply);
      return step.endDialog();
    }
    if (route.kind !== 'safeguarding') await this.acknowledgeFrustration(context, text);
    // A person asked for in so many words, anywhere in the message (the vocabulary's `asks_for_person`: "I want speak with a
    // person please, … You have translation?", "…a fyddai modd i mi siarad â rhywun yn y swyddfa?"): the question is answered
    // and a person offered.
    if (
      (route.kind === 'kb' || route.kind === 'intent') &&
      !(route.kind === 'intent' && route.intent === Intents.humanHandoff) &&
      this.vocabulary.asks_for_person.test(text) &&
      !context.turnState.get(FRUSTRATION_SEEN)
    ) {
      await sendCard(context, this.responses.personOnOffer());
    }
    // A button or a message that is exactly a title, a listed question or a control word is one need.
    const exact = (route.kind === 'intent' && route.score === 1) || (route.kind === 'kb' && route.score === 1 && route.next.length === 0);
    if (!offer && !assumed && route.kind !== 'safeguarding' && !exact) route = await this.firstOfSeveralNeeds(context, text, route);
    // Never "I can't help" when one part is answerable: the one part of the message that clearly asks for something.
    // A "Did you mean…?" that lists that part's need: that need.
    if (!offer && (route.kind === 'none' || route.kind === 'clarify')) {
      const sole = this.soleNeedOf(text, route);
      if (sole?.kind === 'kb' && this.knowledge?.dialog.title(sole.articleId)) route = { kind: 'kb', articleId: sole.articleId, score: 1, next: [] };
      else if (sole?.kind === 'intent' && this.dialogForIntent.has(sole.intent)) route = { kind: 'intent', intent: sole.intent, score: 1 };
    }
    await sendTrace(context, 'council.route', {
      label: routeLabel(route),
      kind: route.kind,
      intent: recognized.intent,
      score: recognized.score,
      source: recognized.source,
      ...(route.kind === 'safeguarding' ? riskTrace(route) : {}),
    });
    const misses = await this.countMiss(context, route.kind === 'clarify' || route.kind === 'none');
    return this.act(step, route, misses, assumed, restart);
  }

  /**
   * A follow-up names an article of its own only with words beyond those every follow-up uses: "how much is it a year"
   * after the garden waste subscription matches the allotments' "how much does an allotment cost a year" word for word,
   * yet what it says beyond "how much is it" ("a year") names no article ahead of the rest.
   */
  private namesBeyondFollowUpWords(text: string, articleId: string): boolean {
    const rest = beyondFollowUpWords(text, this.vocabulary);
    return this.router.articleConfidence(rest, articleId) > 0 && this.router.articleLead(rest) >= NAMES_ITS_OWN_TOPIC;
  }

  private async countMiss(context: TurnContext, isMiss: boolean): Promise<number> {
    const state = await this.routingState.get(context, { misses: 0 });
    state.misses = isMiss ? state.misses + 1 : 0;
    await this.routingState.set(context, state);
    return state.misses;
  }

  private async act(step: WaterfallStepContext, route: Route, misses: number, assumed = false, restart = false): Promise<DialogTurnResult> {
    const context = step.context;
    // A case check has no place of its own: an address said with it ("…and what day are my bins? It's 8 Acorn Close") is kept too.
    if ((route.kind !== 'intent' && route.kind !== 'safeguarding') || (route.kind === 'intent' && route.intent === Intents.checkCaseStatus))
      await this.keepAddressSaid(context);
    switch (route.kind) {
      case 'safeguarding':
        await sendReply(context, this.responses.safeguarding(route));
        await this.rememberRiskAnswered(context, route);
        return step.endDialog();
      case 'kb':
        return this.startArticle(step, route.articleId, route.next, assumed);
      case 'clarify': {
        if (misses >= MISSES_BEFORE_PERSON) return this.offerPerson(step);
        const articles = route.articleIds.flatMap((id) => {
          const title = this.knowledge?.dialog.title(id);
          return title ? [{ target: `kb:${id}`, label: title }] : [];
        });
        const intents = route.intents.map((target) => ({
          target,
          label: this.responses.intents.label(target),
        }));
        return step.beginDialog(DialogIds.clarify, {
          options: [...intents, ...articles],
        });
      }
      case 'none':
        if (misses >= MISSES_BEFORE_PERSON) return this.offerPerson(step);
        await this.unanswered?.noAnswer((step.values as MainValues).question);
        await sendReply(context, this.responses.cannotHelp());
        return step.endDialog();
      case 'intent':
        return this.startIntent(step, route.intent, restart);
    }
  }

  /** The address said in an earlier message (`addressSaid`), as the place a bin day reads it from. */
  private saidForBinDay(intent: string, said: string | undefined): Location | undefined {
    return intent === Intents.binCollectionDay && said ? { kind: 'description', text: said } : undefined;
  }

  /** The one need of `text`'s parts (Router.soleNeed); for a "Did you mean…?", only one of its choices. */
  private soleNeedOf(text: string, route: Route): ReturnType<Router['soleNeed']> {
    const sole = this.router.soleNeed(text);
    if (!sole || route.kind !== 'clarify') return sole;
    return (sole.kind === 'kb' ? route.articleIds.includes(sole.articleId) : route.intents.includes(sole.intent)) ? sole : undefined;
  }

  /** The message names an address and is not a request (which keeps its own place): a later bin day may be for it. */
  private async keepAddressSaid(context: TurnContext): Promise<void> {
    const address = this.addressNamed.said(context.activity.text ?? '');
    if (!address) return;
    const state = await this.routingState.get(context, { misses: 0 });
    await this.routingState.set(context, { ...state, addressSaid: address });
  }

  private async afterClarifyStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const result = step.result as ClarifyResult | KnowledgeDialogResult | undefined;
    // Not a "Did you mean…?" answer (e.g. a knowledge answer ended): the last step deals with it.
    if (!result || !('kind' in result)) return step.next(step.result);
    switch (result.kind) {
      case 'chosen':
        await this.countMiss(step.context, false);
        await sendTrace(step.context, 'council.route', {
          label: result.target,
          kind: 'clarified',
        });
        if (result.target.startsWith('kb:')) return this.startArticle(step, result.target.slice('kb:'.length), []);
        return this.startIntent(step, result.target);
      case 'somethingElse':
        // None of the "Did you mean…?" choices was it: the question went unanswered.
        await this.unanswered?.noAnswer((step.values as MainValues).question);
        await sendReply(step.context, this.responses.askToRephrase());
        return step.endDialog();
      case 'reroute':
        return this.routeMessage(step);
    }
  }

  private async startArticle(step: WaterfallStepContext, articleId: string, next: string[], assumed = false): Promise<DialogTurnResult> {
    if (!this.knowledge) return step.endDialog();
    const state = await this.routingState.get(step.context, { misses: 0 });
    const answered = [...(state.answeredTopics ?? []).filter((id) => id !== articleId), articleId].slice(-RECENT_TOPICS);
    await this.routingState.set(step.context, { ...state, topic: articleId, answeredTopics: answered });
    const options: KnowledgeDialogOptions = {
      articleId,
      next,
      question: (step.values as MainValues).question,
      assumed,
    };
    return step.beginDialog(DialogIds.knowledge, options);
  }

  private async offerPerson(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await this.unanswered?.noAnswer((step.values as MainValues).question);
    await sendReply(step.context, this.responses.notUnderstoodOfferPerson());
    return step.endDialog();
  }

  private async startIntent(step: WaterfallStepContext, intent: string, restart = false): Promise<DialogTurnResult> {
    const context = step.context;
    const dialogId = this.dialogForIntent.get(intent);
    if (dialogId) {
      // A request is a new topic: a later "how do I apply?" is not about the last article.
      const { topic: _previous, refusedAnswers, refusedLocation, ...state } = await this.routingState.get(context, { misses: 0 });
      await this.routingState.set(context, { ...state, lastIntent: intent });
      // Started again at a corrected place or detail right after a refusal: with what the resident had already said, and
      // (unless the message names another) at the same place.
      const answers = restart ? refusedAnswers : undefined;
      const result = await step.beginDialog(dialogId, {
        recognized: getRecognized(context),
        lastReference: state.lastReference,
        lastPlace: (restart ? refusedLocation : undefined) ?? state.lastPlace ?? this.saidForBinDay(intent, state.addressSaid),
        // "I'm not doing your form, I want a manager": the person stays on offer under every question.
        personAsked: this.vocabulary.asks_for_person.test(context.activity.text ?? ''),
        answers,
      });
      await this.keepRefusedAnswers(context);
      return result;
    }
    switch (intent) {
      case Intents.greeting:
        await sendReply(context, this.responses.greeting());
        break;
      case Intents.goodbye:
        await sendReply(context, this.responses.goodbye());
        break;
      case Intents.thanks:
        await sendReply(context, this.responses.thanks());
        break;
      case Intents.help:
        await sendReply(context, this.responses.help(false));
        break;
      case Intents.cancel:
        await sendReply(context, this.responses.nothingToCancel());
        break;
      case 'start_again':
        await sendReply(context, this.responses.startedAgain());
        break;
      case 'carry_on':
        await sendReply(context, this.responses.nothingInProgress());
        break;
      case Intents.humanHandoff:
        await sendReply(context, this.responses.personContact());
        break;
      default: {
        // An intent added by data alone (intents/data and its reply in knowledge/messages) says its reply.
        const reply = this.responses.intents.reply(intent);
        await sendReply(context, reply ? { text: reply } : this.responses.notYetAvailable(intent));
      }
    }
    return step.endDialog();
  }

  private async finalStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    // The resident asked something new instead of answering "Did this answer your question?": route it now.
    if ((step.result as KnowledgeDialogResult | undefined)?.reroute) return step.replaceDialog(DialogIds.mainWaterfall);
    return step.endDialog(step.result);
  }

  /**
   * Mid-dialog, the answer to the safeguarding message's "Would you like to talk to a person?"
   * comes first: "yes" must not answer the dialog's own question (it would send a report).
   */
  protected override async interrupt(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    const { activity } = innerDc.context;
    const arranging = innerDc.stack.some((entry) => entry.id === DialogIds.handoff);
    if (arranging && activity.type === 'message' && activity.text && this.router.signalsRisk(activity.text, getRecognized(innerDc.context))) {
      // A person is being arranged already (a call-back request): the helplines and the request marked
      // urgent. At "what is it about?" the message is the answer; any other question is asked again.
      await sendTrace(innerDc.context, 'council.interruption', {
        route: 'safeguarding',
      });
      await sendReply(innerDc.context, this.responses.safeguardingWhileArranging());
      innerDc.context.turnState.set(SAFEGUARDING_HANDLED, true);
      if (innermostId(innerDc) === DialogIds.handoffAbout) return innerDc.continueDialog();
      await innerDc.repromptDialog();
      return { status: DialogTurnStatus.waiting };
    }
    // At "Do you want to carry on with your pothole report?", yes and no are its answers ("carry on" is not a reprompt).
    if (
      activity.type === 'message' &&
      activity.text &&
      innerDc.activeDialog?.id === DialogIds.resumeOffer &&
      answersResumeOffer(activity.text, this.vocabulary) &&
      !this.router.signalsRisk(activity.text, getRecognized(innerDc.context))
    ) {
      return undefined;
    }
    // At "Did this answer your question?", a follow-up ("how much does it cost?") is rerouted by the
    // knowledge dialog and answered from the topic; it is not an interruption (help, say).
    if (
      activity.type === 'message' &&
      activity.text &&
      innerDc.activeDialog?.id === DialogIds.knowledge &&
      isFollowUp(activity.text, this.vocabulary) &&
      !this.router.signalsRisk(activity.text, getRecognized(innerDc.context))
    ) {
      return undefined;
    }
    const offer = activity.type === 'message' && activity.text ? await this.takeSafeguardingOffer(innerDc.context) : undefined;
    const answer = offer ? this.answerToPersonOffer(activity.text) : undefined;
    if (!answer || this.router.signalsRisk(activity.text, getRecognized(innerDc.context))) {
      const carryOn = await this.takeCarryOn(innerDc);
      if (carryOn) return carryOn;
      if (activity.type === 'message' && activity.text && !this.router.signalsRisk(activity.text, getRecognized(innerDc.context))) {
        await this.acknowledgeFrustration(innerDc.context, activity.text);
      }
      return super.interrupt(innerDc);
    }
    await sendTrace(innerDc.context, 'council.interruption', {
      route: 'safeguardingOffer',
      answer,
    });
    // "Carry on", or a person is being arranged already (a call-back in progress): back to the question.
    if (answer === 'carryOn' || arranging) {
      await innerDc.repromptDialog();
      return { status: DialogTurnStatus.waiting };
    }
    return this.onHandoffRequested(innerDc);
  }

  /** The dialog's question asked again (after a message with no words, say): it is the question open now, not the offer of a person. */
  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    await this.takeSafeguardingOffer(context);
    await super.repromptDialog(context, instance);
  }

  protected override async onSafeguarding(innerDc: DialogContext, risk: RiskContext): Promise<void> {
    await super.onSafeguarding(innerDc, risk);
    await this.rememberSafeguardingOffer(innerDc.context);
    await this.rememberRiskAnswered(innerDc.context, risk);
  }

  private async rememberRiskAnswered(context: TurnContext, risk: RiskContext): Promise<void> {
    const categories = risk.categories ?? (risk.category ? [risk.category] : []);
    if (!categories.length) return;
    const state = await this.routingState.get(context, { misses: 0 });
    await this.routingState.set(context, { ...state, risksAnswered: [...new Set([...(state.risksAnswered ?? []), ...categories])] });
  }

  /**
   * In the middle of a service request, a risk that the classifier alone guessed (no cue rule said it) in categories whose
   * reply this conversation has already given: the resident is telling the same danger again while answering the
   * report's questions ("skip, it's lying on the ground I can't see any number" about the lamp post knocked over by a car),
   * so the report takes the message rather than the emergency reply being repeated. A cue rule, or a category not answered
   * yet, is always answered.
   */
  protected override async riskAnsweredBefore(innerDc: DialogContext, risk: Extract<Route, { kind: 'safeguarding' }>): Promise<boolean> {
    const active = innerDc.activeDialog?.id;
    const requestIds = new Set([...this.dialogForIntent.entries()].filter(([i]) => i !== Intents.humanHandoff).map(([, id]) => id));
    if (!active || !requestIds.has(active) || risk.decidedBy !== 'risk classifier') return false;
    const categories = risk.categories ?? (risk.category ? [risk.category] : []);
    const answered = new Set((await this.routingState.get(innerDc.context, { misses: 0 })).risksAnswered ?? []);
    return categories.length > 0 && categories.every((c) => answered.has(c));
  }

  private async rememberSafeguardingOffer(context: TurnContext, intent?: string, recognized?: RecognizerResult): Promise<void> {
    const state = await this.routingState.get(context, { misses: 0 });
    await this.routingState.set(context, {
      ...state,
      safeguardingOffer: intent ? { intent, recognized } : {},
    });
  }

  /** The offer the last reply made, if any; it is answered (or passed over) by this message either way. */
  private async takeSafeguardingOffer(context: TurnContext): Promise<RoutingState['safeguardingOffer']> {
    const state = await this.routingState.get(context, { misses: 0 });
    if (!state.safeguardingOffer) return undefined;
    const { safeguardingOffer, ...rest } = state;
    await this.routingState.set(context, rest);
    return safeguardingOffer;
  }

  /**
   * "so what day is it at Westbrook Drive?", "what day for 12 Forest Way?": a day asked (`asks_when`) for a street, a
   * postcode or an address the message names, and no other word of more than three letters but the follow-up words and
   * the vocabulary's `day_asked_filler` ("then", "please", "bins").
   */
  private asksDayAtPlace(text: string, recognized: RecognizerResult): boolean {
    // The question's opening after a word or two of its own ("ok what day…", "right so when…").
    const opening = [0, 1, 2].map((n) => text.trim().split(/\s+/).slice(n).join(' '));
    if (!opening.some((t) => this.vocabulary.asks_when.test(t))) return false;
    const places = recognized.entities.filter((e) => (e.type === 'street' || e.type === 'postcode' || e.type === 'houseNumber') && e.text.trim());
    if (!places.some((e) => e.type !== 'houseNumber') && !this.addressNamed.names(text)) return false;
    let rest = text;
    for (const e of places) rest = rest.split(e.text).join(' ');
    rest = beyondFollowUpWords(rest.replace(new RegExp(this.vocabulary.asks_when.source, 'gi'), ' '), this.vocabulary);
    const words = rest.match(/[\p{L}']+/gu) ?? [];
    return words.every((w) => w.replace(/'/g, '').length <= 3 || this.vocabulary.day_asked_filler.test(w.toLowerCase().replace(/'/g, '')));
  }

  /** "how much does it cost?" while booking a bulky collection: the request's own article answers it. */
  protected override questionAboutRequest(innerDc: DialogContext, text: string, route: Route | undefined): string | undefined {
    const active = innerDc.activeDialog?.id;
    return active ? this.requestTopic.articleFor(text, this.articleForDialog.get(active), route) : undefined;
  }

  /** A question answered mid-dialog, then the offer to carry on (the "Carry on" button resumes). */
  protected override async onKnowledgeQuestion(innerDc: DialogContext, articleId: string): Promise<DialogTurnResult | undefined> {
    const active = innerDc.activeDialog?.id;
    // Not while nothing else is in progress, or while "Did you mean…?" or "Did this answer your question?" waits: those route new messages afresh.
    if (!this.knowledge || !active || active === DialogIds.mainWaterfall || active === DialogIds.knowledge || active === DialogIds.clarify) return undefined;
    const article = await this.knowledge.dialog.sendAnswer(innerDc.context, articleId);
    if (!article) return undefined;
    await sendReply(innerDc.context, this.knowledge.responses.carryOn());
    await sendPromptTrace(innerDc.context, 'carry_on');
    if (innerDc.activeDialog) innerDc.activeDialog.state[CARRY_ON_ASKED] = true;
    return { status: DialogTurnStatus.waiting };
  }

  /**
   * A different request started in the middle of one ("actually forget that, my bin's been missed,
   * can I report it?"): the new one starts at once; when it ends, the resident is asked whether to
   * carry on with the unfinished one, unless they said to forget it.
   */
  protected override async onNewRequest(innerDc: DialogContext, intent: string): Promise<DialogTurnResult | undefined> {
    const dialogId = this.dialogForIntent.get(intent);
    const active = innerDc.activeDialog?.id;
    if (!dialogId || intent === Intents.humanHandoff || !active) return undefined;
    // Only in the middle of a request, and only for a different one: the same request's answer is its own.
    const requestIds = new Set([...this.dialogForIntent.entries()].filter(([i]) => i !== Intents.humanHandoff).map(([, id]) => id));
    if (!requestIds.has(active) || innerDc.stack.some((entry) => entry.id === dialogId)) return undefined;
    const unfinishedIntent = [...this.dialogForIntent.entries()].find(([, id]) => id === active)?.[0] ?? '';
    await sendTrace(innerDc.context, 'council.interruption', {
      route: 'intent',
      intent,
    });
    const text = innerDc.context.activity.text ?? '';
    const options: ResumeOfferOptions = {
      dialogId,
      recognized: getRecognized(innerDc.context),
      unfinished: this.responses.intents.unfinished(unfinishedIntent) ?? this.responses.unfinishedUnnamed(),
      drop: this.vocabulary.drops_request.test(text),
      lastPlace: requestHome(innerDc),
    };
    return innerDc.beginDialog(DialogIds.resumeOffer, options);
  }

  /**
   * The chat's first turn: a bin day answered at once ("when do my bins go out, I'm at 5 Windmill Road") leaves its
   * address for the next request, as on any later turn.
   */
  protected override async onBeginDialog(innerDc: DialogContext, options?: object): Promise<DialogTurnResult> {
    const result = await super.onBeginDialog(innerDc, options);
    await this.keepFiledReference(innerDc.context);
    await this.keepRefusedAnswers(innerDc.context);
    return result;
  }

  /** Every turn in the middle of something: a request filed in it leaves its reference for "any news on that?". */
  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    // A refusal is "just before" for one message only.
    const before = await this.routingState.get(innerDc.context, { misses: 0 });
    if (before.refusedLastTurn) await this.routingState.set(innerDc.context, { ...before, refusedLastTurn: false });
    const result = await super.onContinueDialog(innerDc);
    await this.keepFiledReference(innerDc.context);
    await this.keepRefusedAnswers(innerDc.context);
    return result;
  }

  /** A request refused this turn for its place: what it was told, for a correction of the place that follows. */
  private async keepRefusedAnswers(context: TurnContext): Promise<void> {
    const refused = getRefusedAnswers(context);
    if (!refused) return;
    const state = await this.routingState.get(context, { misses: 0 });
    await this.routingState.set(context, { ...state, refusedAnswers: refused.answers, refusedLocation: refused.location, refusedLastTurn: true });
  }

  /** A request filed this turn: its reference is the one "any news on that?" means. */
  private async keepFiledReference(context: TurnContext): Promise<void> {
    const reference = getFiledReference(context);
    const place = getKnownPlace(context);
    if (!reference && !place) return;
    const state = await this.routingState.get(context, { misses: 0 });
    await this.routingState.set(context, {
      ...state,
      lastReference: reference ?? state.lastReference,
      lastPlace: place ?? state.lastPlace,
      filedIntent: reference ? state.lastIntent : state.filedIntent,
    });
  }

  /**
   * The request just filed that a question asks about (FiledRequestFollowUp), with the reply: what it is called and its
   * notice; after a case check of a report made elsewhere, what to do when nothing has happened.
   */
  private filedRequestAsked(text: string, route: Route, state: RoutingState): { intent: string; reply: Reply } | undefined {
    const intent = this.filedFollowUp.requestAsked(text, route, state);
    if (intent === Intents.checkCaseStatus) return { intent, reply: this.responses.aboutACaseCheck() };
    const notice = intent ? this.noticeForIntent.get(intent) : undefined;
    const request = intent ? this.responses.intents.unfinished(intent) : undefined;
    return intent && notice && request ? { intent, reply: this.responses.aboutYourRequest(request, notice) } : undefined;
  }

  /** After "Do you want to carry on…?" (a question answered mid-request): a yes goes back, and anything said with it answers the open question. */
  private async takeCarryOn(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    const state = innerDc.activeDialog?.state as Record<string, unknown> | undefined;
    if (!state?.[CARRY_ON_ASKED]) return undefined;
    delete state[CARRY_ON_ASKED];
    const text = innerDc.context.activity.text ?? '';
    const yes = carryOnYes(text, this.vocabulary);
    if (!yes) return undefined;
    const rest = text.slice(yes).trim();
    if (!rest) {
      await innerDc.repromptDialog();
      return { status: DialogTurnStatus.waiting };
    }
    innerDc.context.activity.text = rest;
    return undefined;
  }

  /**
   * Two needs in one message ("my caddy wasn't collected, and how does the single person discount
   * work?"): the first is dealt with now and the others are offered as buttons on a card, which stays
   * visible under the questions that follow. One need: the route as it was.
   */
  private async firstOfSeveralNeeds(context: TurnContext, text: string, route: Route): Promise<Route> {
    const read = this.router
      .needs(text, getRecognized(context))
      .filter((n) => (n.kind === 'kb' ? !!this.knowledge?.dialog.title(n.articleId) : this.dialogForIntent.has(n.intent)));
    // A statement that several articles match alike ("I rent from a private landlord.", "To whom it may concern.") is the story
    // around what the message asks, never a need of its own; when the message as a whole went to that statement's article, the
    // one thing it asks ("And the rent? I rent from a private landlord.") is what it is about.
    const needs = read.filter((n) => !(n.kind === 'kb' && n.story));
    const told = needs.length === 1 ? needs[0] : undefined;
    if (route.kind === 'kb' && told?.kind === 'kb' && read.some((n) => n.kind === 'kb' && n.story && n.articleId === route.articleId))
      return { kind: 'kb', articleId: told.articleId, score: 1, next: [] };
    // Only when the message as a whole is one of them, or matched nothing clearly (a part read alone can mislead), and never for a
    // case check: "I reported rubbish dumped by the river, what's happening?" is one need.
    // An article that offers a request is the same need as that request (the bulky waste article and booking one).
    const articleKey = (id: string) => this.knowledge?.dialog.requestOf(id) ?? `kb:${id}`;
    const whole = route.kind === 'kb' ? articleKey(route.articleId) : route.kind === 'intent' ? route.intent : undefined;
    const key = (n: (typeof needs)[number]) => (n.kind === 'kb' ? articleKey(n.articleId) : n.intent);
    // A message that as a whole matched nothing clearly is taken part by part ("never 'I can't help' when one part is answerable").
    const unsure = route.kind === 'none' || route.kind === 'clarify';
    // A case check with a request said as another need ("check my booking BW-…, and I also need to book another") is two.
    const anotherRequest =
      whole === Intents.checkCaseStatus &&
      this.vocabulary.another_need.test(text) &&
      needs.some((n) => n.kind === 'intent' && n.intent !== Intents.checkCaseStatus);
    if (needs.length < 2 || (whole === Intents.checkCaseStatus && !anotherRequest) || (!unsure && !needs.some((n) => key(n) === whole))) return route;
    // "My bin is broken, the wheel come off. How I get new one?": the message as a whole asks what its last part asks with
    // the words before it; those words are its story, not a need of their own.
    // Unless the words before are a request the classifier is sure the message makes ("The bin men missed my grey bin on Friday…
    // they cracked the lid. Can I get a new one?"): that is a need of its own.
    const recognized = getRecognized(context);
    const sureRequest = (n: Need) => n.kind === 'intent' && n.intent === recognized?.intent && recognized.score >= SURE_REQUEST;
    if (route.kind === 'kb' && !needs.some(sureRequest) && needs.some((n) => n.kind === 'kb' && n.leansOnEarlier && n.articleId === route.articleId))
      return route;
    // "Bailiffs' letter today. I've lost my job. Can I set up a payment plan?": the message as a whole was answered from what its
    // question asks; the articles of what the resident told before it ("lost my job") come after, offered, not answered first.
    const asked = route.kind === 'kb' ? needs.findIndex((n) => key(n) === whole) : -1;
    const ordered =
      asked > 0 && needs.slice(0, asked).every((n) => n.kind === 'kb' && n.told) ? [needs[asked], ...needs.slice(0, asked), ...needs.slice(asked + 1)] : needs;
    const [first, ...others] = ordered;
    const labels = others.map((n) => (n.kind === 'kb' ? this.knowledge!.dialog.title(n.articleId)! : this.responses.intents.label(n.intent)));
    await sendTrace(context, 'council.needs', { count: needs.length });
    const state = await this.routingState.get(context, { misses: 0 });
    await this.routingState.set(context, {
      ...state,
      offeredNeeds: others.flatMap((n) => (n.kind === 'kb' ? [n.articleId] : [])),
      offeredRequests: others.flatMap((n) => (n.kind === 'intent' ? [n.intent] : [])),
      offeredWords: others.some((n) => n.kind === 'intent') ? this.offeredPicker.tellingWords(text) : [],
    });
    const reply = this.responses.alsoAsked();
    await sendCard(context, { ...reply, choices: labels });
    // The first need is what the message as a whole was routed to: that route (an article asked about stays the article).
    if (key(first) === whole) return route;
    return first.kind === 'kb' ? { kind: 'kb', articleId: first.articleId, score: 1, next: [] } : { kind: 'intent', intent: first.intent, score: 1 };
  }

  /**
   * A frustrated or rude message: a short apology; a resident in distress ("I can't cope", "I've got nothing"): a kind
   * word. Either way a person on a card (it stays visible under later questions), and then the need is dealt with.
   */
  private async acknowledgeFrustration(context: TurnContext, text: string): Promise<void> {
    const mood = this.tone?.mood(text);
    if (!mood || context.turnState.get(FRUSTRATION_SEEN)) return;
    context.turnState.set(FRUSTRATION_SEEN, true);
    const state = await this.routingState.get(context, { misses: 0 });
    const reply = mood === 'distressed' ? this.responses.distressed(!state.apologised) : this.responses.frustrated(!state.apologised);
    await this.routingState.set(context, { ...state, apologised: true });
    await sendTrace(context, 'council.tone', mood === 'distressed' ? { distressed: true } : { frustrated: true });
    await sendCard(context, reply);
  }

  /**
   * Whether a message answers "Would you like to talk to a person?", and how: its buttons
   * (talk_to_person, carry_on), or the vocabulary's `person_accepted` (short answers only, or
   * anything that begins with "yes": "ok, so about my bin…" is not a yes) and `person_declined`
   * ("no thanks, I'm fine"; a message of only punctuation too).
   */
  private answerToPersonOffer(text: string): 'person' | 'carryOn' | undefined {
    const t = text.trim();
    if (!t) return undefined;
    const buttons = this.responses.buttons;
    // "Carry on" first: "ok carry on" and "please carry on" are not a yes to a person.
    if (t.toLowerCase() === buttons.carry_on.toLowerCase() || carriesOn(t, this.vocabulary) || declinesPerson(t, this.vocabulary)) return 'carryOn';
    if (t.toLowerCase() === buttons.talk_to_person.toLowerCase() || this.vocabulary.person_accepted.test(t)) return 'person';
    return undefined;
  }
}
