import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configKeys, KEYS_NOT_SET_BY_AZURE_TEMPLATES, MICROSOFT_APP_TYPES } from '../../bot/config';
import {
  allResources,
  checkAppSettings,
  checkParameters,
  checkProductionPosture,
  checkTemplate,
  readJson,
  webAppSettings,
  type ArmTemplate,
  type ParametersFile,
} from '../../scripts/deploy/armTemplate';
import { generatedNewRgFiles, NEW_RG_PARAMETERS, NEW_RG_TEMPLATE, TEMPLATES_DIR, WITH_RG_PARAMETERS, WITH_RG_TEMPLATE } from '../../scripts/deployTemplates';

const withRg = () => readJson<ArmTemplate>(WITH_RG_TEMPLATE);
const newRg = () => readJson<ArmTemplate>(NEW_RG_TEMPLATE);
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const fillIns = { appId: '3f2a7c1e-0b6d-4e8a-9c5f-1d2e3f4a5b6c' };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- reaching into ARM JSON by path
type Loose = any;

function resource(template: ArmTemplate, type: string): Loose {
  return allResources(template).find((r) => r.resource.type === type)?.resource;
}

function jsonFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? jsonFiles(path.join(dir, e.name)) : e.name.endsWith('.json') ? [path.join(dir, e.name)] : []));
}

describe('deployment templates (static checks)', () => {
  it('are valid JSON, each folder with its readme', () => {
    const files = jsonFiles(TEMPLATES_DIR);
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const f of files) expect(() => JSON.parse(fs.readFileSync(f, 'utf8')), f).not.toThrow();
    for (const dir of ['deployUseExistResourceGroup', 'deployWithNewResourceGroup'])
      expect(fs.existsSync(path.join(TEMPLATES_DIR, dir, 'readme.md')), dir).toBe(true);
  });

  it.each([
    ['existing resource group', WITH_RG_TEMPLATE],
    ['new resource group', NEW_RG_TEMPLATE],
  ])('%s: every parameter used and defined, every resource with an apiVersion, no secret in a default', (_name, file) => {
    expect(checkTemplate(readJson<ArmTemplate>(file))).toEqual([]);
  });

  it('the new-resource-group variant is generated from the other one and up to date', () => {
    for (const [file, text] of generatedNewRgFiles()) expect(fs.readFileSync(file, 'utf8'), `${path.basename(file)}: run npm run deploy:templates`).toBe(text);
    const nested = resource(newRg(), 'Microsoft.Resources/deployments');
    expect(nested.properties.expressionEvaluationOptions.scope).toBe('inner');
    expect(resource(newRg(), 'Microsoft.Resources/resourceGroups')).toBeDefined();
  });

  it.each([
    ['existing resource group', WITH_RG_TEMPLATE],
    ['new resource group', NEW_RG_TEMPLATE],
  ])('%s: app settings cover every required configuration key of the app (read from bot/config.ts)', (_name, file) => {
    expect(checkAppSettings(readJson<ArmTemplate>(file), configKeys(), KEYS_NOT_SET_BY_AZURE_TEMPLATES)).toEqual([]);
  });

  it('the app-settings check reads the schema: a new key without a default, or a removed setting, is caught', () => {
    const keys = configKeys();
    expect(keys.map((k) => k.key)).toEqual(
      expect.arrayContaining(['DATABASE_URL', 'MicrosoftAppType', 'MicrosoftAppId', 'MicrosoftAppPassword', 'APPLICATIONINSIGHTS_CONNECTION_STRING']),
    );
    expect(keys.find((k) => k.key === 'PORT')).toMatchObject({ hasDefault: true });
    expect(keys.find((k) => k.key === 'DATABASE_URL')).toMatchObject({ hasDefault: false });

    const template = withRg();
    expect(checkAppSettings(template, [...keys, { key: 'OPEN311_ENDPOINT', hasDefault: false }], KEYS_NOT_SET_BY_AZURE_TEMPLATES)).toEqual([
      "app setting 'OPEN311_ENDPOINT' is missing (a configuration key without a default)",
    ]);
    expect(checkAppSettings(template, [...keys, { key: 'OPEN311_TIMEOUT_MS', hasDefault: true }], KEYS_NOT_SET_BY_AZURE_TEMPLATES)).toEqual([]);
    expect(
      checkAppSettings(template, [...keys, { key: 'OPEN311_ENDPOINT', hasDefault: false }], {
        ...KEYS_NOT_SET_BY_AZURE_TEMPLATES,
        OPEN311_ENDPOINT: 'set by hand',
      }),
    ).toEqual([]);

    const broken = clone(template);
    const site = resource(broken, 'Microsoft.Web/sites');
    site.properties.siteConfig.appSettings = site.properties.siteConfig.appSettings.filter((s: Loose) => s.name !== 'DATABASE_URL');
    site.properties.siteConfig.appSettings.push({ name: 'MicrosoftAppTypo', value: 'x' });
    expect(checkAppSettings(broken, keys, KEYS_NOT_SET_BY_AZURE_TEMPLATES)).toEqual([
      "app setting 'DATABASE_URL' is missing (a configuration key without a default)",
      "app setting 'MicrosoftAppTypo' is not a configuration key of the app (see bot/config.ts)",
    ]);
  });

  it.each([
    ['existing resource group', WITH_RG_TEMPLATE],
    ['new resource group', NEW_RG_TEMPLATE],
  ])('%s: safe to put in front of the public (production, Azure Direct Line with its secret, behind a trusted proxy)', (_name, file) => {
    const template = readJson<ArmTemplate>(file);
    expect(checkProductionPosture(template)).toEqual([]);
    const settings = webAppSettings(template);
    expect(settings.get('NODE_ENV')).toBe('production');
    expect(settings.get('DIRECT_LINE_MODE')).toBe('azure');
    expect(settings.get('AZURE_DIRECT_LINE_SECRET')).toContain('@Microsoft.KeyVault(');
    expect(settings.get('TRUST_PROXY')).toBe('true');
    expect(settings.has('ALLOW_UNAUTHENTICATED')).toBe(false);
    expect(resource(template, 'Microsoft.BotService/botServices/channels')).toBeDefined();
    const channels = allResources(template).filter((r) => r.resource.type === 'Microsoft.BotService/botServices/channels');
    expect(channels.map((c) => (c.resource as Loose).properties.channelName).sort()).toEqual(['DirectLineChannel', 'MsTeamsChannel']);
  });

  it('the posture check names what a template leaves open', () => {
    const t = clone(withRg());
    const site = resource(t, 'Microsoft.Web/sites');
    site.properties.siteConfig.appSettings = site.properties.siteConfig.appSettings
      .filter((s: Loose) => !['NODE_ENV', 'TRUST_PROXY', 'MicrosoftAppId'].includes(s.name))
      .map((s: Loose) => (s.name === 'DIRECT_LINE_MODE' ? { name: s.name, value: 'local' } : s))
      .concat([{ name: 'ALLOW_UNAUTHENTICATED', value: 'true' }]);
    expect(checkProductionPosture(t).map((p) => p.split("'")[1])).toEqual([
      'NODE_ENV',
      'MicrosoftAppId',
      'ALLOW_UNAUTHENTICATED',
      'DIRECT_LINE_MODE',
      'TRUST_PROXY',
    ]);
  });

  it('finds the mistakes it is there to find', () => {
    const t = clone(withRg());
    t.parameters!.appSecret.defaultValue = 'hunter2hunter2';
    t.parameters!.unusedThing = { type: 'string', defaultValue: 'x', metadata: { description: 'not used' } };
    t.variables!.extra = "[parameters('notDefined')]";
    delete resource(t, 'Microsoft.Web/serverfarms').apiVersion;
    resource(t, 'Microsoft.Web/sites').properties.siteConfig.appSettings.push({ name: 'DATABASE_URL', value: 'postgres://admin:pa55word@db.example:5432/x' });
    const problems = checkTemplate(t).join('\n');
    expect(problems).toContain("secure parameter 'appSecret' has a default value");
    expect(problems).toContain("parameter 'unusedThing' is defined but never used");
    expect(problems).toContain("parameter 'notDefined' is used but not defined");
    expect(problems).toContain("variable 'extra' is defined but never used");
    expect(problems).toMatch(/Microsoft\.Web\/serverfarms\): no valid apiVersion/);
    expect(problems).toMatch(/Microsoft\.Web\/sites\): contains a literal credential/);
  });

  it('describes the deployment the issue asks for', () => {
    const t = withRg();
    expect(t.parameters!.appType.allowedValues).toEqual([...MICROSOFT_APP_TYPES]);
    expect(t.parameters!.appSecret.type).toBe('securestring');
    expect(t.parameters!.postgresAdminPassword.type).toBe('securestring');

    const plan = resource(t, 'Microsoft.Web/serverfarms');
    expect(plan.kind).toBe('linux');
    expect(plan.properties.reserved).toBe(true);
    const site = resource(t, 'Microsoft.Web/sites');
    expect(site.properties.siteConfig.webSocketsEnabled).toBe(true);
    expect(String(t.parameters!.linuxFxVersion.defaultValue)).toMatch(/^NODE\|\d+-lts$/);
    expect(site.properties.siteConfig.healthCheckPath).toBe('/readyz');
    expect(site.properties.httpsOnly).toBe(true);
    expect(site.properties.clientAffinityEnabled).toBe(false);

    const bot = resource(t, 'Microsoft.BotService/botServices');
    expect(bot.kind).toBe('azurebot');
    expect(t.variables!.botEndpoint).toMatch(/\/api\/messages'\)\]$/);
    expect(bot.properties.endpoint).toBe("[variables('botEndpoint')]");
    expect(bot.properties.msaAppType).toBe("[parameters('appType')]");

    expect(resource(t, 'Microsoft.DBforPostgreSQL/flexibleServers')).toBeDefined();
    expect(resource(t, 'Microsoft.CognitiveServices/accounts').kind).toBe('TextAnalytics');
    expect(resource(t, 'Microsoft.Insights/components')).toBeDefined();
    expect(resource(t, 'Microsoft.KeyVault/vaults')).toBeDefined();
    expect(resource(t, 'Microsoft.BotService/botServices/channels').properties.channelName).toBe('MsTeamsChannel');

    const settings = webAppSettings(t);
    expect(settings.get('DATABASE_URL')).toContain('@Microsoft.KeyVault(');
    expect(settings.get('MicrosoftAppPassword')).toContain('@Microsoft.KeyVault(');
    expect(settings.get('APPLICATIONINSIGHTS_CONNECTION_STRING')).toContain('ConnectionString');
  });
});

describe('parameters files', () => {
  it.each([
    ['existing resource group', WITH_RG_TEMPLATE, WITH_RG_PARAMETERS],
    ['new resource group', NEW_RG_TEMPLATE, NEW_RG_PARAMETERS],
  ])('%s: complete once the council fills in its app id, with secrets given at deployment', (_n, templateFile, parametersFile) => {
    const template = readJson<ArmTemplate>(templateFile);
    const params = readJson<ParametersFile>(parametersFile);
    expect(checkParameters(template, params, fillIns)).toEqual({ problems: [], toSupplyAtDeployment: ['appSecret', 'postgresAdminPassword'] });
    expect(checkParameters(template, params).problems).toEqual([expect.stringMatching(/^'appId' is required: Microsoft Entra app registration client id/)]);
  });

  it('names a missing required value, a value not allowed and a secret kept in the file', () => {
    const template = withRg();
    const params = clone(readJson<ParametersFile>(WITH_RG_PARAMETERS));
    delete params.parameters.botName;
    params.parameters.appType = { value: 'Multitenant' };
    params.parameters.postgresAdminPassword = { value: 'Correct-Horse-9' };
    params.parameters.instanceCount = { value: 40 };
    params.parameters.botname = { value: 'typo' };
    const { problems } = checkParameters(template, params, fillIns);
    expect(problems).toEqual(
      expect.arrayContaining([
        "'botname' is not a parameter of the template",
        expect.stringMatching(/^'botName' is required: Globally unique handle of the Azure Bot resource/),
        `'appType' must be one of "MultiTenant", "SingleTenant", "UserAssignedMSI" (got "Multitenant")`,
        "'postgresAdminPassword' is a secret: do not keep it in a parameters file (give it at deployment or as a Key Vault reference)",
        "'instanceCount' must be at most 10",
      ]),
    );
    expect(problems).toHaveLength(5);
  });

  it('accepts secrets as Key Vault references', () => {
    const params = clone(readJson<ParametersFile>(WITH_RG_PARAMETERS));
    params.parameters.appSecret = {
      reference: { keyVault: { id: '/subscriptions/x/resourceGroups/y/providers/Microsoft.KeyVault/vaults/z' }, secretName: 'bot-secret' },
    };
    expect(checkParameters(withRg(), params, fillIns).toSupplyAtDeployment).toEqual(['postgresAdminPassword']);
  });
});
