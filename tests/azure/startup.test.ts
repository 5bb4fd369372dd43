import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../bot/config';
import { checkConnectionString } from '../../bot/hosting/telemetry/connectionString';
import { messageActivity, messages, send, startApp, type RunningApp } from './support';

let running: RunningApp | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

describe('start-up configuration for Azure', () => {
  it('refuses a MicrosoftAppType that is not one of the three, naming it', () => {
    let error: unknown;
    try {
      loadConfig({ MicrosoftAppType: 'Multitenant', MicrosoftAppId: 'abc', MicrosoftAppPassword: 'x' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('MicrosoftAppType');
    expect(message).toMatch(/MultiTenant.*SingleTenant.*UserAssignedMSI/);
  });

  it.each(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'])('accepts MicrosoftAppType %s', (type) => {
    const config = loadConfig({ MicrosoftAppType: type, MicrosoftAppId: 'abc', MicrosoftAppPassword: 'x', MicrosoftAppTenantId: 't' });
    expect(config.botFramework.MicrosoftAppType).toBe(type);
  });

  it('reads the Teams tenant allow-list, and refuses one that is not a list of GUIDs', () => {
    expect(loadConfig({ TEAMS_ALLOWED_TENANTS: ' 72F988BF-86F1-41AF-91AB-2D7CD011DB47, 11111111-2222-4333-8444-555555555555 ' }).teamsAllowedTenants).toEqual([
      '72f988bf-86f1-41af-91ab-2d7cd011db47',
      '11111111-2222-4333-8444-555555555555',
    ]);
    expect(loadConfig({}).teamsAllowedTenants).toEqual([]);
    expect(() => loadConfig({ TEAMS_ALLOWED_TENANTS: 'contoso.onmicrosoft.com' })).toThrow(/TEAMS_ALLOWED_TENANTS/);
  });

  it.each([
    ['not key=value pairs', 'garbage', /Key=Value/],
    ['no instrumentation key', 'IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/', /no InstrumentationKey/],
    ['key not a GUID', 'InstrumentationKey=12345', /not a GUID/],
    ['endpoint not a URL', 'InstrumentationKey=11111111-2222-4333-8444-555555555555;IngestionEndpoint=uksouth', /not a URL/],
  ])('finds a malformed connection string: %s', (_what, value, problem) => {
    const checked = checkConnectionString(value);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problem).toMatch(problem);
  });

  it('accepts a well-formed connection string', () => {
    const checked = checkConnectionString(
      'InstrumentationKey=11111111-2222-4333-8444-555555555555;IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/;LiveEndpoint=https://uksouth.livediagnostics.monitor.azure.com/',
    );
    expect(checked).toEqual({
      ok: true,
      value: { instrumentationKey: '11111111-2222-4333-8444-555555555555', ingestionEndpoint: 'https://uksouth-1.in.applicationinsights.azure.com/' },
    });
  });

  it('with ALLOW_UNAUTHENTICATED=true in production, starts but says loudly (error level) what is open', async () => {
    running = await startApp({ NODE_ENV: 'production', ALLOW_UNAUTHENTICATED: 'true' }, 'info');
    const alarm = running.logs.lines.map((l) => JSON.parse(l)).find((l) => l.setting === 'ALLOW_UNAUTHENTICATED');
    expect(alarm).toMatchObject({ level: 50 });
    expect(alarm.msg).toMatch(/ALLOW_UNAUTHENTICATED=true in production: .*no MicrosoftAppId.*no DIRECT_LINE_SECRET/);
  });

  it('says nothing of the kind outside production', async () => {
    running = await startApp({ ALLOW_UNAUTHENTICATED: 'true' }, 'info');
    expect(running.logs.text()).not.toContain('ALLOW_UNAUTHENTICATED');
  });

  it('warns at start-up about a malformed Application Insights connection string, and still runs', async () => {
    running = await startApp({ APPLICATIONINSIGHTS_CONNECTION_STRING: 'InstrumentationKey=not-a-key;secretish=abc' }, 'info');
    expect(running.app.telemetry.enabled).toBe(false);
    const warning = running.logs.lines.map((l) => JSON.parse(l)).find((l) => l.level === 40 && String(l.msg).includes('APPLICATIONINSIGHTS_CONNECTION_STRING'));
    expect(warning).toBeDefined();
    expect(warning.msg).toMatch(/malformed.*runs without it/);
    expect(running.logs.text()).not.toContain('secretish=abc');
    const { status, activities } = await send(running.port, messageActivity('hello'));
    expect(status).toBe(200);
    expect(messages(activities).length).toBeGreaterThan(0);
  });
});
