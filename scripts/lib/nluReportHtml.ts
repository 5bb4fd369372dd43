import type { NluReport } from './nluMetrics';

export interface ReportContext {
  title: string;
  /** e.g. "5-fold stratified cross-validation, seed 1, 1120 examples from intents/data" */
  method: string;
  generatedAt: Date;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

/** sRGB relative luminance (WCAG 2). */
function luminance([r, g, b]: number[]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

const mix = (a: number[], b: number[], t: number) => a.map((x, i) => Math.round(x + (b[i] - x) * t));
const hex = (c: number[]) => `#${c.map((x) => x.toString(16).padStart(2, '0')).join('')}`;
const WHITE = [255, 255, 255];
const CORRECT = [8, 69, 148]; // dark blue
const WRONG = [165, 15, 21]; // dark red

/** Cell colour by share of the row; text black or white, whichever contrasts more (always ≥ 4.5:1). */
export function cellColours(share: number, diagonal: boolean): { fill: string; text: string } {
  const t = share === 0 ? 0 : 0.12 + 0.88 * Math.min(1, share);
  const fill = mix(WHITE, diagonal ? CORRECT : WRONG, t);
  const l = luminance(fill);
  const onBlack = (l + 0.05) / 0.05;
  const onWhite = 1.05 / (l + 0.05);
  return { fill: hex(fill), text: onBlack >= onWhite ? '#0b0c0c' : '#ffffff' };
}

/** The confusion matrix as an SVG heat map (numbers in every non-empty cell). */
export function confusionSvg(report: NluReport): string {
  const n = report.labels.length;
  const cell = 40;
  const labelWidth = 8 * Math.max(6, ...report.labels.map((l) => l.length)) + 16;
  const top = labelWidth * 0.75;
  const width = labelWidth + n * cell + 8;
  const height = top + n * cell + 40;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="cm-title cm-desc" font-family="Arial, sans-serif" font-size="13">`,
    `<title id="cm-title">Confusion matrix heat map</title>`,
    `<desc id="cm-desc">Rows are the intent each example is written under; columns are the intent the classifier chose. Darker blue on the diagonal means more examples were right; any red cell off the diagonal is a mistake. The same numbers are in the table that follows.</desc>`,
  );
  report.labels.forEach((label, j) => {
    const x = labelWidth + j * cell + cell / 2;
    parts.push(`<text x="${x}" y="${top - 6}" transform="rotate(-45 ${x} ${top - 6})" fill="#0b0c0c">${esc(label)}</text>`);
  });
  report.labels.forEach((label, i) => {
    const y = top + i * cell;
    const rowTotal = report.matrix[i].reduce((a, b) => a + b, 0);
    parts.push(`<text x="${labelWidth - 8}" y="${y + cell / 2 + 4}" text-anchor="end" fill="#0b0c0c">${esc(label)}</text>`);
    report.matrix[i].forEach((v, j) => {
      const share = rowTotal ? v / rowTotal : 0;
      const { fill, text } = cellColours(share, i === j);
      const x = labelWidth + j * cell;
      parts.push(`<rect x="${x}" y="${y}" width="${cell}" height="${cell}" fill="${fill}" stroke="#b1b4b6" stroke-width="1"/>`);
      if (v > 0) parts.push(`<text x="${x + cell / 2}" y="${y + cell / 2 + 4}" text-anchor="middle" fill="${text}">${v}</text>`);
    });
  });
  parts.push(`<text x="${labelWidth}" y="${top + n * cell + 24}" fill="#0b0c0c">Rows: intent in intents/data. Columns: classifier's answer.</text>`);
  parts.push('</svg>');
  return parts.join('\n');
}

/** A self-contained, accessible HTML page (no scripts, no outside requests). */
export function renderReportHtml(report: NluReport, ctx: ReportContext): string {
  const perIntentRows = report.perIntent
    .map(
      (m) =>
        `<tr><th scope="row">${esc(m.intent)}</th><td>${m.precision.toFixed(3)}</td><td>${m.recall.toFixed(3)}</td><td>${m.f1.toFixed(3)}</td><td>${m.support}</td></tr>`,
    )
    .join('\n');
  const matrixHead = report.labels.map((l) => `<th scope="col">${esc(l)}</th>`).join('');
  const matrixRows = report.labels
    .map(
      (l, i) =>
        `<tr><th scope="row">${esc(l)}</th>${report.matrix[i].map((v, j) => `<td${i === j ? ' class="diag"' : v ? ' class="err"' : ''}>${v}</td>`).join('')}</tr>`,
    )
    .join('\n');
  const errors = report.misclassified.length
    ? `<table>
<caption>Examples the classifier got wrong when they were held out (${report.misclassified.length})</caption>
<thead><tr><th scope="col">Example</th><th scope="col">Written under</th><th scope="col">Classifier said</th><th scope="col">Confidence</th></tr></thead>
<tbody>
${report.misclassified.map((p) => `<tr><td>${esc(p.text)}</td><td>${esc(p.expected)}</td><td>${esc(p.got)}</td><td>${p.score.toFixed(2)}</td></tr>`).join('\n')}
</tbody>
</table>`
    : '<p>The classifier got every held-out example right.</p>';

  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(ctx.title)}</title>
<style>
body { font-family: Arial, sans-serif; color: #0b0c0c; background: #fff; margin: 0; line-height: 1.5; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
h1 { font-size: 2rem; margin-bottom: .5rem; }
h2 { margin-top: 2.5rem; }
table { border-collapse: collapse; margin: 1rem 0; }
caption { text-align: left; font-weight: bold; padding-bottom: .5rem; }
th, td { border: 1px solid #b1b4b6; padding: .3rem .6rem; text-align: left; }
td { font-variant-numeric: tabular-nums; }
td.diag { background: #d2e2f5; }
td.err { background: #f6d7d2; font-weight: bold; }
.scroll { overflow-x: auto; max-width: 100%; }
.scroll:focus { outline: 3px solid #ffdd00; outline-offset: 2px; }
dl { display: grid; grid-template-columns: minmax(0, max-content) minmax(0, 1fr); gap: .25rem 1.5rem; }
@media (max-width: 30rem) { dl { display: block; } dd { margin-bottom: .5rem; } }
main { overflow-wrap: break-word; }
dt { font-weight: bold; }
dd { margin: 0; }
figure { margin: 1rem 0; }
figcaption { margin-top: .5rem; }
</style>
</head>
<body>
<main>
<h1>${esc(ctx.title)}</h1>
<p>${esc(ctx.method)}. Generated ${esc(ctx.generatedAt.toISOString().replace('T', ' ').slice(0, 16))} UTC. Each example is classified by a model that did not see it in training, so these figures estimate how the assistant does on new messages worded like the examples.</p>

<h2>Summary</h2>
<dl>
<dt>Accuracy (all examples)</dt><dd>${pct(report.accuracy)} (${report.correct} of ${report.total})</dd>
<dt>Accuracy on council intents</dt><dd>${pct(report.inScopeAccuracy)}</dd>
${report.inScopeTopIntentAccuracy === null ? '' : `<dt>Best-ranked intent right, before the out-of-scope threshold</dt><dd>${pct(report.inScopeTopIntentAccuracy)}</dd>\n`}<dt>Out-of-scope examples recognised as such</dt><dd>${pct(report.outOfScopeRecall)}</dd>
<dt>Macro-average F1</dt><dd>${report.macroF1.toFixed(3)}</dd>
</dl>

<h2>Scores for each intent</h2>
<p>Precision: of the messages the classifier gave this intent, the share that were right. Recall: of the examples of this intent, the share it found. F1 combines the two.</p>
<div class="scroll" tabindex="0" role="region" aria-label="Scores for each intent">
<table>
<caption>Precision, recall and F1 for each intent</caption>
<thead><tr><th scope="col">Intent</th><th scope="col">Precision</th><th scope="col">Recall</th><th scope="col">F1</th><th scope="col">Examples</th></tr></thead>
<tbody>
${perIntentRows}
</tbody>
</table>
</div>

<h2>Confusion matrix</h2>
<figure>
<div class="scroll" tabindex="0" role="region" aria-label="Confusion matrix heat map">
${confusionSvg(report)}
</div>
<figcaption>Confusion matrix as a heat map: rows are the intent an example is written under, columns the intent the classifier chose. The table below has the same numbers.</figcaption>
</figure>
<div class="scroll" tabindex="0" role="region" aria-label="Confusion matrix table">
<table>
<caption>Confusion matrix as a table (rows: written under; columns: classifier said)</caption>
<thead><tr><td></td>${matrixHead}</tr></thead>
<tbody>
${matrixRows}
</tbody>
</table>
</div>

<h2>Misclassified examples</h2>
<p>Reword or move an example if it belongs elsewhere, or add more examples like it to the intent it should have gone to. Then run <code>npm run validate</code> and <code>npm run nlu:report</code> again.</p>
<div class="scroll" tabindex="0" role="region" aria-label="Misclassified examples">
${errors}
</div>
</main>
</body>
</html>
`;
}
