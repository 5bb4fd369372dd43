import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppDatabase } from '../../platform/storage/database';
import { UnansweredStore } from '../../knowledge/unansweredStore';

const ROOT = path.resolve(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const DAY_MS = 86_400_000;

/** Runs scripts/kbReport.ts as `npm run kb:report -- …` does, in a folder of its own (no .env), on the given SQLite folder. */
function run(args: string[], dataDir: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-kb-report-cli-'));
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, [TSX, path.join(ROOT, 'scripts', 'kbReport.ts'), ...args], {
    cwd,
    env: { ...inherited, DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
}

describe('npm run kb:report', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-kb-report-'));

  beforeAll(async () => {
    // A real database file, seeded through the store the assistant uses (so the questions are redacted as in use).
    const database = await AppDatabase.open({ dataDir });
    let at = new Date();
    const store = new UnansweredStore(database.db, () => at);
    const ago = (days: number) => (at = new Date(Date.now() - days * DAY_MS));
    ago(1);
    await store.record('can I keep chickens in my garden? email me at jo.bloggs@example.com', 'no_answer');
    ago(2);
    await store.record('Can I keep chickens?', 'no_answer');
    ago(3);
    await store.record('keeping chickens', 'no_answer');
    ago(1);
    await store.record('how do I pay my council tax', 'not_helpful', 'council-tax-pay');
    ago(4);
    await store.record('paying council tax, ring 07700 900123', 'not_helpful', 'council-tax-pay');
    ago(2);
    await store.record('dog licence', 'no_answer');
    ago(20);
    await store.record('noise from the pub next door', 'no_answer');
    ago(20);
    await store.record('noise from the pub', 'no_answer');
    ago(200);
    await store.record('a question from long ago', 'no_answer');
    await database.close();
  });

  it('prints a table of the groups, biggest first, with counts, redacted examples and the article offered', async () => {
    const { status, stdout, stderr } = await run([], dataDir);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^Questions residents asked that got no answer or a "No" to "Did this answer your question\?", last 30 days \(\d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d\): 8 questions in 4 groups$/,
    );
    expect(lines[2].split(/\s{2,}/)).toEqual(['group', 'asked', 'no answer', 'said no', 'example wordings', 'article offered']);
    const rows = lines.slice(3).map((l) => l.trim().split(/\s{2,}/));
    expect(rows[0]).toEqual(['1', '3', '3', '0', '"can I keep chickens in my garden? email me at [email]"', '-']);
    expect(rows[1]).toEqual(['"Can I keep chickens?"']);
    expect(rows[2]).toEqual(['"keeping chickens"']);
    expect(rows[3]).toEqual(['2', '2', '0', '2', '"how do I pay my council tax"', 'council-tax-pay (Pay your Council Tax) ×2']);
    expect(rows[4]).toEqual(['"paying council tax, ring [phone]"']);
    // Wordings asked as often: in alphabetical order.
    expect(rows[5]).toEqual(['3', '2', '2', '0', '"noise from the pub"', '-']);
    expect(rows[6]).toEqual(['"noise from the pub next door"']);
    expect(rows[7]).toEqual(['4', '1', '1', '0', '"dog licence"', '-']);
    expect(rows).toHaveLength(8);
    expect(stdout).not.toContain('jo.bloggs@example.com');
    expect(stdout).not.toContain('07700 900123');
    expect(stdout).not.toContain('long ago');
  });

  it('--days N reads the last N days; --json prints the same report as JSON', async () => {
    const { status, stdout } = await run(['--days', '7', '--json'], dataDir);
    expect(status).toBe(0);
    const report = JSON.parse(stdout) as {
      days: number;
      total: number;
      groups: Array<{ count: number; examples: string[]; articles: Array<{ id: string; title: string | null; count: number }> }>;
    };
    expect(report.days).toBe(7);
    expect(report.total).toBe(6);
    expect(report.groups.map((g) => [g.count, g.examples[0]])).toEqual([
      [3, 'can I keep chickens in my garden? email me at [email]'],
      [2, 'how do I pay my council tax'],
      [1, 'dog licence'],
    ]);
    expect(report.groups[1].articles).toEqual([{ id: 'council-tax-pay', title: 'Pay your Council Tax', count: 2 }]);

    const year = JSON.parse((await run(['--json', '--days=365'], dataDir)).stdout) as { total: number };
    expect(year.total).toBe(9);
  });

  it('refuses a --days that is not a whole number from 1 to 3650, and says when there is nothing', async () => {
    for (const bad of ['-3', 'ten', '4000']) {
      // As --days=N too: a value with a leading dash is taken as an option otherwise.
      const { status, stderr } = await run([`--days=${bad}`], dataDir);
      expect(status, bad).toBe(64);
      expect(stderr).toContain('--days must be a whole number from 1 to 3650');
    }
    const empty = await run([], fs.mkdtempSync(path.join(os.tmpdir(), 'ca-kb-report-empty-')));
    expect(empty.status).toBe(0);
    expect(empty.stdout).toMatch(/: 0 questions in 0 groups\n\nNothing to report\.\n$/);
  });
});
