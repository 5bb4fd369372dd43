/**
 * npm run teams:package -- --domain <app host name> [--app-id <guid>] [--out <zip>]
 * Builds the Teams app package to upload (Teams admin centre or "Upload a custom app"):
 * manifest.json with the bot id from the configuration (MicrosoftAppId in .env or the
 * environment, or --app-id), and the two icons drawn by scripts/teamsIcons.ts. When the Welsh
 * localisation file (cy.json, Teams' localization schema) is next to the manifest, it goes in too and
 * the manifest's localizationInfo names it (`npm run validate` checks it has every text, with cy-GB declared).
 */
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { checkTeamsManifest, renderTeamsManifest } from './teams/teamsManifest';
import { colorIcon, outlineIcon } from './teamsIcons';
import { loadDotEnv } from '../bot/dotEnv';

export const ROOT = path.resolve(__dirname, '..');
export const MANIFEST_TEMPLATE = path.join(ROOT, 'deploymentTemplates', 'teams', 'manifest.json');
export const DEFAULT_OUT = path.join(ROOT, 'dist', 'teams', 'council-assistant-teams.zip');

export interface PackageOptions {
  appId?: string;
  domain?: string;
  out?: string;
  /** The manifest template; its folder may hold cy.json. Default: deploymentTemplates/teams/manifest.json. */
  template?: string;
}

/** Teams' localization files next to the template: the Welsh one (cy.json) when there. */
const LOCALISATIONS = [{ languageTag: 'cy', file: 'cy.json' }];

export class TeamsPackageError extends Error {}

/** Writes the zip and returns its path; throws TeamsPackageError naming what is missing or wrong. */
export async function buildTeamsPackage(options: PackageOptions): Promise<string> {
  if (!options.appId) throw new TeamsPackageError('MicrosoftAppId is not set: put the bot’s app id in .env (MicrosoftAppId=…) or pass --app-id');
  if (!options.domain)
    throw new TeamsPackageError('--domain is required: the host name the assistant is served from, e.g. anytown-assistant.azurewebsites.net');
  const domain = options.domain.replace(/^https?:\/\//, '').replace(/\/.*$/, '');
  const template = options.template ?? MANIFEST_TEMPLATE;
  const manifest = renderTeamsManifest(fs.readFileSync(template, 'utf8'), { appId: options.appId, domain });
  const localisations = LOCALISATIONS.filter((l) => fs.existsSync(path.join(path.dirname(template), l.file)));
  if (localisations.length) manifest.localizationInfo = { defaultLanguageTag: 'en-gb', additionalLanguages: localisations };
  const problems = checkTeamsManifest(manifest);
  if (problems.length) throw new TeamsPackageError(`the Teams manifest is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  const zip = new JSZip();
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  zip.file(manifest.icons!.color!, colorIcon(manifest.accentColor!));
  zip.file(manifest.icons!.outline!, outlineIcon());
  for (const l of localisations) zip.file(l.file, fs.readFileSync(path.join(path.dirname(template), l.file)));
  const out = options.out ?? DEFAULT_OUT;
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return out;
}

function argValue(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

async function main(argv: string[]): Promise<number> {
  loadDotEnv();
  try {
    // The same MicrosoftAppId setting the assistant runs with (.env or the environment). Only the id
    // is needed here, so the rest of the runtime configuration (passwords…) is not required.
    const out = await buildTeamsPackage({
      appId: argValue(argv, '--app-id') ?? (process.env.MicrosoftAppId?.trim() || undefined),
      domain: argValue(argv, '--domain'),
      out: argValue(argv, '--out'),
    });
    process.stdout.write(`Teams app package: ${path.relative(process.cwd(), out)}\n`);
    return 0;
  } catch (err) {
    if (err instanceof TeamsPackageError) {
      process.stderr.write(`teams:package: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

if (require.main === module) void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
