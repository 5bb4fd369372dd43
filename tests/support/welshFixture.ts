import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { OVERLAYS } from '../../knowledge/localeContent';
import { webChatEnglish } from '../../knowledge/webChatStrings';
import type { OverlayWords } from '../../knowledge/overlay';
import { DEFAULT_PATHS, type ContentPaths } from '../../scripts/validate';

const ROOT = path.resolve(__dirname, '..', '..');

type Path = Array<string | number>;

function matches(pattern: string, at: Path): boolean {
  const parts = pattern.split('.');
  if (parts.includes('**')) return parts.slice(0, parts.indexOf('**')).every((p, i) => p === '*' || p === String(at[i]));
  return parts.length === at.length && parts.every((p, i) => p === '*' || p === String(at[i]));
}

function leaves(value: unknown, at: Path = []): Array<[Path, unknown]> {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...at, i]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, [...at, k]));
  return [[at, value]];
}

function setAt(target: Record<string, unknown>, at: Path, value: unknown): void {
  let node: Record<string | number, unknown> = target;
  at.forEach((key, i) => {
    if (i === at.length - 1) node[key] = value;
    else node = (node[key] ??= typeof at[i + 1] === 'number' ? [] : {}) as Record<string | number, unknown>;
  });
}

/** The required words of an English file, each marked "[cy] …": a stand-in for a translator's overlay. */
function overlayOf(englishFile: string, spec: OverlayWords): string {
  const out: Record<string, unknown> = {};
  for (const [at, value] of leaves(parse(fs.readFileSync(englishFile, 'utf8')))) {
    if (spec.words.some((p) => matches(p, at))) setAt(out, at, `[cy] ${String(value)}`);
  }
  return stringify(out);
}

/**
 * A copy of the project's content with a complete stand-in Welsh translation laid out as the
 * convention says (knowledge/localeContent.ts): the English words copied into each cy-GB file or
 * folder, so a test can take one piece away and see validate name it. Not Welsh: the shape only.
 */
export function welshFixture(options: { declare?: boolean } = {}): { root: string; paths: ContentPaths } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-welsh-'));
  // The project's own Welsh (being translated) is left out: the stand-in is complete and known.
  const copy = (from: string) =>
    fs.cpSync(path.join(ROOT, from), path.join(root, from), { recursive: true, filter: (f) => !/\.ts$/.test(f) && !f.split(path.sep).includes('cy-GB') });
  for (const dir of ['knowledge', 'intents', 'services', 'deploymentTemplates/teams']) copy(dir);
  const k = (...p: string[]) => path.join(root, 'knowledge', ...p);
  const i = (...p: string[]) => path.join(root, 'intents', ...p);
  const cp = (from: string, to: string) => fs.cpSync(from, to, { recursive: true });
  cp(k('messages', 'en-GB'), k('messages', 'cy-GB'));
  // numbers.yaml: another language holds only its own numbers, counts and ordinals (the rest is read from English in every
  // language), and its street types (a street with its type first), here the project's Welsh ones as dates.yaml's are.
  const numbers = parse(fs.readFileSync(k('messages', 'en-GB', 'numbers.yaml'), 'utf8')) as Record<string, unknown>;
  const welshNumbers = parse(fs.readFileSync(path.join(ROOT, 'knowledge', 'messages', 'cy-GB', 'numbers.yaml'), 'utf8')) as Record<string, unknown>;
  fs.writeFileSync(
    k('messages', 'cy-GB', 'numbers.yaml'),
    stringify({ numbers: numbers.numbers, counts: numbers.counts, ordinals: numbers.ordinals, street_types: welshNumbers.street_types }),
  );
  // dates.yaml: another language holds the words its date reader puts into English (the English ones are read in every language).
  cp(path.join(ROOT, 'knowledge', 'messages', 'cy-GB', 'dates.yaml'), k('messages', 'cy-GB', 'dates.yaml'));
  fs.writeFileSync(k('messages', 'cy-GB', 'webchat.yaml'), stringify(Object.fromEntries(Object.entries(webChatEnglish()).map(([id, w]) => [id, `[cy] ${w}`]))));
  fs.mkdirSync(k('articles', 'cy-GB'));
  for (const f of fs.readdirSync(k('articles')).filter((n) => n.endsWith('.md') && n !== 'README.md')) cp(k('articles', f), k('articles', 'cy-GB', f));
  fs.mkdirSync(i('data', 'cy-GB'));
  for (const f of fs.readdirSync(i('data')).filter((n) => n.endsWith('.yaml'))) cp(i('data', f), i('data', 'cy-GB', f));
  fs.mkdirSync(i('risk', 'cy-GB'));
  for (const f of fs.readdirSync(i('risk')).filter((n) => /^[a-z_]+\.yaml$/.test(n))) cp(i('risk', f), i('risk', 'cy-GB', f));
  for (const f of ['safeguarding-rules.yaml', 'tone.yaml']) cp(i(f), i('cy-GB', f));
  cp(i('entities', 'bin-types.yaml'), i('entities', 'cy-GB', 'bin-types.yaml'));
  cp(k('synonyms.yaml'), k('cy-GB', 'synonyms.yaml'));
  const overlay = (english: string, spec: OverlayWords) => {
    fs.mkdirSync(path.join(path.dirname(english), 'cy-GB'), { recursive: true });
    fs.writeFileSync(path.join(path.dirname(english), 'cy-GB', path.basename(english)), overlayOf(english, spec));
  };
  overlay(k('chat-page.yaml'), OVERLAYS.chatPage);
  overlay(k('delivery-messages.yaml'), OVERLAYS.deliveryMessages);
  overlay(k('service-requests.yaml'), OVERLAYS.serviceRequests);
  overlay(k('contact-centre.yaml'), OVERLAYS.contactCentre);
  overlay(k('council.yaml'), OVERLAYS.council);
  overlay(i('risk-taxonomy.yaml'), OVERLAYS.riskTaxonomy);
  for (const f of fs.readdirSync(path.join(root, 'services')).filter((n) => n.endsWith('.yaml'))) overlay(path.join(root, 'services', f), OVERLAYS.service);
  const teams = path.join(root, 'deploymentTemplates', 'teams');
  const manifest = JSON.parse(fs.readFileSync(path.join(teams, 'manifest.json'), 'utf8')) as Record<string, unknown> & {
    name: { short: string; full: string };
    description: { short: string; full: string };
    bots: Array<{ commandLists: Array<{ commands: Array<{ title: string; description: string }> }> }>;
  };
  const words: Record<string, string> = {
    $schema: 'https://developer.microsoft.com/en-us/json-schemas/teams/v1.17/MicrosoftTeams.Localization.schema.json',
    'name.short': `[cy] ${manifest.name.short}`,
    'name.full': `[cy] ${manifest.name.full}`,
    'description.short': `[cy] ${manifest.description.short}`,
    'description.full': `[cy] ${manifest.description.full}`,
  };
  manifest.bots.forEach((b, bi) =>
    b.commandLists.forEach((l, li) =>
      l.commands.forEach((c, ci) => {
        words[`bots[${bi}].commandLists[${li}].commands[${ci}].title`] = c.title;
        words[`bots[${bi}].commandLists[${li}].commands[${ci}].description`] = c.description;
      }),
    ),
  );
  fs.writeFileSync(path.join(teams, 'cy.json'), JSON.stringify(words, null, 2));
  const profile = k('council.yaml');
  const languages = options.declare === false ? 'languages: [en-GB]' : 'languages: [en-GB, cy-GB]';
  fs.writeFileSync(profile, fs.readFileSync(profile, 'utf8').replace(/^languages: .*$/m, languages));
  const re = (p: string | undefined) => p && path.join(root, path.relative(ROOT, p));
  return {
    root,
    paths: {
      ...DEFAULT_PATHS,
      intentsDir: re(DEFAULT_PATHS.intentsDir)!,
      safeguardingRules: re(DEFAULT_PATHS.safeguardingRules)!,
      riskTaxonomy: re(DEFAULT_PATHS.riskTaxonomy),
      riskDataDir: re(DEFAULT_PATHS.riskDataDir),
      tone: re(DEFAULT_PATHS.tone),
      councilProfile: re(DEFAULT_PATHS.councilProfile)!,
      articlesDir: re(DEFAULT_PATHS.articlesDir),
      synonyms: re(DEFAULT_PATHS.synonyms),
      servicesDir: re(DEFAULT_PATHS.servicesDir),
      teamsDir: re(DEFAULT_PATHS.teamsDir),
    },
  };
}
