import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, configKeys, loadConfig, openInProduction } from '../../bot/config';

describe('loadConfig', () => {
  it('has defaults that run locally with no settings', () => {
    const c = loadConfig({}, '/srv/app');
    expect(c.port).toBe(3978);
    expect(c.dataDir).toBe(path.resolve('/srv/app', 'data'));
    expect(c.databaseUrl).toBeUndefined();
    expect(c.logLevel).toBe('info');
  });

  it('reads PORT, DATA_DIR, DATABASE_URL and LOG_LEVEL', () => {
    const c = loadConfig({ PORT: '8080', DATA_DIR: '/var/lib/ca', DATABASE_URL: 'postgres://u@db/x', LOG_LEVEL: 'debug' });
    expect(c).toMatchObject({ port: 8080, dataDir: '/var/lib/ca', databaseUrl: 'postgres://u@db/x', logLevel: 'debug' });
  });

  it("keeps each kind of residents' data for its own period: defaults, and any set in the environment", () => {
    expect(loadConfig({}).retention).toEqual({
      conversationDays: 30,
      handoffDays: 90,
      callbackDays: 90,
      outboxDays: 30,
      requestPersonalDays: 365,
      feedbackDays: 730,
      unansweredDays: 180,
    });
    expect(
      loadConfig({
        RETENTION_CONVERSATION_DAYS: '7',
        RETENTION_HANDOFF_DAYS: '60',
        RETENTION_CALLBACK_DAYS: '14',
        RETENTION_OUTBOX_DAYS: '3',
        RETENTION_REQUEST_PERSONAL_DAYS: '730',
        RETENTION_FEEDBACK_DAYS: '365',
        RETENTION_UNANSWERED_DAYS: '90',
      }).retention,
    ).toEqual({
      conversationDays: 7,
      handoffDays: 60,
      callbackDays: 14,
      outboxDays: 3,
      requestPersonalDays: 730,
      feedbackDays: 365,
      unansweredDays: 90,
    });
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '', MicrosoftAppId: '' }).port).toBe(3978);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ MicrosoftAppType: 'Sometimes' }, 'MicrosoftAppType'],
    [{ MicrosoftAppType: 'SingleTenant', MicrosoftAppId: 'id', MicrosoftAppPassword: 'pw' }, 'MicrosoftAppTenantId'],
    [{ MicrosoftAppId: 'id' }, 'MicrosoftAppPassword'],
    [{ RETENTION_OUTBOX_DAYS: '0' }, 'RETENTION_OUTBOX_DAYS'],
    [{ RETENTION_CONVERSATION_DAYS: 'forever' }, 'RETENTION_CONVERSATION_DAYS'],
  ])('stops with a message naming the variable for %j', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(name));
  });
});

describe('the production posture (NODE_ENV=production)', () => {
  const appId = { MicrosoftAppType: 'MultiTenant', MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'x' };
  const secret = { DIRECT_LINE_SECRET: 'a-long-enough-direct-line-secret' };
  const azure = { DIRECT_LINE_MODE: 'azure', AZURE_DIRECT_LINE_SECRET: 'azure-secret' };
  const problems = (env: Record<string, string>): string[] => {
    try {
      loadConfig(env);
      return [];
    } catch (err) {
      if (err instanceof ConfigError) return err.problems;
      throw err;
    }
  };

  it.each([
    ['nothing set', {}, ['MicrosoftAppId', 'DIRECT_LINE_SECRET']],
    ['no app id, local mode with a secret', { ...secret }, ['MicrosoftAppId']],
    ['an app id, local mode without a secret', { ...appId }, ['DIRECT_LINE_SECRET']],
    ['no app id, azure mode', { ...azure }, ['MicrosoftAppId']],
  ])('refuses to start with %s, naming each missing variable', (_name, env, missing) => {
    const found = problems({ NODE_ENV: 'production', ...env });
    expect(found.map((p) => p.split(':')[0])).toEqual(missing);
    for (const p of found) expect(p).toMatch(/required when NODE_ENV is production.*ALLOW_UNAUTHENTICATED=true/);
  });

  it.each([
    ['an app id and the local Direct Line secret', { ...appId, ...secret }],
    ['an app id and azure mode', { ...appId, ...azure }],
  ])('starts with %s, and says nothing is open', (_name, env) => {
    const config = loadConfig({ NODE_ENV: 'production', ...env });
    expect(config.production).toBe(true);
    expect(openInProduction(config)).toEqual([]);
  });

  it('starts open only when ALLOW_UNAUTHENTICATED=true is set on purpose, and lists what is open', () => {
    expect(problems({ NODE_ENV: 'production', ALLOW_UNAUTHENTICATED: 'false' })).toHaveLength(2);
    const config = loadConfig({ NODE_ENV: 'production', ALLOW_UNAUTHENTICATED: 'true' });
    expect(openInProduction(config)).toEqual([expect.stringContaining('no MicrosoftAppId'), expect.stringContaining('no DIRECT_LINE_SECRET')]);
    expect(openInProduction(loadConfig({ NODE_ENV: 'production', ALLOW_UNAUTHENTICATED: 'true', ...appId }))).toEqual([
      expect.stringContaining('no DIRECT_LINE_SECRET'),
    ]);
    expect(() => loadConfig({ NODE_ENV: 'production', ALLOW_UNAUTHENTICATED: 'yes' })).toThrow(/ALLOW_UNAUTHENTICATED/);
  });

  it('outside production, runs open for development as before', () => {
    for (const NODE_ENV of [undefined, 'development', 'test']) {
      const config = loadConfig(NODE_ENV ? { NODE_ENV } : {});
      expect(config.production).toBe(false);
      expect(openInProduction(config)).toEqual([]);
    }
  });

  it('has a connector time limit, 10 s unless CONNECTOR_TIMEOUT_MS says otherwise', () => {
    expect(loadConfig({}).connectorTimeoutMs).toBe(10_000);
    expect(loadConfig({ CONNECTOR_TIMEOUT_MS: '2500' }).connectorTimeoutMs).toBe(2500);
    expect(() => loadConfig({ CONNECTOR_TIMEOUT_MS: '0' })).toThrow(/CONNECTOR_TIMEOUT_MS/);
  });
});

describe('the documentation of the configuration', () => {
  const root = path.resolve(__dirname, '..', '..');

  const tableRows = fs
    .readFileSync(path.join(root, 'README.md'), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('|'));

  it.each(configKeys().map((k) => k.key))('names %s in .env.example and in a README configuration table', (key) => {
    expect(fs.readFileSync(path.join(root, '.env.example'), 'utf8')).toMatch(new RegExp(`^#? ?${key}=`, 'm'));
    expect(tableRows.some((row) => row.split('|')[1]?.includes(`\`${key}\``))).toBe(true);
  });
});
