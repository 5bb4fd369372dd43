import type { Kysely } from 'kysely';
import type { Request, Response, Server } from 'restify';
import type { CouncilProfile } from '../knowledge/councilProfile';
import type { DatabaseSchema } from '../platform/storage/schema';
import { loadInsights } from './loadInsights';
import { OUTCOMES, type InsightsReport } from './insightsReport';

/** One month of the published figures ("month": 2026-12; every other value a count, null when suppressed). */
export type OpenDataMonth = Record<string, string | number | null>;

/** Counts from 1 to `suppressBelow` − 1 hidden (null), so that no small group can be picked out; 0 stays 0. */
export function openDataMonths(report: InsightsReport, suppressBelow: number): OpenDataMonth[] {
  const hide = (n: number) => (n > 0 && n < suppressBelow ? null : n);
  return report.byPeriod.map((p) => {
    const conversations = OUTCOMES.reduce((n, o) => n + p.outcomes[o], 0);
    const row: OpenDataMonth = { month: p.period, conversations: hide(conversations), resolved: hide(p.outcomes.helpful + p.outcomes.filed) };
    for (const o of OUTCOMES) row[o] = hide(p.outcomes[o]);
    return row;
  });
}

/** The published figures as CSV: a suppressed count is "[c]", as the UK's official statistics write it. */
export function openDataCsv(months: OpenDataMonth[]): string {
  const columns = ['month', 'conversations', 'resolved', ...OUTCOMES];
  const lines = [columns.join(','), ...months.map((m) => columns.map((c) => (m[c] === null ? '[c]' : String(m[c]))).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * GET /open-data/insights.json and /open-data/insights.csv (only with INSIGHTS_OPEN_DATA=true): the
 * monthly outcomes of the last twelve months and this one, with small counts suppressed, for councils
 * that publish performance data. No personal data is recorded, so none can be published.
 */
export class OpenDataModule {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly council: CouncilProfile,
    private readonly now: () => Date = () => new Date(),
  ) {}

  register(server: Server): void {
    server.get('/open-data/insights.json', async (_req: Request, res: Response) => {
      const months = await this.months();
      res.header('Cache-Control', 'public, max-age=3600');
      res.send(200, {
        publisher: this.council.name,
        description:
          "Conversations with the council's chat assistant each month, by outcome (docs/insights.md). Counts from 1 to " +
          (this.council.insights.suppressBelow - 1) +
          ' are suppressed (null).',
        suppressedBelow: this.council.insights.suppressBelow,
        months,
      });
    });
    server.get('/open-data/insights.csv', async (_req: Request, res: Response) => {
      const body = openDataCsv(await this.months());
      res.writeHead(200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': 'attachment; filename="assistant-insights-monthly.csv"',
        'Content-Length': Buffer.byteLength(body),
        'Cache-Control': 'public, max-age=3600',
      });
      res.end(body);
    });
  }

  private async months(): Promise<OpenDataMonth[]> {
    const now = this.now();
    const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 12, 1)).toISOString().slice(0, 10);
    const report = await loadInsights(this.db, this.council, from, now.toISOString().slice(0, 10), 'month');
    return openDataMonths(report, this.council.insights.suppressBelow);
  }
}
