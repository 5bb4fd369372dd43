import type { CouncilProfile } from '../knowledge/councilProfile';
import type { Operations } from './operations';
import { CHANNELS, type Channel, type InsightEvent } from './insightEventStore';

/**
 * What a conversation came to, one per conversation, the first that holds in this order
 * (docs/insights.md): a risk signposted; a request filed; a call-back requested; a person (live chat
 * or the council's own contact centre); an answer confirmed helpful; an answer marked unhelpful; a
 * request left at one of its questions; an answer with no feedback; out of scope; anything else
 * (a greeting, help, a cancel).
 */
export const OUTCOMES = [
  'safeguarding',
  'filed',
  'callback',
  'person',
  'helpful',
  'unhelpful',
  'abandoned',
  'answered_no_feedback',
  'out_of_scope',
  'other',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export type Granularity = 'day' | 'week' | 'month';

export interface ArticleFigures {
  articleId: string;
  answered: number;
  helpful: number;
  unhelpful: number;
  /** helpful / (helpful + unhelpful); null when nobody said. */
  helpfulRate: number | null;
}

export interface SavingsEstimate {
  /** Pounds, low and high. */
  low: number;
  high: number;
  resolved: number;
  assumptions: CouncilProfile['insights'];
  /** How the range is worked out, in words (insights.yaml `savings_method`, in the language of whoever asked); none in open data. */
  method?: string;
}

export interface InsightsReport {
  from: string;
  to: string;
  conversations: number;
  outcomes: Record<Outcome, number>;
  /** Confirmed-helpful answers and filed requests only. */
  resolved: number;
  /** Answered with no feedback: nobody knows whether these helped. */
  unknown: number;
  byChannel: Record<Channel, Record<Outcome, number>>;
  byPeriod: Array<{ period: string; outcomes: Record<Outcome, number> }>;
  requestsByService: Record<string, number>;
  safeguardingByCategory: Record<string, number>;
  abandonedAt: Record<string, number>;
  topArticles: ArticleFigures[];
  savings: SavingsEstimate;
  /** Delivery health and queue times, when read from the database (loadInsights). */
  operations?: Operations;
}

const zeros = (): Record<Outcome, number> => Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;

/** The outcome of one conversation from its events, oldest first. */
export function outcomeOf(events: readonly InsightEvent[]): Outcome {
  const has = (kind: InsightEvent['kind']) => events.some((e) => e.kind === kind);
  if (has('safeguarding')) return 'safeguarding';
  if (has('filed')) return 'filed';
  if (has('callback')) return 'callback';
  if (has('person')) return 'person';
  if (has('helpful')) return 'helpful';
  if (has('unhelpful')) return 'unhelpful';
  if (events[events.length - 1]?.kind === 'prompt') return 'abandoned';
  if (has('answered')) return 'answered_no_feedback';
  if (has('out_of_scope')) return 'out_of_scope';
  return 'other';
}

/** The period a timestamp falls in: 2026-12-05, 2026-W49 (ISO week), 2026-12. */
export function periodOf(at: string, granularity: Granularity): string {
  const day = at.slice(0, 10);
  if (granularity === 'day') return day;
  if (granularity === 'month') return day.slice(0, 7);
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 4 - (d.getUTCDay() || 7)); // the Thursday of this ISO week decides its year
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** The aggregates of the insights page, `npm run insights` and the open data, from the events of a window. */
export function buildInsightsReport(
  events: readonly InsightEvent[],
  options: { from: string; to: string; granularity?: Granularity; assumptions: CouncilProfile['insights']; topArticles?: number; method?: string },
): InsightsReport {
  const byConversation = new Map<string, InsightEvent[]>();
  for (const e of events) {
    const list = byConversation.get(e.conversation);
    if (list) list.push(e);
    else byConversation.set(e.conversation, [e]);
  }
  const outcomes = zeros();
  const byChannel = Object.fromEntries(CHANNELS.map((c) => [c, zeros()])) as Record<Channel, Record<Outcome, number>>;
  const periods = new Map<string, Record<Outcome, number>>();
  const requestsByService: Record<string, number> = {};
  const safeguardingByCategory: Record<string, number> = {};
  const abandonedAt: Record<string, number> = {};
  const articles = new Map<string, ArticleFigures>();
  const article = (id: string) => {
    let a = articles.get(id);
    if (!a) articles.set(id, (a = { articleId: id, answered: 0, helpful: 0, unhelpful: 0, helpfulRate: null }));
    return a;
  };

  for (const list of byConversation.values()) {
    const outcome = outcomeOf(list);
    outcomes[outcome]++;
    byChannel[list[0].channel][outcome]++;
    const period = periodOf(list[0].at, options.granularity ?? 'day');
    const row = periods.get(period) ?? zeros();
    row[outcome]++;
    periods.set(period, row);
    if (outcome === 'abandoned') {
      const field = list[list.length - 1].detail ?? 'unknown';
      abandonedAt[field] = (abandonedAt[field] ?? 0) + 1;
    }
    // A risk counts once per conversation and category, however often it was said.
    for (const category of new Set(list.filter((e) => e.kind === 'safeguarding').map((e) => e.detail ?? 'unknown'))) {
      safeguardingByCategory[category] = (safeguardingByCategory[category] ?? 0) + 1;
    }
    for (const e of list) {
      if (e.kind === 'filed') requestsByService[e.detail ?? 'unknown'] = (requestsByService[e.detail ?? 'unknown'] ?? 0) + 1;
      if (e.kind === 'answered' && e.detail) article(e.detail).answered++;
      if (e.kind === 'helpful' && e.detail) article(e.detail).helpful++;
      if (e.kind === 'unhelpful' && e.detail) article(e.detail).unhelpful++;
    }
  }
  for (const a of articles.values()) a.helpfulRate = a.helpful + a.unhelpful ? a.helpful / (a.helpful + a.unhelpful) : null;

  const resolved = outcomes.helpful + outcomes.filed;
  const cost = options.assumptions.costPerContact;
  const perContact = Math.max(0, cost.phone - cost.online);
  const pounds = (share: number) => Math.round(resolved * share * perContact * 100) / 100;
  return {
    from: options.from,
    to: options.to,
    conversations: byConversation.size,
    outcomes,
    resolved,
    unknown: outcomes.answered_no_feedback,
    byChannel,
    byPeriod: [...periods].sort(([a], [b]) => a.localeCompare(b)).map(([period, o]) => ({ period, outcomes: o })),
    requestsByService,
    safeguardingByCategory,
    abandonedAt,
    topArticles: [...articles.values()].sort((a, b) => b.answered - a.answered || a.articleId.localeCompare(b.articleId)).slice(0, options.topArticles ?? 20),
    savings: {
      low: pounds(options.assumptions.wouldHavePhoned.low),
      high: pounds(options.assumptions.wouldHavePhoned.high),
      resolved,
      assumptions: options.assumptions,
      method: options.method,
    },
  };
}
