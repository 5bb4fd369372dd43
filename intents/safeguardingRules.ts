import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { escapeRegExp } from '../platform/escapeRegExp';
import { packageRoot } from '../platform/packageRoot';
import { RISK_CATEGORIES, type RiskCategory } from './riskTaxonomy';

const rulesSchema = z
  .object({
    /** Figures of speech removed from a message before any rule or classifier sees it ("killing myself laughing"). */
    idioms: z.array(z.string().min(1)).optional(),
    /** Text-speak and common misspellings spelled out before checking: a regular expression alternation (whole words) and what it stands for. */
    spellings: z.record(z.string().min(1), z.string()).optional(),
    /** Words that put a danger in the past ("back in 2019") and words that keep it now ("still", "tonight"). */
    past: z
      .object({ longAgo: z.string().min(1), stillNow: z.string().min(1) })
      .strict()
      .optional(),
    /** Words that make a risk the subject of work, study, giving or policy rather than something happening to someone. */
    subject: z.string().min(1).optional(),
    /** Words that say the person is fine now ("she's fine, just messy", "I'm safe and well"), not as someone else's claim. */
    reassured: z.string().min(1).optional(),
    /** Words that say a danger is over and dealt with ("the engineer came and capped it", "he's been in prison for three years"). */
    resolved: z.string().min(1).optional(),
    /** Words that make a risk the topic of study, training or policy ("my dissertation", "safeguarding training at work"). */
    topic: z.string().min(1).optional(),
    /** Words one of which a message needs before the intent classifier's safeguarding vote counts (SafeguardingDetectorOptions.classifierCues). */
    classifier_cues: z.string().min(1).optional(),
    /** Words that start a new piece of a long message ("also", "btw"): each piece is read by the risk classifier on its own too (intents/messageClauses.ts). */
    clause_turns: z.array(z.string().trim().min(1)).min(1).optional(),
    rules: z
      .array(
        z
          .object({
            name: z.string().min(1),
            /** The risk category (intents/risk-taxonomy.yaml) a match of this rule belongs to; without one, the general reply. */
            category: z.enum(RISK_CATEGORIES).optional(),
            patterns: z.array(z.string().min(1)).min(1),
            unless: z.array(z.string().min(1)).optional(),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

export interface SafeguardingRule {
  name: string;
  category?: RiskCategory;
  patterns: RegExp[];
  unless: RegExp[];
}

/** Folds a message the way the rules expect it: lower case, no apostrophes, single spaces. */
export function normaliseForRules(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^\p{L}\p{N}-]+/gu, ' ')
    .trim();
}

/** Loads intents/safeguarding-rules.yaml; throws with the file, rule and pattern named when one is wrong. */
export function loadSafeguardingRules(file: string): SafeguardingRule[] {
  return loadSafeguardingRuleSet(file).rules;
}

/** A text-speak spelling ("sum1") and what it stands for ("someone"). */
export interface Spelling {
  pattern: RegExp;
  standsFor: string;
}

/**
 * A danger or harm told as long past and over ("a kid drowned in the quarry back in 2019, is it
 * still fenced?", "my brother overdosed five years ago and he's doing brilliantly now"): when the
 * message says `longAgo` and not `stillNow`, the rules do not decide (the risk classifier still
 * reads the message). Since 2026-12-05 for every category, not only immediate danger: measured with
 * scripts/riskCrossValidation.ts it spared near misses told as history and lost no risk message.
 */
export interface PastDanger {
  longAgo: RegExp;
  stillNow: RegExp;
}

/** Everything the rules file holds, compiled. */
export interface SafeguardingRuleSet {
  rules: SafeguardingRule[];
  idioms: RegExp[];
  spellings: Spelling[];
  past?: PastDanger;
  /** The rules file's `subject`: "a dissertation on county lines", "suicide awareness training", "donate to the women's refuge". */
  subject?: RegExp;
  /** The rules file's `reassured`: "he's fine in himself", "I'm safe and well", "she's really happy". */
  reassured?: RegExp;
  /** The rules file's `resolved`: "the engineer came and capped it", "he's been in prison for three years", "when he was 14… he's 19 now and doing well". */
  resolved?: RegExp;
  /** The rules file's `topic`: "for my dissertation", "safeguarding training at work", "what does honour based abuse mean". */
  topic?: RegExp;
  /** The rules file's `classifier_cues`: a word about harm, fear or danger ("hurt", "scared", "unsafe") the intent classifier's vote needs. */
  classifierCues?: RegExp;
  /** The rules file's `clause_turns`, one of them matched: "also", "btw", "whilst i have you" (see clausesOf). */
  clauseTurns?: RegExp;
}

/** The rules, the idioms (figures of speech taken out of a message before it is checked), the spellings spelled out first and the words of a danger long past. */
export function loadSafeguardingRuleSet(file: string): SafeguardingRuleSet {
  const parsed = rulesSchema.safeParse(parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const compile = (rule: string, p: string): RegExp => {
    try {
      // Messages are folded to lower case before matching, so a pattern in lower case needs no
      // case-insensitive flag, and without it V8 matches about four times faster.
      return new RegExp(p, hasUpperCase(p) ? 'iu' : 'u');
    } catch (err) {
      throw new Error(`${file}: rule "${rule}": pattern ${p} is not a valid regular expression (${(err as Error).message})`);
    }
  };
  const rules = parsed.data.rules.map((r) => ({
    name: r.name,
    category: r.category,
    patterns: r.patterns.map((p) => compile(r.name, p)),
    unless: (r.unless ?? []).map((p) => compile(r.name, p)),
  }));
  const idioms = (parsed.data.idioms ?? []).map((p) => new RegExp(compile('idioms', p).source, `${compile('idioms', p).flags}g`));
  const spellings = Object.entries(parsed.data.spellings ?? {}).map(([words, standsFor]) => ({
    pattern: new RegExp(`\\b(?:${compile('spellings', words).source})\\b`, 'gu'),
    standsFor,
  }));
  const past = parsed.data.past ? { longAgo: compile('past', parsed.data.past.longAgo), stillNow: compile('past', parsed.data.past.stillNow) } : undefined;
  const subject = parsed.data.subject ? compile('subject', parsed.data.subject) : undefined;
  const reassured = parsed.data.reassured ? compile('reassured', parsed.data.reassured) : undefined;
  const resolved = parsed.data.resolved ? compile('resolved', parsed.data.resolved) : undefined;
  const topic = parsed.data.topic ? compile('topic', parsed.data.topic) : undefined;
  const classifierCues = parsed.data.classifier_cues ? compile('classifier_cues', parsed.data.classifier_cues) : undefined;
  // Words, not patterns: each phrase as written (a full stop is a full stop: "p.s"), any one of them.
  const clauseTurns = parsed.data.clause_turns ? new RegExp(`(?:${parsed.data.clause_turns.map(escapeRegExp).join('|')})`, 'iu') : undefined;
  return { rules, idioms, spellings, past, subject, reassured, resolved, topic, classifierCues, clauseTurns };
}

let projectRules: SafeguardingRuleSet | undefined;

/**
 * The project's own `classifier_cues` and `clause_turns` (intents/safeguarding-rules.yaml), read once: those of a detector built
 * without a rules file's (a script, a test). The assistant hands its detectors the council's own rules file's.
 */
export function projectRuleWords(): { classifierCues: RegExp; clauseTurns: RegExp } {
  projectRules ??= loadSafeguardingRuleSet(path.join(packageRoot(__dirname), 'intents', 'safeguarding-rules.yaml'));
  const { classifierCues, clauseTurns } = projectRules;
  if (!classifierCues || !clauseTurns) throw new Error('intents/safeguarding-rules.yaml: classifier_cues and clause_turns are needed');
  return { classifierCues, clauseTurns };
}

/** True when the pattern has a capital letter that is not part of an escape such as \\S or \\P{L}. */
function hasUpperCase(pattern: string): boolean {
  return /\p{Lu}/u.test(pattern.replace(/\\[pP]\{[^}]*\}|\\./gu, ''));
}
