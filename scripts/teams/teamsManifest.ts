/**
 * The Teams app manifest (deploymentTemplates/teams/manifest.json): filling in the bot id and
 * domain, and checking what Teams' app validation would reject.
 */
export const MANIFEST_VERSION = '1.17';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$/i;

/** The parts of a Teams manifest this project sets and checks. */
export interface TeamsManifest {
  $schema?: string;
  manifestVersion?: string;
  version?: string;
  id?: string;
  developer?: { name?: string; websiteUrl?: string; privacyUrl?: string; termsOfUseUrl?: string };
  name?: { short?: string; full?: string };
  description?: { short?: string; full?: string };
  icons?: { color?: string; outline?: string };
  accentColor?: string;
  bots?: Array<{ botId?: string; scopes?: string[]; supportsFiles?: boolean; commandLists?: Array<{ scopes?: string[]; commands?: unknown[] }> }>;
  validDomains?: string[];
  /** The manifest's words in other languages (Teams' localization files in the package), added by teams:package. */
  localizationInfo?: { defaultLanguageTag: string; additionalLanguages?: Array<{ languageTag: string; file: string }> };
}

export interface ManifestValues {
  /** The bot's Microsoft App ID (MicrosoftAppId), also the Teams app id. */
  appId: string;
  /** Host name the bot is served from, e.g. anytown-assistant.azurewebsites.net. */
  domain: string;
}

export function renderTeamsManifest(templateText: string, values: ManifestValues): TeamsManifest {
  const text = templateText.replaceAll('{{MicrosoftAppId}}', values.appId.trim().toLowerCase()).replaceAll('{{BotDomain}}', values.domain.trim().toLowerCase());
  return JSON.parse(text) as TeamsManifest;
}

function httpsUrl(v: unknown): boolean {
  try {
    return new URL(String(v)).protocol === 'https:';
  } catch {
    return false;
  }
}

/** Problems Teams would reject the manifest for (a subset of its schema and validation rules). */
export function checkTeamsManifest(m: TeamsManifest): string[] {
  const problems: string[] = [];
  const text = JSON.stringify(m);
  if (text.includes('{{')) problems.push(`placeholders not filled in: ${[...new Set(text.match(/\{\{[^}]+\}\}/g))].join(', ')}`);
  if (m.manifestVersion !== MANIFEST_VERSION) problems.push(`manifestVersion must be ${MANIFEST_VERSION}`);
  if (!String(m.$schema ?? '').includes(`/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`))
    problems.push(`$schema must be the v${MANIFEST_VERSION} Teams schema`);
  if (!/^\d+\.\d+\.\d+$/.test(String(m.version))) problems.push('version must be like 1.0.0');
  if (!GUID.test(String(m.id))) problems.push('id must be a GUID (the bot’s Microsoft App ID)');
  for (const k of ['websiteUrl', 'privacyUrl', 'termsOfUseUrl'])
    if (!httpsUrl((m.developer as Record<string, unknown> | undefined)?.[k])) problems.push(`developer.${k} must be an https URL`);
  if (!m.developer?.name) problems.push('developer.name is required');
  if (!m.name?.short || String(m.name.short).length > 30) problems.push('name.short is required, at most 30 characters');
  if (m.name?.full && String(m.name.full).length > 100) problems.push('name.full must be at most 100 characters');
  if (!m.description?.short || String(m.description.short).length > 80) problems.push('description.short is required, at most 80 characters');
  if (!m.description?.full || String(m.description.full).length > 4000) problems.push('description.full is required, at most 4000 characters');
  if (!/^#[0-9a-f]{6}$/i.test(String(m.accentColor))) problems.push('accentColor must be #RRGGBB');
  if (!m.icons?.color || !m.icons?.outline) problems.push('icons.color and icons.outline are required');
  const bot = Array.isArray(m.bots) ? m.bots[0] : undefined;
  if (!bot) problems.push('bots must list the bot');
  else {
    if (bot.botId !== m.id) problems.push('bots[0].botId must be the app id');
    if (!Array.isArray(bot.scopes) || !bot.scopes.includes('personal')) problems.push('bots[0].scopes must include personal');
    for (const list of bot.commandLists ?? []) if ((list.commands ?? []).length > 10) problems.push('a command list has more than 10 commands');
  }
  if (!Array.isArray(m.validDomains) || !m.validDomains.length) problems.push('validDomains must list the bot’s domain');
  else for (const d of m.validDomains) if (!DOMAIN.test(String(d))) problems.push(`validDomains: "${d}" is not a host name (no https://, no path)`);
  return problems;
}
