import type { KnowledgeReportData, QuestionGroup } from '../../knowledge/knowledgeReport';

const EXAMPLE_WIDTH = 70;
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const day = (iso: string) => iso.slice(0, 10);

function articleCell(group: QuestionGroup, i: number): string {
  const a = group.articles[i];
  if (!a) return i === 0 ? '-' : '';
  return `${a.id}${a.title ? ` (${clip(a.title, 40)})` : ' (no longer published)'} ×${a.count}`;
}

/** The knowledge report as a plain-text table: one block of lines per group, biggest first. */
export function formatKnowledgeReport(report: KnowledgeReportData): string {
  const heading = `Questions residents asked that got no answer or a "No" to "Did this answer your question?", last ${report.days} day${report.days === 1 ? '' : 's'} (${day(report.from)} to ${day(report.to)}): ${report.total} question${report.total === 1 ? '' : 's'} in ${report.groups.length} group${report.groups.length === 1 ? '' : 's'}`;
  if (!report.groups.length) return `${heading}\n\nNothing to report.`;
  const header = ['group', 'asked', 'no answer', 'said no', 'example wordings', 'article offered'];
  const rows: string[][] = [];
  report.groups.forEach((g, n) => {
    const lines = Math.max(g.examples.length, g.articles.length, 1);
    for (let i = 0; i < lines; i++) {
      const example = g.examples[i] === undefined ? '' : `"${clip(g.examples[i], EXAMPLE_WIDTH)}"`;
      rows.push(
        i === 0
          ? [String(n + 1), String(g.count), String(g.noAnswer), String(g.notHelpful), example, articleCell(g, i)]
          : ['', '', '', '', example, articleCell(g, i)],
      );
    }
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((v, i) => (i === cells.length - 1 ? v : v.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [heading, '', line(header), ...rows.map(line)].join('\n');
}
