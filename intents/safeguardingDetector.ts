import { Intents } from './catalogue';
import type { RecognizerResult } from './recognizer';
import { clausesOf } from './messageClauses';
import type { RiskClassifier, RiskGuess } from './riskClassifier';
import { aboutOf, RISK_CATEGORIES, type RiskAbout, type RiskCategory, type RiskTaxonomy } from './riskTaxonomy';
import { normaliseForRules, projectRuleWords, type PastDanger, type SafeguardingRule, type Spelling } from './safeguardingRules';

/** What decided a verdict of risk. */
export type RiskDecider = 'rule' | 'risk classifier' | 'classifier';

export interface SafeguardingVerdict {
  risk: boolean;
  /** The rule that matched, "risk classifier" or "classifier" (the intent classifier). Never the resident's words. */
  reason?: string;
  /** What decided it: a rule, the risk classifier, or the intent classifier (a gloss's verdict keeps what decided the gloss). */
  decidedBy?: RiskDecider;
  /** The risk category the reply follows (intents/risk-taxonomy.yaml). */
  category?: RiskCategory;
  /** Every category the message touches, `category` first; the reply adds the others' help. */
  categories?: RiskCategory[];
  /** Who the message is about, when the taxonomy's cues can tell. */
  about?: RiskAbout;
  /** The category's label for people (staff see it in the handoff queue). */
  label?: string;
}

export interface SafeguardingDetectorOptions {
  /** Another language's detector, also asked when this one finds no risk (a Welsh message may say the danger in English). */
  alongside?: SafeguardingDetector;
  /**
   * Another language's whole detector (rules and classifier) reading a gloss of the message in that language, also asked
   * when neither this detector nor `alongside` finds a risk (intents/riskGloss.ts: Welsh read by the English detector).
   */
  glossed?: GlossedDetector;
  /**
   * The classifier counts only when safeguarding is its chosen intent with at least this
   * calibrated score. Above 1 turns the classifier off (rules only).
   */
  classifierThreshold?: number;
  /**
   * ...and only when the folded message contains one of these words (something about harm,
   * fear, danger, death, abuse, neglect or being unsafe): the rules file's `classifier_cues`, by
   * default the project's own (intents/safeguarding-rules.yaml). `null` drops the check.
   */
  classifierCues?: RegExp | null;
  /** The words that start a new piece of a long message (the rules file's `clause_turns`, see clausesOf); by default the project's own. */
  clauseTurns?: RegExp;
  /** The dedicated risk classifier (intents/risk): catches what the rules have not met, and names the category. */
  riskClassifier?: RiskClassifier;
  /** Orders categories (most urgent first) and tells who a message is about. */
  taxonomy?: RiskTaxonomy;
  /** Figures of speech taken out of a message before it is checked (the rules file's `idioms`). */
  idioms?: RegExp[];
  /** Text-speak spelled out before anything is checked (the rules file's `spellings`). */
  spellings?: Spelling[];
  /** The words of a danger long past (the rules file's `past`). */
  past?: PastDanger;
  /** Words that make a risk the subject of work, study, giving or policy (the rules file's `subject`). */
  subject?: RegExp;
  /** Words that say the person is fine now (the rules file's `reassured`): with them, only the rules decide. */
  reassured?: RegExp;
  /**
   * Words that say the danger is over and dealt with (the rules file's `resolved`): with them, and none of `past.stillNow`, only the
   * rules decide.
   */
  resolved?: RegExp;
  /** Words that make a risk the topic of study, training or policy (the rules file's `topic`): with them, the classifiers' vote alone does not decide, except for immediate danger. */
  topic?: RegExp;
  /** The risk classifier's score a clause of a long message needs (see clausesOf); above the whole message's threshold, since a clause has fewer words to go on. */
  clauseThreshold?: number;
  /** How far the whole message must lean to a risk (its best category's score) for a clause to decide alone (default 0; see ENGLISH_CLAUSE_GATE). */
  clauseFloor?: number;
  /**
   * From this many clauses on, a clause decides alone only when the whole message leans to a risk at least `longClauseFloor`
   * (default: never; see ENGLISH_CLAUSE_GATE).
   */
  longClauses?: number;
  longClauseFloor?: number;
  /** Below this score, the risk classifier's vote on a message of two or more clauses counts only when one of its clauses scores at least `clauseSupport`. */
  weakScore?: number;
  clauseSupport?: number;
}

/** A detector that reads a message through a gloss into its own language. */
export interface GlossedDetector {
  gloss: (text: string) => string;
  detector: SafeguardingDetector;
  /** The categories its verdict may decide (default GLOSS_CATEGORIES). */
  categories?: readonly RiskCategory[];
}

/** A clause of a long message and the risk classifier's best guess for it. */
export interface ClauseGuess {
  clause: string;
  guess?: RiskGuess;
}

/** How the detector decided (SafeguardingDetector.explain): for reviewing false alarms and misses; holds the resident's words, so never logged. */
export interface SafeguardingTrace {
  /** The message as the rules read it (folded, text-speak spelled out, idioms taken out). */
  folded: string;
  /** Names of the rules that matched. */
  rules: string[];
  /** The rules matched, and the message tells of it as long past and over: left to the classifier. */
  longPast: boolean;
  /** No immediate-danger rule matched and the message speaks of the risk as a subject (training, a dissertation, a donation): left to the classifier. */
  asSubject: boolean;
  /** No immediate-danger rule matched and the message says the person is fine now or the danger is over (`reassured`, `resolved`): the rules do not decide. */
  saidSafe?: boolean;
  /** No rule decided and the message says the person is fine now ("he's fine in himself"): the classifiers do not decide. */
  reassured?: boolean;
  /** No rule decided and the message says the danger is over and dealt with ("the engineer came and capped it"): the classifiers do not decide. */
  resolved?: boolean;
  /** No rule decided and the message speaks of a risk as the topic of study, training or policy: the risk classifier's vote does not decide, except for immediate danger. */
  topic?: boolean;
  /** The risk classifier's best guess for the whole message, whether or not it counts. */
  whole?: RiskGuess;
  clauses: ClauseGuess[];
  verdict: SafeguardingVerdict;
}

/**
 * Measured with `npm run eval:safeguarding` on tests/safeguarding/dev.jsonl and dev2.jsonl and
 * `npm run eval` on tests/eval/kb-blind-dev.jsonl: at the whole message's threshold, clauses of
 * long ordinary questions ("clearing out my nan's old place…") were flagged.
 */
export const DEFAULT_CLAUSE_THRESHOLD = 0.5;

/**
 * From LONG_CLAUSES clauses on, a clause decides alone only when the whole message leans to a risk at least LONG_CLAUSE_FLOOR
 * (0.5, DEFAULT_WEAK_SCORE: what counts as a strong vote of the whole message): every clause is one more chance for a few
 * ordinary words out of their message to read like a risk (a sentence about giving up on asking nicely, a death in the family
 * told before a council tax question), so the more clauses a message has, the likelier one of them flags it by chance. Measured
 * on the held-out examples of scripts/riskCrossValidation.ts (docs/safeguarding.md, twentieth round): of the messages a clause
 * alone flagged with four clauses or more, 15 were ordinary, every one with the whole message below 0.46, and 2 were risks,
 * both with the whole message at 0.87 or more; with three clauses or fewer the whole message's lean separates nothing (risks
 * from 0.11, ordinary to 0.93).
 */
export const LONG_CLAUSES = 4;
export const LONG_CLAUSE_FLOOR = 0.5;

/**
 * How far the whole message must lean to a risk for a clause alone to decide, for the English classifier. Measured with
 * scripts/riskClauseAudit.ts (2026-12-07, twenty-fourth session) on every English development set (tests/safeguarding dev to
 * dev10 and cases, the ordinary questions of tests/eval's development sets, every resident turn of the development
 * conversations): of the 50 messages a clause alone flagged (no rule, the whole message's vote not counted), 48 were ordinary.
 * A short clause out of its message reads like a risk to the classifier ("I WILL BE WRITING TO MY MP" 0.89 suicide, "id like
 * to know more before i go" 0.89, "My husband is in prison" 0.79 domestic abuse) while the whole message hardly leans to one
 * (0.01 – 0.09 for 20 of them). On the held-out examples of scripts/riskCrossValidation.ts, which no rule was written for, the
 * same clauses catch 25 risks the rest misses ("been drafting my goodbye messages all week. also need to report a pothole"),
 * so clauses stay; with the whole message leaning at least 0.08, 23 of those 25 are kept and the two development risks,
 * while 21 of the 42 held-out ordinary examples and 20 of the 48 development ones are no longer flagged (tests/safeguarding/
 * dev10, written blind and not tuned on: false alarms 15 -> 9 of 100). No floor separates the rest: the clause's own score
 * does not (risks 0.54 – 0.99, ordinary 0.5 – 0.99). The Welsh classifier's clauses flagged 4 risks and no ordinary message on
 * the Welsh development sets, so Welsh has no floor.
 */
export const ENGLISH_CLAUSE_GATE = { clauseFloor: 0.08, longClauses: LONG_CLAUSES, longClauseFloor: LONG_CLAUSE_FLOOR };

/**
 * A weak vote on a long message needs one of its clauses behind it (see wholeGuess). Measured
 * with scripts/riskMargins.ts on tests/safeguarding/dev.jsonl, dev2.jsonl, cases.jsonl, the
 * ordinary questions of tests/eval and the dev conversations (2026-12-04): every risk message the
 * whole-message vote caught below 0.5 with two or more clauses had a clause at 0.4 or more; the
 * false alarm among them (a resident venting about being on hold before asking about the housing
 * list) had none above 0.2.
 */
export const DEFAULT_WEAK_SCORE = 0.5;
/**
 * 0.3 until 2026-12-05; lowered because, with the risk classifier retrained without part of its data
 * (scripts/riskCrossValidation.ts), the gate at 0.3 dropped 23 of 2,623 held-out risk messages ("I
 * walked into the river last night… I'll do it properly next time") to spare 7 of 2,211 near misses;
 * at 0.15 it drops 10 fewer risk messages for 3 more alarms, and still keeps the venting above quiet.
 */
export const DEFAULT_CLAUSE_SUPPORT = 0.15;
/**
 * How far this language's own risk classifier must lean to a risk (its best category's score, on the whole message or a
 * clause) for the English classifier's vote on a gloss to count (see SafeguardingDetector.supports): the clause support
 * the detector already uses for a weak vote on a long message (DEFAULT_CLAUSE_SUPPORT, chosen on English held-out data).
 */
const GLOSS_SUPPORT = DEFAULT_CLAUSE_SUPPORT;
/**
 * The categories a gloss's verdict may decide when the English classifier gave it, or for immediate danger when the English
 * rules did, and only with this language's classifier's support (the other categories' rules decide alone: see `counts`).
 * Immediate danger only. With every category, the gloss flagged 6 of the
 * 2,605 Welsh ordinary training examples and article questions and moved one line of Welsh routing's development set
 * (children cold in a rented home with no heating, which the Welsh content counts as a housing question) to safeguarding;
 * with immediate danger only, 2 and none (docs/safeguarding.md, thirteenth round). Immediate danger is where a miss
 * costs a life now, and where issue 21 asks for 100 %.
 */
export const GLOSS_CATEGORIES: readonly RiskCategory[] = ['immediate_danger'];
/** The reason a verdict gives when the risk classifier decided it (and the rules did not). */
const CLASSIFIER_REASON = 'risk classifier';
/** Fewer words than this left once the idioms are taken out: nothing for the classifier to judge. */
export const MIN_WORDS_AFTER_IDIOMS = 3;
/**
 * A message of at most SHORT_WORDS words counts on the risk classifier's vote alone only from
 * SHORT_MIN_SCORE: two or three words are little to go on, and one word shared with a risk example
 * decided them ("tracking my request" scored 0.35 for immediate danger, through the railway "tracks";
 * "grey one", an answer about a bin, 0.53). Short risks in real words score far higher ("husband
 * choke me" 0.99) or are the rules' ("help", "fire", "he hit me"). Measured with scripts/riskMargins.ts
 * on every development set (2026-12-04, fifth session): no risk message caught by the classifier alone
 * had six words or fewer and scored below 0.9. Raised from 4 to 8 words once the risk classifier trained
 * to convergence (2026-12-06, docs/safeguarding.md tenth round): the six risk messages of eight words or
 * fewer that the classifier alone catches on the development sets score 0.98 or more, the five ordinary
 * ones it flagged 0.56 or less ("I'm going to be homeless next week" 0.31); at 10 words a risk would be lost.
 */
export const SHORT_WORDS = 8;
/**
 * For immediate danger the bar stays at SHORT_WORDS' old 4 words: the evidence for 8 was English only, and the Welsh
 * classifier catches true dangers at low scores ("help plis mae boi ar do'r ysgol yn bygwth neidio" 0.27 on
 * cy-blind2-dev), where a miss costs a life now (docs/safeguarding.md, tenth round).
 */
export const SHORT_WORDS_IMMEDIATE = 4;
export const SHORT_MIN_SCORE = 0.6;
/**
 * A message of at most SHORT_WORDS_IMMEDIATE words that the risk classifier itself finds likelier not a risk counts through the
 * immediate-danger override (DEFAULT_RISK_OVERRIDES) only from this score: "and the blue one?", a follow-up about a bin, scored
 * 0.68 for immediate danger and got the 999 reply (tests/conversations/blind6-dev, twenty-fourth session). On the held-out
 * examples of scripts/riskCrossValidation.ts no short risk came through the override: the five short ones the classifier
 * alone catches below 0.9 ("baby screaming no adults" 0.67) are its top category outright, which this does not touch.
 */
export const SHORT_OVERRIDE_MIN_SCORE = 0.9;

/**
 * Measured on tests/safeguarding/cases.jsonl, tests/eval/dev.jsonl and the training data
 * (seed 1): with safeguarding on top at >= 0.98 plus a cue word the classifier alone catches
 * about half of the risk messages while adding one false alarm on the near-miss set; a lower
 * bar or no cue check adds many (0.35 without cues: 18 of 67 near misses). The rules carry recall.
 */
export const DEFAULT_CLASSIFIER_THRESHOLD = 0.98;

/**
 * With the dedicated risk classifier, the intent classifier's vote is off unless asked for: measured
 * with `npm run eval:safeguarding` on tests/safeguarding/dev.jsonl and dev2.jsonl (2026-12-04) it
 * caught no risk the rules and the risk classifier missed, and `npm run eval` on
 * tests/eval/kb-blind-dev.jsonl showed it flagging ordinary questions ("a disabled parking badge for
 * my husband, he can't walk far anymore").
 */
export const CLASSIFIER_THRESHOLD_WITH_RISK_CLASSIFIER = 2;

/**
 * Every message is checked here, first: the rules (the unmistakable), then the dedicated risk
 * classifier (what the rules have not met), then the intent classifier's safeguarding vote (a
 * confident vote plus a cue word). Any one is enough. The verdict names the category and, when
 * the taxonomy's cues can tell, who the message is about.
 */
export class SafeguardingDetector {
  private readonly classifierThreshold: number;
  private readonly classifierCues: RegExp | null;
  private readonly clauseTurns: RegExp;
  private readonly riskClassifier?: RiskClassifier;
  private readonly taxonomy?: RiskTaxonomy;
  private readonly order: RiskCategory[];
  private readonly idioms: RegExp[];
  private readonly spellings: Spelling[];
  private readonly past?: PastDanger;
  private readonly subject?: RegExp;
  private readonly reassured?: RegExp;
  private readonly resolved?: RegExp;
  private readonly topic?: RegExp;
  private readonly clauseThreshold: number;
  private readonly clauseFloor: number;
  private readonly longClauses: number;
  private readonly longClauseFloor: number;
  private readonly weakScore: number;
  private readonly clauseSupport: number;
  private readonly alongside?: SafeguardingDetector;
  private readonly glossed?: GlossedDetector;

  constructor(
    private readonly rules: SafeguardingRule[],
    options: SafeguardingDetectorOptions | number = {},
  ) {
    const o = typeof options === 'number' ? { classifierThreshold: options } : options;
    this.classifierThreshold = o.classifierThreshold ?? (o.riskClassifier ? CLASSIFIER_THRESHOLD_WITH_RISK_CLASSIFIER : DEFAULT_CLASSIFIER_THRESHOLD);
    this.classifierCues = o.classifierCues === undefined ? projectRuleWords().classifierCues : o.classifierCues;
    this.clauseTurns = o.clauseTurns ?? projectRuleWords().clauseTurns;
    this.riskClassifier = o.riskClassifier;
    this.taxonomy = o.taxonomy;
    this.order = o.taxonomy ? o.taxonomy.categories.map((c) => c.id) : [...RISK_CATEGORIES];
    this.idioms = o.idioms ?? [];
    this.spellings = o.spellings ?? [];
    this.past = o.past;
    this.subject = o.subject;
    this.reassured = o.reassured;
    this.resolved = o.resolved;
    this.topic = o.topic;
    this.clauseThreshold = o.clauseThreshold ?? DEFAULT_CLAUSE_THRESHOLD;
    this.clauseFloor = o.clauseFloor ?? 0;
    this.longClauses = o.longClauses ?? Infinity;
    this.longClauseFloor = o.longClauseFloor ?? 0;
    this.weakScore = o.weakScore ?? DEFAULT_WEAK_SCORE;
    this.clauseSupport = o.clauseSupport ?? DEFAULT_CLAUSE_SUPPORT;
    this.alongside = o.alongside;
    this.glossed = o.glossed;
  }

  /**
   * Traces already decided, by the recognizer's result they were decided with. A message is checked several times in its
   * turn (the router's route or the interruption check, then the main dialog's guards), each time with the turn's own
   * recognizer result, and the check is about a tenth of a turn's CPU (docs/performance.md, tenth pass). Keyed by that object, a trace lives as long
   * as the turn's recognition and is never shared with another turn or resident; the decision depends only on the text
   * and that result.
   */
  private readonly traces = new WeakMap<RecognizerResult, Map<string, SafeguardingTrace>>();

  check(text: string, recognized?: RecognizerResult): SafeguardingVerdict {
    return this.explain(text, recognized).verdict;
  }

  /**
   * How a message is decided: what the rules matched, what the risk classifier made of it and of each clause, and the
   * verdict. With another language's detector alongside, a message this one finds no risk in is also checked by that
   * one (residents switch languages mid-sentence): a risk either finds is a risk. Then, with a glossed detector, the
   * gloss of the message is checked by it; its verdict's reason starts "gloss: ".
   */
  explain(text: string, recognized?: RecognizerResult): SafeguardingTrace {
    if (!recognized) return this.decide(text, recognized);
    let byText = this.traces.get(recognized);
    if (!byText) this.traces.set(recognized, (byText = new Map()));
    let trace = byText.get(text);
    if (!trace) byText.set(text, (trace = this.decide(text, recognized)));
    return trace;
  }

  private decide(text: string, recognized?: RecognizerResult): SafeguardingTrace {
    const own = this.explainOwn(text, recognized);
    if (own.verdict.risk) return own;
    const other = this.alongside?.explain(text, recognized);
    if (other?.verdict.risk) return other;
    const glossed = this.explainGlossed(text);
    return glossed?.verdict.risk && this.counts(own, glossed) ? glossed : own;
  }

  /**
   * The English rules' verdict on the gloss counts on its own for every category but immediate danger: on the fresh blind
   * Welsh development set (tests/safeguarding/cy-blind4-dev.jsonl, 2026-12-07) it caught 5 of the 15 risks the Welsh
   * detector missed (a partner's kicks and threats, "never wake up", a son burning his arms, a child living in a garage)
   * for one more false alarm of 50, and 2 more of 2,605 Welsh ordinary examples and questions (drugs sold in the street, a
   * loan shark's threats: what the English and Welsh rules say of those words too); the immediate-danger rules on a
   * gloss fire on "ar dân" said of the past or of a thing (a bin, a battery, a chimney: the gloss loses the tense), so
   * they keep the gate below (docs/safeguarding.md, Welsh, twenty-second session).
   * Otherwise the gloss's verdict counts only for the categories `GLOSS_CATEGORIES` lists, and only when this language's own
   * classifier leans to a risk too (its best category, on the message or one of its clauses, at `GLOSS_SUPPORT` or more):
   * the English detector reading a word-by-word gloss brings its own false-alarm rate with it, and what a gloss loses is
   * what makes a near miss one (alarming words used about something else, a Welsh turn of phrase). Measured in
   * docs/safeguarding.md, thirteenth round.
   */
  private counts(own: SafeguardingTrace, glossed: SafeguardingTrace): boolean {
    const category = glossed.verdict.category;
    if (!category) return false;
    if (category !== 'immediate_danger' && glossed.verdict.decidedBy !== 'risk classifier') return true;
    if (!(this.glossed?.categories ?? GLOSS_CATEGORIES).includes(category)) return false;
    const scores = [own.whole?.score ?? 0, ...own.clauses.map((c) => c.guess?.score ?? 0)];
    return Math.max(...scores) >= GLOSS_SUPPORT;
  }

  /**
   * The glossed detector's trace of the message's gloss (undefined without one); its verdict as this detector gives one
   * (this taxonomy's label, who it is about by this language's cues on the message, else by the other's on the gloss).
   * A message with nothing left once this language's idioms are out is not glossed.
   */
  explainGlossed(text: string): SafeguardingTrace | undefined {
    if (!this.glossed) return undefined;
    // Glossed as this language's rules read it: its text-speak spelled out and its figures of speech taken out first
    // ("mae'r bin 'ma'n fy lladd i" is not "kill me").
    const { folded } = this.folded(text);
    if (!folded) return undefined;
    const trace = this.glossed.detector.explain(this.glossed.gloss(folded));
    if (!trace.verdict.risk) return trace;
    const own = this.verdict(`gloss: ${trace.verdict.reason ?? ''}`, trace.verdict.categories ?? [], folded, trace.verdict.decidedBy);
    return { ...trace, verdict: { ...own, about: own.about ?? trace.verdict.about } };
  }

  /** The message as the rules read it: folded, text-speak spelled out, and with its idioms taken out. */
  private folded(text: string): { spelled: string; folded: string } {
    const spelled = this.spellings.reduce((s, sp) => s.replace(sp.pattern, sp.standsFor), normaliseForRules(text));
    const folded = this.idioms
      .reduce((s, idiom) => s.replace(idiom, ' '), spelled)
      .replace(/\s+/g, ' ')
      .trim();
    return { spelled, folded };
  }

  private explainOwn(text: string, recognized?: RecognizerResult): SafeguardingTrace {
    const { spelled, folded } = this.folded(text);
    const trace: SafeguardingTrace = { folded, rules: [], longPast: false, asSubject: false, clauses: [], verdict: { risk: false } };
    if (!folded) return trace;
    const matched = this.rules.filter((rule) => rule.patterns.some((p) => p.test(folded)) && !rule.unless.some((u) => u.test(folded)));
    trace.rules = matched.map((r) => r.name);
    trace.longPast = matched.length > 0 && this.longPast(folded);
    trace.asSubject = matched.length > 0 && !!this.subject && !matched.some((r) => r.category === 'immediate_danger') && this.subject.test(folded);
    trace.saidSafe = matched.length > 0 && !matched.some((r) => r.category === 'immediate_danger') && this.saidSafe(folded);
    if (matched.length && !trace.longPast && !trace.asSubject && !trace.saidSafe)
      return {
        ...trace,
        verdict: this.verdict(
          matched[0].name,
          matched.flatMap((r) => (r.category ? [r.category] : [])),
          folded,
          'rule',
        ),
      };
    // A message that was little more than a figure of speech ("I've had enough of being ignored" leaves
    // "ive"): the classifier would be judging a residue with nothing of the message left in it.
    if (folded.split(' ').length < MIN_WORDS_AFTER_IDIOMS && folded !== spelled.replace(/\s+/g, ' ').trim()) return trace;
    // "My neighbour's a hoarder… he's fine in himself", "I'm safe and well, I just want to get on top of it": the resident says the
    // person is fine now, and no rule found a danger; the classifiers, which read the topic, are not asked to overrule them.
    // ("She says she's fine but…" is not this: a claim reported, or a "but" after it, keeps the message for the classifiers.)
    if (this.reassured?.test(folded)) return { ...trace, reassured: true };
    // "The gas smell has gone, the engineer came and capped it", "he's been in prison for three years and I've moved": the danger
    // is over and dealt with, in so many words, and nothing says it goes on ("still", "again", "tonight"); the classifier reads
    // the topic (gas, a violent ex) and not that it is over (docs/safeguarding.md, thirteenth round).
    if (this.resolved?.test(folded) && !this.past?.stillNow.test(folded)) return { ...trace, resolved: true };
    const forClassifier = this.forClassifier(text, folded);
    if (this.riskClassifier) {
      trace.whole = this.riskClassifier.best(forClassifier);
      trace.clauses = clausesOf(forClassifier, this.clauseTurns).map((clause) => ({ clause, guess: this.riskClassifier!.best(clause) }));
    }
    const guess = this.wholeGuess(forClassifier, trace.whole, trace.clauses) ?? this.clauseGuess(trace.clauses, trace.whole);
    // "What does honour based abuse mean? It came up in my safeguarding training": a risk as the topic of study, training or
    // policy, which no rule found happening to anyone. Immediate danger is still the classifier's to call.
    // A rule that matched named something happening to someone, so the message stays the classifier's ("for my college project…
    // my stepdad hits me").
    if (
      guess &&
      guess.category !== 'immediate_danger' &&
      (!trace.rules.length || (trace.asSubject && !this.past?.stillNow.test(folded))) &&
      this.topic?.test(folded)
    )
      return { ...trace, topic: true };
    if (guess) return { ...trace, verdict: this.verdict(CLASSIFIER_REASON, [guess.category], folded, 'risk classifier') };
    if (recognized && this.classifierVotes(folded, recognized)) {
      return { ...trace, verdict: this.verdict('classifier', trace.whole ? [trace.whole.category] : [], folded, 'classifier') };
    }
    return trace;
  }

  /**
   * The risk classifier's verdict on the whole message. A long message whose vote is weak and that
   * none of its clauses supports is not counted: its ordinary words added up ("on hold for forty
   * minutes… at the end of my tether… the housing list"), while a risk buried in a long message
   * shows in its own clause.
   */
  private wholeGuess(text: string, whole: RiskGuess | undefined, clauses: ClauseGuess[]): RiskGuess | undefined {
    const guess = this.riskClassifier?.counted(whole);
    const shortWords = guess?.category === 'immediate_danger' ? SHORT_WORDS_IMMEDIATE : SHORT_WORDS;
    const words = text.split(/\s+/).filter(Boolean).length;
    if (guess && guess.score < SHORT_MIN_SCORE && words <= shortWords) return undefined;
    if (guess?.notRiskWins && guess.score < SHORT_OVERRIDE_MIN_SCORE && words <= SHORT_WORDS_IMMEDIATE) return undefined;
    if (!guess || guess.score >= this.weakScore || clauses.length < 2) return guess;
    return clauses.some((c) => c.guess && c.guess.score >= this.clauseSupport) ? guess : undefined;
  }

  /**
   * The message as the classifier reads it: as written, unless text-speak was spelled out or an idiom
   * taken out; then with its punctuation kept where the same changes can be made on it, since the
   * clauses of a long message are cut at full stops and dashes (see clausesOf).
   */
  private forClassifier(text: string, folded: string): string {
    if (folded === normaliseForRules(text)) return text;
    const lower = text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/['’‘`]/g, '');
    const spelled = this.spellings.reduce((s, sp) => s.replace(sp.pattern, sp.standsFor), lower);
    const kept = this.idioms
      .reduce((s, idiom) => s.replace(idiom, ' '), spelled)
      .replace(/\s+/g, ' ')
      .trim();
    return normaliseForRules(kept) === folded ? kept : folded;
  }

  /**
   * The resident says in so many words that the person is fine now (`reassured`) or that the danger is over and dealt with
   * (`resolved`, with nothing of `past.stillNow`). A rule that matched is then not enough on its own, unless it is an
   * immediate-danger rule: "my neighbour's a hoarder… he seems fine" or "the man who attacked my brother served his time and
   * my brother is fine" name a risk that the resident has just said is not one (docs/safeguarding.md, fourteenth round).
   */
  private saidSafe(folded: string): boolean {
    if (this.reassured?.test(folded)) return true;
    return !!this.resolved?.test(folded) && !this.past?.stillNow.test(folded);
  }

  /** The message tells of what the rules matched as long past and over (see PastDanger). */
  private longPast(folded: string): boolean {
    return !!this.past && this.past.longAgo.test(folded) && !this.past.stillNow.test(folded);
  }

  /**
   * A long message checked clause by clause (see clausesOf): the first clause the risk classifier flags, when the whole message
   * leans to a risk at least `clauseFloor`, and at least `longClauseFloor` from `longClauses` clauses on (see ENGLISH_CLAUSE_GATE).
   */
  private clauseGuess(clauses: ClauseGuess[], whole: RiskGuess | undefined): RiskGuess | undefined {
    const floor = clauses.length >= this.longClauses ? Math.max(this.clauseFloor, this.longClauseFloor) : this.clauseFloor;
    if (!this.riskClassifier || (whole?.score ?? 0) < floor) return undefined;
    for (const c of clauses) {
      const guess = this.riskClassifier.counted(c.guess);
      if (guess && guess.score >= this.clauseThreshold) return guess;
    }
    return undefined;
  }

  private verdict(reason: string, found: RiskCategory[], folded: string, decidedBy?: RiskDecider): SafeguardingVerdict {
    const about = this.taxonomy ? aboutOf(this.taxonomy, folded) : undefined;
    // A worry about an adult that turns out to be about a child is a child at risk (the adult's help is kept). Abuse in a home
    // where a child is named ("my mum hits me with a belt, im 10", "he hits her in front of the kids") is a child at risk too,
    // after the abuse: the reply gives the children's help beside the domestic abuse line.
    const withChild = about === 'child' && (found.includes('adult_at_risk') || found.includes('domestic_abuse')) ? ['child_at_risk' as const, ...found] : found;
    const categories = this.order.filter((c) => withChild.includes(c));
    const label = this.taxonomy?.categories.find((c) => c.id === categories[0])?.label;
    return { risk: true, reason, decidedBy, category: categories[0], categories, about, label };
  }

  private classifierVotes(folded: string, recognized: RecognizerResult): boolean {
    if (recognized.intent !== Intents.safeguarding) return false;
    const score = recognized.alternatives.find((a) => a.intent === Intents.safeguarding)?.score ?? recognized.score;
    if (score < this.classifierThreshold) return false;
    return this.classifierCues === null || this.classifierCues.test(folded);
  }
}
