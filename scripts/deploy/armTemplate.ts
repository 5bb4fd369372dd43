/**
 * Static checks of the ARM templates in deploymentTemplates/ and of their parameters files:
 * what `az deployment … validate` would find without an Azure subscription, plus the
 * project's own rules (secrets never defaulted, app settings covering the app's configuration).
 */
import fs from 'node:fs';
import path from 'node:path';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface ArmParameter {
  type: string;
  defaultValue?: Json;
  allowedValues?: Json[];
  minLength?: number;
  maxLength?: number;
  minValue?: number;
  maxValue?: number;
  metadata?: { description?: string };
}

export interface ArmTemplate {
  $schema: string;
  contentVersion: string;
  parameters?: Record<string, ArmParameter>;
  variables?: Record<string, Json>;
  resources: JsonObject[];
  outputs?: Record<string, JsonObject>;
}

export function readJson<T>(file: string): T {
  const text = fs.readFileSync(file, 'utf8');
  try {
    return JSON.parse(text) as T;
  } catch (err) {
    throw new Error(`${file} is not valid JSON: ${(err as Error).message}`);
  }
}

const API_VERSION = /^\d{4}-\d{2}-\d{2}(-preview)?$/;
const SECRET_NAME = /(password|secret|token|apikey|accountkey|connectionstring)$/i;
/** Literal text that would be a credential if it appeared in a template. */
const SECRET_LITERAL =
  /(InstrumentationKey=[0-9a-f-]{36}|AccountKey=|SharedAccessKey=|postgres(ql)?:\/\/[^'"\s:@]+:[^'"\s@]+@|-----BEGIN [A-Z ]*PRIVATE KEY-----)/i;

/** A template and the nested inline templates with their own ("inner") parameter scope. */
interface Scope {
  where: string;
  template: ArmTemplate;
}

function isObject(v: Json | undefined): v is JsonObject {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** Every string in `value`, not descending into nested inner-scope templates (they are scopes of their own). */
function strings(value: Json, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'template' && isObject(v) && Array.isArray(v.resources) && isInnerScope(value)) continue;
      strings(v, out);
    }
  }
  return out;
}

function isInnerScope(deploymentProperties: JsonObject): boolean {
  const options = deploymentProperties.expressionEvaluationOptions;
  return isObject(options) && String(options.scope).toLowerCase() === 'inner';
}

/** All resources, children and resources of nested templates included, with a path for messages. */
export function allResources(template: ArmTemplate, where = 'template'): Array<{ where: string; resource: JsonObject }> {
  const out: Array<{ where: string; resource: JsonObject }> = [];
  const visit = (resources: Json[] | undefined, at: string) => {
    (resources ?? []).forEach((r, i) => {
      if (!isObject(r)) return;
      const here = `${at}.resources[${i}] (${String(r.type)})`;
      out.push({ where: here, resource: r });
      if (Array.isArray(r.resources)) visit(r.resources, here);
      const props = r.properties;
      if (isObject(props) && isObject(props.template) && Array.isArray(props.template.resources)) visit(props.template.resources, `${here}.template`);
    });
  };
  visit(template.resources, where);
  return out;
}

function scopes(template: ArmTemplate): Scope[] {
  const found: Scope[] = [{ where: 'template', template }];
  for (const { where, resource } of allResources(template)) {
    const props = resource.properties;
    if (isObject(props) && isObject(props.template) && isInnerScope(props))
      found.push({ where: `${where}.template`, template: props.template as unknown as ArmTemplate });
  }
  return found;
}

function used(scope: ArmTemplate, fn: 'parameters' | 'variables'): Set<string> {
  const names = new Set<string>();
  const body: Json = {
    variables: scope.variables ?? {},
    resources: scope.resources,
    outputs: (scope.outputs ?? {}) as Json,
    parameters: scope.parameters as unknown as Json,
  };
  const re = new RegExp(`${fn}\\(\\s*'([^']+)'\\s*\\)`, 'g');
  for (const s of strings(body)) for (const m of s.matchAll(re)) names.add(m[1]);
  return names;
}

/** Problems with a template on its own; an empty list means it passes. */
export function checkTemplate(template: ArmTemplate): string[] {
  const problems: string[] = [];
  if (!String(template.$schema ?? '').includes('schema.management.azure.com/schemas/')) problems.push('$schema is not an ARM deployment template schema');
  if (!template.contentVersion) problems.push('contentVersion is missing');
  if (!Array.isArray(template.resources) || !template.resources.length) problems.push('there are no resources');

  for (const { where, template: t } of scopes(template)) {
    const defined = new Set(Object.keys(t.parameters ?? {}));
    const usedParams = used(t, 'parameters');
    for (const name of usedParams) if (!defined.has(name)) problems.push(`${where}: parameter '${name}' is used but not defined`);
    for (const name of defined) if (!usedParams.has(name)) problems.push(`${where}: parameter '${name}' is defined but never used`);
    const definedVars = new Set(Object.keys(t.variables ?? {}));
    const usedVars = used(t, 'variables');
    for (const name of usedVars) if (!definedVars.has(name)) problems.push(`${where}: variable '${name}' is used but not defined`);
    for (const name of definedVars) if (!usedVars.has(name)) problems.push(`${where}: variable '${name}' is defined but never used`);

    for (const [name, p] of Object.entries(t.parameters ?? {})) {
      const secure = p.type === 'securestring' || p.type === 'secureObject' || p.type === 'secureobject';
      if (secure && p.defaultValue !== undefined) problems.push(`${where}: secure parameter '${name}' has a default value`);
      if (SECRET_NAME.test(name) && !secure) problems.push(`${where}: parameter '${name}' looks like a secret but is not a securestring`);
      if (p.defaultValue !== undefined && strings(p.defaultValue).some((s) => SECRET_LITERAL.test(s)))
        problems.push(`${where}: the default of '${name}' contains a credential`);
      if (!p.metadata?.description) problems.push(`${where}: parameter '${name}' has no description`);
    }
    for (const [name, v] of Object.entries(t.variables ?? {})) {
      if (strings(v).some((s) => SECRET_LITERAL.test(s))) problems.push(`${where}: variable '${name}' contains a credential`);
    }
  }

  for (const { where, resource } of allResources(template)) {
    if (typeof resource.apiVersion !== 'string' || !API_VERSION.test(resource.apiVersion)) problems.push(`${where}: no valid apiVersion`);
    if (typeof resource.type !== 'string' || !resource.type.includes('/')) problems.push(`${where}: no resource type`);
    if (resource.name === undefined) problems.push(`${where}: no name`);
    if (strings(resource).some((s) => SECRET_LITERAL.test(s))) problems.push(`${where}: contains a literal credential`);
  }
  return problems;
}

/** The App Service settings the template gives the Web App: name → value expression. */
export function webAppSettings(template: ArmTemplate): Map<string, string> {
  const settings = new Map<string, string>();
  for (const { resource } of allResources(template)) {
    if (resource.type === 'Microsoft.Web/sites') {
      const siteConfig = isObject(resource.properties) ? resource.properties.siteConfig : undefined;
      const list = isObject(siteConfig) && Array.isArray(siteConfig.appSettings) ? siteConfig.appSettings : [];
      for (const s of list) if (isObject(s)) settings.set(String(s.name), String(s.value));
    }
    if (resource.type === 'Microsoft.Web/sites/config' && String(resource.name).endsWith("/appsettings')]") && isObject(resource.properties)) {
      for (const [k, v] of Object.entries(resource.properties)) settings.set(k, String(v));
    }
  }
  return settings;
}

/** App Service's own settings, which are not the app's configuration keys. */
const PLATFORM_SETTING = /^(WEBSITE_|WEBSITES_|SCM_|APPINSIGHTS_|ApplicationInsightsAgent_|XDT_|ENABLE_ORYX_BUILD$|PRE_BUILD_|POST_BUILD_)/;

export interface ConfigKeyInfo {
  key: string;
  hasDefault: boolean;
}

/**
 * Compares the Web App's settings with the app's configuration keys: every key without a
 * default must be set (unless `exempt` says why not), and every setting must be a key the
 * app reads or an App Service setting (catches typos).
 */
export function checkAppSettings(template: ArmTemplate, keys: ConfigKeyInfo[], exempt: Readonly<Record<string, string>>): string[] {
  const settings = webAppSettings(template);
  const problems: string[] = [];
  if (!settings.size) return ['no Microsoft.Web/sites resource with siteConfig.appSettings'];
  const known = new Set(keys.map((k) => k.key));
  for (const k of keys) {
    if (!k.hasDefault && !exempt[k.key] && !settings.has(k.key)) problems.push(`app setting '${k.key}' is missing (a configuration key without a default)`);
  }
  for (const [name, value] of settings) {
    if (!known.has(name) && !PLATFORM_SETTING.test(name)) problems.push(`app setting '${name}' is not a configuration key of the app (see bot/config.ts)`);
    if (!value.startsWith('[') && SECRET_LITERAL.test(value)) problems.push(`app setting '${name}' holds a literal credential`);
  }
  return problems;
}

/**
 * The production posture the templates must give the Web App, so that a deployment is safe to put
 * in front of the public as it comes: NODE_ENV=production (the assistant then refuses to start
 * open to anyone), an app id and never ALLOW_UNAUTHENTICATED, Azure's Direct Line with its secret
 * (the built-in one cannot authenticate its turns once there is an app id), and TRUST_PROXY
 * (App Service's front end is a reverse proxy: without it every resident shares one rate limit).
 */
export function checkProductionPosture(template: ArmTemplate): string[] {
  const settings = webAppSettings(template);
  const problems: string[] = [];
  if (settings.get('NODE_ENV') !== 'production')
    problems.push("app setting 'NODE_ENV' must be production (the assistant then refuses to start open to anyone)");
  if (!settings.get('MicrosoftAppId')) problems.push("app setting 'MicrosoftAppId' must be set (without it /api/messages takes activities from anyone)");
  if (settings.get('ALLOW_UNAUTHENTICATED') === 'true') problems.push("app setting 'ALLOW_UNAUTHENTICATED' must not be true in a public deployment");
  if (settings.get('DIRECT_LINE_MODE') !== 'azure') {
    problems.push("app setting 'DIRECT_LINE_MODE' must be azure (with MicrosoftAppId the built-in Direct Line cannot authenticate residents' messages)");
  } else if (!settings.get('AZURE_DIRECT_LINE_SECRET')) {
    problems.push("app setting 'AZURE_DIRECT_LINE_SECRET' must be set (a Key Vault reference) with DIRECT_LINE_MODE=azure");
  }
  if (!['true', '1'].includes(settings.get('TRUST_PROXY') ?? '')) {
    problems.push(
      "app setting 'TRUST_PROXY' must be true (App Service's front end is a reverse proxy; without it every resident shares one page-token rate limit)",
    );
  }
  return problems;
}

export interface ParametersFile {
  $schema?: string;
  parameters: Record<string, { value?: Json; reference?: JsonObject }>;
}

export interface ParameterCheck {
  /** Wrong or missing values, each naming the parameter. */
  problems: string[];
  /** Secure parameters left for the deployment command (never kept in a file). */
  toSupplyAtDeployment: string[];
}

function isEmptyValue(v: Json | undefined): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

/**
 * Checks a parameters file (plus `name=value` overrides, as given to `az deployment … --parameters`)
 * against its template: unknown names, missing required values, and values outside
 * allowedValues, lengths or ranges, each named.
 */
export function checkParameters(template: ArmTemplate, file: ParametersFile, overrides: Record<string, Json> = {}): ParameterCheck {
  const problems: string[] = [];
  const toSupplyAtDeployment: string[] = [];
  if (!isObject(file.parameters)) return { problems: ['the file has no "parameters" object'], toSupplyAtDeployment };
  const defs = template.parameters ?? {};
  for (const name of Object.keys(file.parameters)) if (!defs[name]) problems.push(`'${name}' is not a parameter of the template`);

  for (const [name, def] of Object.entries(defs)) {
    const secure = def.type.toLowerCase().startsWith('secure');
    const entry = file.parameters[name];
    if (secure && entry && entry.value !== undefined && !isEmptyValue(entry.value))
      problems.push(`'${name}' is a secret: do not keep it in a parameters file (give it at deployment or as a Key Vault reference)`);
    const fromKeyVault = !!entry?.reference;
    const value: Json | undefined = name in overrides ? overrides[name] : entry?.value;
    if (def.defaultValue !== undefined && value === undefined) continue;
    if (fromKeyVault) continue;
    if (value === undefined) {
      if (secure) toSupplyAtDeployment.push(name);
      else problems.push(`'${name}' is required: ${def.metadata?.description ?? 'give it a value'}`);
      continue;
    }
    const problem = valueProblem(def, value);
    if (problem) problems.push(`'${name}' ${problem}`);
  }
  return { problems, toSupplyAtDeployment };
}

function valueProblem(def: ArmParameter, value: Json): string | undefined {
  const type = def.type.toLowerCase();
  if ((type === 'string' || type === 'securestring') && typeof value !== 'string') return 'must be a string';
  if (type === 'int' && (typeof value !== 'number' || !Number.isInteger(value))) return 'must be a whole number';
  if (type === 'bool' && typeof value !== 'boolean') return 'must be true or false';
  if (def.allowedValues && !def.allowedValues.some((a) => JSON.stringify(a) === JSON.stringify(value)))
    return `must be one of ${def.allowedValues.map((a) => JSON.stringify(a)).join(', ')} (got ${JSON.stringify(value)})`;
  if (typeof value === 'string') {
    if (def.minLength !== undefined && value.length < def.minLength)
      return value.length === 0 ? `is required: ${def.metadata?.description ?? ''}`.trim() : `must be at least ${def.minLength} characters`;
    if (def.maxLength !== undefined && value.length > def.maxLength) return `must be at most ${def.maxLength} characters`;
  }
  if (typeof value === 'number') {
    if (def.minValue !== undefined && value < def.minValue) return `must be at least ${def.minValue}`;
    if (def.maxValue !== undefined && value > def.maxValue) return `must be at most ${def.maxValue}`;
  }
  return undefined;
}

/** parameters-for-template-X.json → template-X.json in the same folder. */
export function templateForParameters(parametersPath: string): string {
  const base = path.basename(parametersPath);
  if (!base.startsWith('parameters-for-')) throw new Error(`${parametersPath}: expected a file named parameters-for-template-<name>.json`);
  return path.join(path.dirname(parametersPath), base.slice('parameters-for-'.length));
}
