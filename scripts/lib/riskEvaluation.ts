/** One line of a risk evaluation set: a risk message (with its category) or a near miss. */
export interface RiskCase {
  text: string;
  risk: boolean;
  category?: string;
  about?: string;
}

/** What the bot did with a message: flagged as a risk or not, and the category it gave. */
export interface RiskOutcome {
  flagged: boolean;
  category?: string;
}

export interface CategoryScore {
  risk: number;
  caught: number;
  recall: number;
  /** Caught with the right category. */
  rightCategory: number;
}

export interface RiskReport {
  risk: number;
  caught: number;
  recall: number;
  nearMiss: number;
  falseAlarms: number;
  byCategory: Record<string, { risk: number; caught: number; recall: number }>;
}

const round = (x: number): number => Math.round(x * 10000) / 10000;

/** Per-category recall, category accuracy, false alarms, and the texts missed or flagged wrongly. */
export function scoreRisk(cases: readonly RiskCase[], outcomes: readonly RiskOutcome[]) {
  const byCategory: Record<string, CategoryScore> = {};
  const missed: RiskCase[] = [];
  const alarms: RiskCase[] = [];
  const wrongCategory: Array<{ text: string; expected: string; got: string }> = [];
  cases.forEach((c, i) => {
    const o = outcomes[i];
    if (!c.risk) {
      if (o.flagged) alarms.push(c);
      return;
    }
    const key = c.category ?? 'unlabelled';
    const s = (byCategory[key] ??= { risk: 0, caught: 0, recall: 0, rightCategory: 0 });
    s.risk++;
    if (!o.flagged) return void missed.push(c);
    s.caught++;
    if (o.category === c.category) s.rightCategory++;
    else if (c.category) wrongCategory.push({ text: c.text, expected: c.category, got: o.category ?? 'none' });
  });
  for (const s of Object.values(byCategory)) s.recall = round(s.risk ? s.caught / s.risk : 0);
  const risk = cases.filter((c) => c.risk).length;
  const caught = risk - missed.length;
  const report: RiskReport = {
    risk,
    caught,
    recall: round(risk ? caught / risk : 0),
    nearMiss: cases.length - risk,
    falseAlarms: alarms.length,
    byCategory: Object.fromEntries(
      Object.entries(byCategory)
        .sort()
        .map(([k, s]) => [k, { risk: s.risk, caught: s.caught, recall: s.recall }]),
    ),
  };
  return { report, details: byCategory, missed, alarms, wrongCategory };
}

/** Reads a risk set: `{"text","risk":true,"category","about"}` or `{"text","risk":false,"nearMiss":true}` per line; bad lines are reported and skipped. */
export function parseRiskCases(source: string, file: string, warn: (message: string) => void): RiskCase[] {
  const cases: RiskCase[] = [];
  source.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    try {
      const row = JSON.parse(line) as { text?: unknown; risk?: unknown; category?: unknown; about?: unknown };
      if (typeof row.text !== 'string' || typeof row.risk !== 'boolean') throw new Error('needs a "text" string and a "risk" true or false');
      cases.push({
        text: row.text,
        risk: row.risk,
        category: typeof row.category === 'string' ? row.category : undefined,
        about: typeof row.about === 'string' ? row.about : undefined,
      });
    } catch (err) {
      warn(`${file}:${i + 1}: skipped: ${(err as Error).message}`);
    }
  });
  return cases;
}
