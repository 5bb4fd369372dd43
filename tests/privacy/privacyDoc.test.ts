import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { configKeys, loadConfig } from '../../bot/config';
import type { RetentionDays } from '../../bot/privacy/retentionDays';
import { AppDatabase } from '../../platform/storage/database';

const ROOT = path.resolve(__dirname, '..', '..');
const doc = fs.readFileSync(path.join(ROOT, 'docs', 'privacy.md'), 'utf8');
const section = (heading: string) => doc.slice(doc.indexOf(heading), doc.indexOf('\n## ', doc.indexOf(heading) + 1));

/** Which retention setting each variable fills. */
const SETTING: Record<string, keyof RetentionDays> = {
  RETENTION_CONVERSATION_DAYS: 'conversationDays',
  RETENTION_HANDOFF_DAYS: 'handoffDays',
  RETENTION_CALLBACK_DAYS: 'callbackDays',
  RETENTION_OUTBOX_DAYS: 'outboxDays',
  RETENTION_REQUEST_PERSONAL_DAYS: 'requestPersonalDays',
  RETENTION_FEEDBACK_DAYS: 'feedbackDays',
  RETENTION_UNANSWERED_DAYS: 'unansweredDays',
};

describe('docs/privacy.md', () => {
  it('is linked from the README', () => {
    expect(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8')).toContain('(docs/privacy.md)');
  });

  it('maps every table the migrations create (a new table must be added to the data map)', async () => {
    const database = await AppDatabase.open({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'ca-privacy-doc-')) });
    const tables = (
      await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'`.execute(
        database.db,
      )
    ).rows.map((r) => r.name);
    await database.close();
    const map = section('## Data map');
    expect(tables.length).toBeGreaterThan(15);
    for (const table of tables) expect(map, table).toContain(`\`${table}\``);
  });

  it('gives each retention setting with the default the configuration has', () => {
    const keys = configKeys()
      .map((k) => k.key)
      .filter((k) => /^RETENTION_.*_DAYS$/.test(k));
    expect(keys.sort()).toEqual(Object.keys(SETTING).sort());
    const defaults = loadConfig({}).retention;
    const rows = section('## Data map').split('\n');
    for (const key of keys) {
      const row = rows.find((r) => r.includes(`\`${key}\``));
      expect(row, key).toBeDefined();
      expect(row, key).toContain(`**${defaults[SETTING[key]]} days**`);
    }
  });

  it('has a DPIA starting point and an ATRS record with its tier 1 summary and tier 2 main fields', () => {
    const dpia = section('## Data protection impact assessment');
    for (const part of ['**Purpose.**', '**Lawful basis**', '**Necessity and proportionality.**', '**Risks to residents, and mitigations.**'])
      expect(dpia).toContain(part);
    const atrs = section('## Algorithmic Transparency Recording Standard');
    for (const part of [
      '### Tier 1',
      '### Tier 2',
      '**Owner and responsibility**',
      '**Description and rationale**',
      '**How the tool works**',
      '**Decision-making and human oversight**',
      '**Data**',
      '**Risks, mitigations and impact assessments**',
    ])
      expect(atrs).toContain(part);
  });
});
