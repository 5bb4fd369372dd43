import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, configKeys, loadConfig } from '../../bot/config';

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

  it('keeps each kind of residents\' data for its own period: defaults, and any set in the environment', () => {
    expect(loadConfig({}).retention).toEqual({ conversationDays: 30, handoffDays: 90, callbackDays: 90, outboxDays: 30, requestPersonalDays: 365, feedbackDays: 730 });
    expect(loadConfig({ RETENTION_CONVERSATION_DAYS: '7', RETENTION_HANDOFF_DAYS: '60', RETENTION_CALLBACK_DAYS: '14', RETENTION_OUTBOX_DAYS: '3', RETENTION_REQUEST_PERSONAL_DAYS: '730', RETENTION_FEEDBACK_DAYS: '365' }).retention).toEqual({
      conversationDays: 7,
      handoffDays: 60,
      callbackDays: 14,
      outboxDays: 3,
      requestPersonalDays: 730,
      feedbackDays: 365,
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
