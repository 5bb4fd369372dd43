import { OUTCOMES, type InsightsReport, type Outcome } from './insightsReport';
import { CHANNELS } from './insightEventStore';

/** One table of the insights page: its caption, column headings and rows. Every chart has one behind it, and each downloads as CSV. */
export interface InsightTable {
  id: string;
  caption: string;
  columns: string[];
  rows: Array<Array<string | number>>;
}

/** What each outcome is called on the page and in the CSV files (docs/insights.md says what each means). */
export const OUTCOME_NAMES: Record<Outcome, string> = {
  safeguarding: 'Risk signposted',
  filed: 'Request filed',
  callback: 'Call-back requested',
  person: 'Handed to a person',
  helpful: 'Answered, said helpful',
  unhelpful: 'Answered, said not helpful',
  abandoned: 'Left in the middle of a request',
  answered_no_feedback: 'Answered, no feedback',
  out_of_scope: 'Out of scope',
  other: 'Other (greeting, help, cancel)',
};

const CHANNEL_NAMES: Record<(typeof CHANNELS)[number], string> = { web: 'Web chat', teams: 'Teams', directline: 'Other Direct Line', other: 'Other' };

/** The tables of a report, in the page's order. */
export function insightTables(report: InsightsReport): InsightTable[] {
  return [
    {
      id: 'outcomes',
      caption: 'Conversations by outcome',
      columns: ['Outcome', 'Conversations'],
      rows: OUTCOMES.map((o) => [OUTCOME_NAMES[o], report.outcomes[o]]),
    },
    {
      id: 'channels',
      caption: 'Conversations by channel and outcome',
      columns: ['Channel', ...OUTCOMES.map((o) => OUTCOME_NAMES[o])],
      rows: CHANNELS.map((c) => [CHANNEL_NAMES[c], ...OUTCOMES.map((o) => report.byChannel[c][o])]),
    },
    {
      id: 'periods',
      caption: 'Conversations over time',
      columns: ['Period', 'Conversations', 'Resolved', ...OUTCOMES.map((o) => OUTCOME_NAMES[o])],
      rows: report.byPeriod.map((p) => [
        p.period,
        OUTCOMES.reduce((n, o) => n + p.outcomes[o], 0),
        p.outcomes.helpful + p.outcomes.filed,
        ...OUTCOMES.map((o) => p.outcomes[o]),
      ]),
    },
    {
      id: 'services',
      caption: 'Requests filed by service',
      columns: ['Service', 'Requests'],
      rows: Object.entries(report.requestsByService).sort((a, b) => b[1] - a[1]),
    },
    {
      id: 'safeguarding',
      caption: 'Conversations with a risk signposted, by category',
      columns: ['Category', 'Conversations'],
      rows: Object.entries(report.safeguardingByCategory).sort((a, b) => b[1] - a[1]),
    },
    {
      id: 'abandoned',
      caption: 'Requests left unfinished, by the question they stopped at',
      columns: ['Question', 'Conversations'],
      rows: Object.entries(report.abandonedAt).sort((a, b) => b[1] - a[1]),
    },
    ...(report.operations
      ? [
          {
            id: 'operations',
            caption: 'Delivery to the back office and the live-chat queue',
            columns: ['Measure', 'Value'],
            rows: [
              ['Requests filed', report.operations.deliveries.filed],
              ['Delivered to the back office', report.operations.deliveries.delivered],
              ['Waiting to be delivered', report.operations.deliveries.pending],
              ['Refused by the back office', report.operations.deliveries.rejected],
              [
                'Median minutes to deliver',
                report.operations.deliveries.medianMinutesToDeliver === null
                  ? 'none delivered'
                  : Math.round(report.operations.deliveries.medianMinutesToDeliver * 10) / 10,
              ],
              ['Joined the live-chat queue', report.operations.handoffs.queued],
              ['Answered by a person', report.operations.handoffs.accepted],
              ['Left before a person answered', report.operations.handoffs.leftBeforeAnswer],
              [
                'Median wait in the queue, seconds',
                report.operations.handoffs.medianWaitSeconds === null ? 'none answered' : Math.round(report.operations.handoffs.medianWaitSeconds),
              ],
            ] as Array<Array<string | number>>,
          },
        ]
      : []),
    {
      id: 'articles',
      caption: 'Articles answered most, with their helpful rate',
      columns: ['Article', 'Answered', 'Said helpful', 'Said not helpful', 'Helpful rate'],
      rows: report.topArticles.map((a) => [
        a.articleId,
        a.answered,
        a.helpful,
        a.unhelpful,
        a.helpfulRate === null ? 'no feedback' : `${Math.round(a.helpfulRate * 100)}%`,
      ]),
    },
  ];
}

/** A table as CSV (RFC 4180): fields with a comma, quote or line break quoted; a leading = + - @ defused for spreadsheets. */
export function toCsv(table: InsightTable): string {
  const field = (v: string | number) => {
    let s = String(v);
    if (/^[=+\-@]/.test(s) && typeof v === 'string') s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [table.columns, ...table.rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A horizontal bar chart as SVG, drawn on the server: a title and a description for screen readers
 * (the table below it has the same figures), each bar labelled with its name and number, colours
 * with at least 3:1 contrast against white, no script.
 */
export function barChart(id: string, title: string, rows: Array<[string, number]>): string {
  const width = 640;
  const bar = 22;
  const gap = 10;
  const labelWidth = 260;
  const height = Math.max(1, rows.length) * (bar + gap) + gap;
  const max = Math.max(1, ...rows.map(([, v]) => v));
  const bars = rows
    .map(([label, value], i) => {
      const y = gap + i * (bar + gap);
      const w = Math.round(((width - labelWidth - 60) * value) / max);
      return (
        `<text x="${labelWidth - 8}" y="${y + bar / 2 + 5}" text-anchor="end" font-size="14" fill="#0b0c0c">${escape(label)}</text>` +
        `<rect x="${labelWidth}" y="${y}" width="${w}" height="${bar}" fill="#1d70b8"></rect>` +
        `<text x="${labelWidth + w + 6}" y="${y + bar / 2 + 5}" font-size="14" fill="#0b0c0c">${value}</text>`
      );
    })
    .join('');
  const description = rows.map(([l, v]) => `${l}: ${v}`).join('; ') || 'No data';
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${width} ${height}" width="100%" preserveAspectRatio="xMinYMin meet"><title id="${id}-title">${escape(title)}</title><desc id="${id}-desc">${escape(description)}</desc>${bars}</svg>`;
}

/** The page's charts: outcomes, requests by service, and resolved conversations over time. */
export function insightCharts(report: InsightsReport): Record<string, string> {
  return {
    outcomes: barChart(
      'chart-outcomes',
      'Conversations by outcome',
      OUTCOMES.map((o) => [OUTCOME_NAMES[o], report.outcomes[o]]),
    ),
    services: barChart(
      'chart-services',
      'Requests filed by service',
      Object.entries(report.requestsByService).sort((a, b) => b[1] - a[1]),
    ),
    periods: barChart(
      'chart-periods',
      'Conversations over time',
      report.byPeriod.map((p) => [p.period, OUTCOMES.reduce((n, o) => n + p.outcomes[o], 0)]),
    ),
  };
}
