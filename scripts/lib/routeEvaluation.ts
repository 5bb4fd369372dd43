import { ActivityTypes, TestAdapter, type ActivityHandler } from 'botbuilder';

export interface EvalCase {
  text: string;
  expect: string;
}

export interface LabelScores {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface EvalReport {
  total: number;
  correct: number;
  accuracy: number;
  labels: Record<string, LabelScores>;
  errors: Array<{ text: string; expected: string; got: string }>;
}

export const ROUTE_TRACE = 'council.route';

/**
 * How the knowledge answers were given (issue 17): an article answered straight away (the route's
 * kind is `kb`) against a "Did you mean" (`clarify`) or "I can't help" (`none`). `directPrecision`:
 * of the articles given straight away, the share that was the expected one (a confident wrong answer
 * is the worst outcome: an answer to a question no article should answer counts against it);
 * `directShare`: of the questions an article answers (`expect` is `kb:…`), the share answered straight
 * away, right or wrong; `clarified`: the share of those met with a "Did you mean" instead.
 */
export interface DirectAnswers {
  direct: number;
  directCorrect: number;
  directPrecision: number;
  answerable: number;
  directShare: number;
  clarified: number;
}

export function directAnswers(cases: readonly EvalCase[], kinds: ReadonlyArray<string | undefined>, got: readonly string[]): DirectAnswers {
  let direct = 0;
  let directCorrect = 0;
  let answerable = 0;
  let answeredDirectly = 0;
  let clarified = 0;
  cases.forEach((c, i) => {
    const isArticle = c.expect.startsWith('kb:');
    if (isArticle) answerable++;
    if (kinds[i] === 'kb') {
      direct++;
      if (got[i] === c.expect) directCorrect++;
      if (isArticle) answeredDirectly++;
    } else if (kinds[i] === 'clarify' && isArticle) clarified++;
  });
  const round = (x: number) => Math.round(x * 10000) / 10000;
  return {
    direct,
    directCorrect,
    directPrecision: round(direct ? directCorrect / direct : 0),
    answerable,
    directShare: round(answerable ? answeredDirectly / answerable : 0),
    clarified: round(answerable ? clarified / answerable : 0),
  };
}

/**
 * Sends `text` as the first message of a fresh conversation through the whole bot and
 * returns the label of the route it took (from the `council.route` trace), or `none`.
 */
export async function routeOf(bot: ActivityHandler, text: string, id: string): Promise<string> {
  return (await routeTraceOf(bot, text, id))?.label ?? 'none';
}

/** What the `council.route` trace said of a message: its label and, for a risk, its category and who it is about. */
export interface RouteTrace {
  label?: string;
  kind?: string;
  category?: string;
  about?: string;
}

/** Sends `text` as the first message of a fresh conversation through the whole bot and returns its `council.route` trace. */
export async function routeTraceOf(bot: ActivityHandler, text: string, id: string): Promise<RouteTrace | undefined> {
  let found: RouteTrace | undefined;
  const adapter = new TestAdapter(async (context) => {
    // Traces never reach residents' channels; read them as they are sent.
    context.onSendActivities(async (_ctx, activities, next) => {
      const trace = activities.find((a) => a.type === ActivityTypes.Trace && a.name === ROUTE_TRACE);
      if (trace) found = (trace.value as RouteTrace | undefined) ?? {};
      return next();
    });
    await bot.run(context);
  });
  adapter.conversation.conversation.id = id;
  await adapter.receiveActivity({ type: ActivityTypes.Message, text, locale: 'en-GB' });
  return found;
}

export function score(cases: EvalCase[], got: string[]): EvalReport {
  const labels = [...new Set([...cases.map((c) => c.expect), ...got])].sort();
  const scores: Record<string, LabelScores> = {};
  for (const label of labels) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    cases.forEach((c, i) => {
      if (got[i] === label && c.expect === label) tp++;
      else if (got[i] === label) fp++;
      else if (c.expect === label) fn++;
    });
    const precision = tp + fp ? tp / (tp + fp) : 0;
    const recall = tp + fn ? tp / (tp + fn) : 0;
    const round = (x: number) => Math.round(x * 10000) / 10000;
    scores[label] = {
      precision: round(precision),
      recall: round(recall),
      f1: round(precision + recall ? (2 * precision * recall) / (precision + recall) : 0),
      support: tp + fn,
    };
  }
  const errors = cases.flatMap((c, i) => (got[i] === c.expect ? [] : [{ text: c.text, expected: c.expect, got: got[i] }]));
  const correct = cases.length - errors.length;
  return { total: cases.length, correct, accuracy: cases.length ? correct / cases.length : 0, labels: scores, errors };
}
