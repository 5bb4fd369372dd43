import { OUTCOMES, type InsightsReport, type Outcome } from './insightsReport';
import { CHANNELS } from './insightEventStore';
import type { InsightsTexts } from '../knowledge/messageFiles';

/** One table of the insights page: its caption, column headings and rows. Every chart has one behind it, and each downloads as CSV. */
export interface InsightTable {
  id: string;
  caption: string;
  columns: string[];
  rows: Array<Array<string | number>>;
}

/** What each outcome is called on the page and in the CSV files (insights.yaml; docs/insights.md says what each means). */
function outcomeName(o: Outcome, w: InsightsTexts): string {
  return w.say(`outcome_${o}` as const);
}

/** Where residents talked to the assistant, in words (insights.yaml). */
function channelName(c: (typeof CHANNELS)[number], w: InsightsTexts): string {
  return w.say(`channel_${c}` as const);
}

/** The tables of a report, in the page's order, in the words of insights.yaml. */
export function insightTables(report: InsightsReport, w: InsightsTexts): InsightTable[] {
  const outcomes = OUTCOMES.map((o) => outcomeName(o, w));
  return [
    {
      id: 'outcomes',
      caption: w.say('outcomes_caption'),
      columns: [w.say('column_outcome'), w.say('column_conversations')],
      rows: OUTCOMES.map((o) => [outcomeName(o, w), report.outcomes[o]]),
    },
    {
      id: 'channels',
      caption: w.say('channels_caption'),
      columns: [w.say('column_channel'), ...outcomes],
      rows: CHANNELS.map((c) => [channelName(c, w), ...OUTCOMES.map((o) => report.byChannel[c][o])]),
    },
    {
      id: 'periods',
      caption: w.say('periods_caption'),
      columns: [w.say('column_period'), w.say('column_conversations'), w.say('column_resolved'), ...outcomes],
      rows: report.byPeriod.map((p) => [
        p.period,
        OUTCOMES.reduce((n, o) => n + p.outcomes[o], 0),
        p.outcomes.helpful + p.outcomes.filed,
        ...OUTCOMES.map((o) => p.outcomes[o]),
      ]),
    },
    {
      id: 'services',
      caption: w.say('services_caption'),
      columns: [w.say('column_service'), w.say('column_requests')],
      rows: Object.entries(report.requestsByService).sort((a, b) => b[1] - a[1]),
    },
    {
      id: 'safeguarding',
      caption: w.say('safeguarding_caption'),
      columns: [w.say('column_category'), w.say('column_conversations')],
      rows: Object.entries(report.safeguardingByCategory).sort((a, b) => b[1] - a[1]),
    },
    {
      id: 'abandoned',
      caption: w.say('abandoned_caption'),
      columns: [w.say('column_question'), w.say('column_conversations')],
      rows: Object.entries(report.abandonedAt).sort((a, b) => b[1] - a[1]),
    },
    ...(report.operations
      ? [
          {
            id: 'operations',
            caption: w.say('operations_caption'),
            columns: [w.say('column_measure'), w.say('column_value')],
            rows: [
              [w.say('requests_filed'), report.operations.deliveries.filed],
              [w.say('delivered'), report.operations.deliveries.delivered],
              [w.say('waiting_delivery'), report.operations.deliveries.pending],
              [w.say('refused'), report.operations.deliveries.rejected],
              [
                w.say('median_minutes_to_deliver'),
                report.operations.deliveries.medianMinutesToDeliver === null
                  ? w.say('none_delivered')
                  : Math.round(report.operations.deliveries.medianMinutesToDeliver * 10) / 10,
              ],
              [w.say('joined_queue'), report.operations.handoffs.queued],
              [w.say('answered_by_person'), report.operations.handoffs.accepted],
              [w.say('left_before_answer'), report.operations.handoffs.leftBeforeAnswer],
              [
                w.say('median_wait_seconds'),
                report.operations.handoffs.medianWaitSeconds === null ? w.say('none_answered') : Math.round(report.operations.handoffs.medianWaitSeconds),
              ],
            ] as Array<Array<string | number>>,
          },
        ]
      : []),
    {
      id: 'articles',
      caption: w.say('articles_caption'),
      columns: [
        w.say('column_article'),
        w.say('column_answered'),
        w.say('column_said_helpful'),
        w.say('column_said_not_helpful'),
        w.say('column_helpful_rate'),
      ],
      rows: report.topArticles.map((a) => [
        a.articleId,
        a.answered,
        a.helpful,
        a.unhelpful,
        a.helpfulRate === null ? w.say('no_feedback') : w.say('helpful_rate', { percent: Math.round(a.helpfulRate * 100) }),
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
export function barChart(id: string, title: string, rows: Array<[string, number]>, noData: string): string {
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
  const description = rows.map(([l, v]) => `${l}: ${v}`).join('; ') || noData;
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${width} ${height}" width="100%" preserveAspectRatio="xMinYMin meet"><title id="${id}-title">${escape(title)}</title><desc id="${id}-desc">${escape(description)}</desc>${bars}</svg>`;
}

/** The page's charts: outcomes, requests by service, and resolved conversations over time, titled as their tables. */
export function insightCharts(report: InsightsReport, w: InsightsTexts): Record<string, string> {
  const noData = w.say('no_data');
  return {
    outcomes: barChart(
      'chart-outcomes',
      w.say('outcomes_caption'),
      OUTCOMES.map((o) => [outcomeName(o, w), report.outcomes[o]]),
      noData,
    ),
    services: barChart(
      'chart-services',
      w.say('services_caption'),
      Object.entries(report.requestsByService).sort((a, b) => b[1] - a[1]),
      noData,
    ),
    periods: barChart(
      'chart-periods',
      w.say('periods_caption'),
      report.byPeriod.map((p) => [p.period, OUTCOMES.reduce((n, o) => n + p.outcomes[o], 0)]),
      noData,
    ),
  };
}
