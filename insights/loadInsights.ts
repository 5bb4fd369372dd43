import type { Kysely } from 'kysely';
import type { CouncilProfile } from '../knowledge/councilProfile';
import type { DatabaseSchema } from '../platform/storage/schema';
import { InsightEventStore } from './insightEventStore';
import { buildInsightsReport, type Granularity, type InsightsReport } from './insightsReport';
import { operationsBetween } from './operations';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A window of days that is not one: `from` or `to` is not a date, or `to` is before `from`. The message is the command line's (`npm run insights`); the agent console says it in its own words. */
export class InsightWindowError extends Error {
  constructor(
    readonly problem: 'from' | 'to' | 'order',
    /** What was given for `from` or `to`. */
    readonly got: string,
    message: string,
  ) {
    super(message);
  }
}

/** A window of whole days, `to` included; a mistake is an error saying what is expected. */
export function insightWindow(from: string, to: string): { from: string; to: string } {
  if (!DAY.test(from) || Number.isNaN(Date.parse(`${from}T00:00:00Z`)))
    throw new InsightWindowError('from', from, `--from must be a date written YYYY-MM-DD (got "${from}")`);
  if (!DAY.test(to) || Number.isNaN(Date.parse(`${to}T00:00:00Z`)))
    throw new InsightWindowError('to', to, `--to must be a date written YYYY-MM-DD (got "${to}")`);
  if (to < from) throw new InsightWindowError('order', to, '--to must not be before --from');
  const end = new Date(`${to}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 1);
  return { from: `${from}T00:00:00.000Z`, to: end.toISOString() };
}

/** Where the console's insights page gets its report. */
export interface InsightsSource {
  /** `method`: how the savings are worked out, in the words of whoever asked (insights.yaml `savings_method`). */
  build(from: string, to: string, granularity: Granularity, method?: string): Promise<InsightsReport>;
}

/** The report for the days `from` to `to` (both included), from the database; `method` in words, as the savings' method. */
export async function loadInsights(
  db: Kysely<DatabaseSchema>,
  council: CouncilProfile,
  from: string,
  to: string,
  granularity: Granularity = 'day',
  method?: string,
): Promise<InsightsReport> {
  const window = insightWindow(from, to);
  const events = await new InsightEventStore(db).between(window.from, window.to);
  return {
    ...buildInsightsReport(events, { from, to, granularity, assumptions: council.insights, method }),
    operations: await operationsBetween(db, window.from, window.to),
  };
}
