import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ResidentSelector } from '../../bot/privacy/residentSelector';
import { createTestPostgres } from '../support/postgres';
import { bothEngines } from './engines';
import { addResident, daysAgo } from './seed';

const ROOT = path.resolve(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

/** Runs scripts/privacy.ts as `npm run privacy:<action> -- …` does, in a folder of its own (no .env). */
function run(action: string, args: string[], env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-privacy-cli-'));
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, [TSX, path.join(ROOT, 'scripts', 'privacy.ts'), action, ...args], { cwd, env: { ...inherited, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
}

describe('npm run privacy:export / privacy:erase', async () => {
  const pg = await createTestPostgres();
  afterAll(async () => pg.drop());
  const engines = bothEngines(pg);

  describe.each(engines)('on $name', ({ skip, env, open }) => {
    it.skipIf(!!skip)(
      'exports by email, erases, then exports nothing (found by phone either); the audit has a hash only',
      async () => {
        const resident = { id: 'cli1', email: 'jo.cli@example.com', phone: '01144960000', name: 'Jo Cli' };
        const seed = await open();
        await addResident(seed.db, resident, daysAgo(new Date(), 1));
        await seed.close();

        const first = await run('export', ['--email', 'Jo.Cli@example.com'], env);
        expect(first.stderr).toBe('');
        expect(first.status).toBe(0);
        const data = JSON.parse(first.stdout) as Record<string, Array<Record<string, unknown>>>;
        expect(data.serviceRequests).toMatchObject([{ email: resident.email, first_name: 'Jo Cli' }]);
        expect(data.callbackRequests).toMatchObject([{ contact: '01144960000' }]);

        const erase = await run('erase', ['--email=jo.cli@example.com'], env);
        expect(erase.status).toBe(0);
        expect(JSON.parse(erase.stdout)).toMatchObject({
          erased: {
            requests: 1,
            callbacks: 1,
            handoffs: 1,
            conversationState: 2,
          },
        });

        const again = await run('export', ['--phone', '0114 496 0000'], env);
        expect(again.status).toBe(0);
        const empty = JSON.parse(again.stdout) as Record<string, unknown>;
        for (const kind of [
          'serviceRequests',
          'serviceRequestOutbox',
          'handoffs',
          'staffCases',
          'callbackRequests',
          'conversationState',
          'webChatConversations',
          'feedback',
        ])
          expect(empty[kind], kind).toEqual([]);

        const check = await open();
        const audit = await check.db.selectFrom('privacy_audit').selectAll().execute();
        await check.close();
        expect(audit.map((a) => a.action).sort()).toEqual(['erase', 'export', 'export']);
        expect(audit.find((a) => a.action === 'erase')?.selector_hash).toBe(ResidentSelector.parse('email', resident.email).hash());
        expect(JSON.stringify(audit)).not.toMatch(/jo\.cli|0114/i);
      },
      60_000,
    );
  });

  it("ends the export with the notes of the council's own privacy.yaml (in the messages folder next to its council.yaml)", async () => {
    const council = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-privacy-council-'));
    fs.copyFileSync(path.join(ROOT, 'knowledge', 'council.yaml'), path.join(council, 'council.yaml'));
    fs.mkdirSync(path.join(council, 'messages', 'en-GB'), { recursive: true });
    const shipped = fs.readFileSync(path.join(ROOT, 'knowledge', 'messages', 'en-GB', 'privacy.yaml'), 'utf8');
    const own = shipped.replace(
      /^back_office_holds_too: .*$/m,
      'back_office_holds_too: Reports passed to our highways contractor are held by them too; write to {email} to ask for them.',
    );
    expect(own).not.toBe(shipped);
    fs.writeFileSync(path.join(council, 'messages', 'en-GB', 'privacy.yaml'), own);
    const env = { DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'ca-privacy-cli-own-')), COUNCIL_PROFILE: path.join(council, 'council.yaml') };
    const result = await run('export', ['--email', 'nobody@example.com'], env);
    expect(result.stderr).toBe('');
    const { notes } = JSON.parse(result.stdout) as { notes: string[] };
    expect(notes).toHaveLength(3);
    expect(notes[0]).toMatch(/^"Was this helpful\?" feedback/);
    expect(notes[2]).toMatch(/^Reports passed to our highways contractor are held by them too; write to \S+@\S+ to ask for them\.$/);

    // A mistake in the council's privacy.yaml stops an export, naming file and line, but never an erasure (it says nothing to the resident).
    const file = path.join(council, 'messages', 'en-GB', 'privacy.yaml');
    const lines = own.split('\n');
    const at = lines.findIndex((l) => l.startsWith('unanswered_not_listed:'));
    fs.writeFileSync(file, lines.map((l, i) => (i === at ? l.replace('unanswered_not_listed:', 'unanswerd_not_listed:') : l)).join('\n'));
    const refused = await run('export', ['--email', 'nobody@example.com'], env);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`${file}:${at + 1}: `);
    expect(refused.stdout).toBe('');
    expect((await run('erase', ['--email', 'nobody@example.com'], env)).status).toBe(0);
  }, 60_000);

  it('says what is wrong with the selector, and touches nothing', async () => {
    const env = {
      DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'ca-privacy-cli-bad-')),
    };
    for (const [args, message] of [
      [[], /give exactly one of --email, --phone, --reference/],
      [['--email', 'not-an-email'], /--email needs an email address/],
    ] as const) {
      const result = await run('erase', [...args], env);
      expect(result.status, args.join(' ')).toBe(64);
      expect(result.stderr).toMatch(message);
    }
    // Nothing was opened, so nothing was created.
    expect(fs.readdirSync(env.DATA_DIR)).toEqual([]);
  }, 60_000);
});
