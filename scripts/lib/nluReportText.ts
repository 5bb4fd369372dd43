import type { NluReport } from './nluMetrics';

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

/** The report as plain text for a terminal: per-intent table, confusion matrix, errors. */
export function renderReportText(report: NluReport, title: string): string {
  const lines: string[] = [title, ''];
  const w = Math.max(6, ...report.labels.map((l) => l.length));
  lines.push(`${'intent'.padEnd(w)}  precision  recall      f1  support`);
  for (const m of report.perIntent) {
    lines.push(
      `${m.intent.padEnd(w)}  ${m.precision.toFixed(3).padStart(9)}  ${m.recall.toFixed(3).padStart(6)}  ${m.f1.toFixed(3).padStart(6)}  ${String(m.support).padStart(7)}`,
    );
  }
  lines.push('');
  lines.push(
    `accuracy ${pct(report.accuracy)} (${report.correct}/${report.total})   in-scope accuracy ${pct(report.inScopeAccuracy)}   ` +
      `out-of-scope recall ${pct(report.outOfScopeRecall)}   macro F1 ${report.macroF1.toFixed(3)}`,
  );
  if (report.inScopeTopIntentAccuracy !== null) {
    lines.push(`best-ranked intent right (before the out-of-scope threshold) on ${pct(report.inScopeTopIntentAccuracy)} of council-intent examples`);
  }
  lines.push('');

  // Confusion matrix with numbered columns (names would not fit across).
  lines.push('Confusion matrix (rows: the intent written in intents/data; columns: what the classifier said)');
  const cw = Math.max(3, ...report.matrix.flat().map((v) => String(v).length)) + 1;
  lines.push(`${' '.repeat(w + 5)}${report.labels.map((_, j) => String(j + 1).padStart(cw)).join('')}`);
  report.labels.forEach((label, i) => {
    const cells = report.matrix[i].map((v) => (v === 0 ? '·' : String(v)).padStart(cw));
    lines.push(`${String(i + 1).padStart(3)}  ${label.padEnd(w)}${cells.join('')}`);
  });
  lines.push('');

  if (report.misclassified.length === 0) {
    lines.push('No misclassified examples.');
  } else {
    lines.push(`Misclassified examples (${report.misclassified.length}):`);
    const ew = Math.max(8, ...report.misclassified.map((p) => p.expected.length));
    const gw = Math.max(3, ...report.misclassified.map((p) => p.got.length));
    lines.push(`${'expected'.padEnd(ew)}  ${'got'.padEnd(gw)}  score  text`);
    for (const p of report.misclassified) lines.push(`${p.expected.padEnd(ew)}  ${p.got.padEnd(gw)}  ${p.score.toFixed(2)}   ${JSON.stringify(p.text)}`);
  }
  return `${lines.join('\n')}\n`;
}
