import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { checkTeamsManifest, MANIFEST_VERSION, renderTeamsManifest } from '../../scripts/teams/teamsManifest';
import { colorIcon, outlineIcon } from '../../scripts/teamsIcons';
import { buildTeamsPackage, MANIFEST_TEMPLATE, ROOT, TeamsPackageError } from '../../scripts/teamsPackage';
import { tempDir } from './support';

const APP_ID = '3f2a7c1e-0b6d-4e8a-9c5f-1d2e3f4a5b6c';
const DOMAIN = 'anytown-assistant.azurewebsites.net';
const dir = tempDir('teams-package');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function pixels(png: PNG): Array<[number, number, number, number]> {
  const out: Array<[number, number, number, number]> = [];
  for (let i = 0; i < png.data.length; i += 4) out.push([png.data[i], png.data[i + 1], png.data[i + 2], png.data[i + 3]]);
  return out;
}

describe('Teams app icons', () => {
  it('colour icon is 192×192 and opaque, in the accent colour with a white symbol', () => {
    const png = PNG.sync.read(colorIcon('#1D5C96'));
    expect([png.width, png.height]).toEqual([192, 192]);
    const px = pixels(png);
    expect(px.every((p) => p[3] === 255)).toBe(true);
    expect(px.filter((p) => p[0] === 0x1d && p[1] === 0x5c && p[2] === 0x96).length).toBeGreaterThan(px.length / 3);
    expect(px.some((p) => p[0] === 255 && p[1] === 255 && p[2] === 255)).toBe(true);
  });

  it('outline icon is 32×32, only white and transparent', () => {
    const png = PNG.sync.read(outlineIcon());
    expect([png.width, png.height]).toEqual([32, 32]);
    const px = pixels(png);
    expect(px.every((p) => p[3] === 0 || (p[3] === 255 && p[0] === 255 && p[1] === 255 && p[2] === 255))).toBe(true);
    const white = px.filter((p) => p[3] === 255).length;
    expect(white).toBeGreaterThan(40);
    expect(white).toBeLessThan(px.length / 2);
  });
});

describe('Teams manifest', () => {
  it(`uses manifest schema ${MANIFEST_VERSION}, personal scope, the bot id, valid domains, privacy and terms URLs`, () => {
    const m = renderTeamsManifest(fs.readFileSync(MANIFEST_TEMPLATE, 'utf8'), { appId: APP_ID, domain: DOMAIN });
    expect(checkTeamsManifest(m)).toEqual([]);
    expect(m.id).toBe(APP_ID);
    expect(m.bots?.[0].botId).toBe(APP_ID);
    expect(m.bots?.[0].scopes).toEqual(['personal']);
    expect(m.bots?.[0].supportsFiles).toBe(false);
    expect(m.validDomains).toContain(DOMAIN);
    expect(m.developer?.privacyUrl).toMatch(/^https:\/\//);
    expect(m.developer?.termsOfUseUrl).toMatch(/^https:\/\//);
  });

  it('names what Teams would reject', () => {
    const m = renderTeamsManifest(fs.readFileSync(MANIFEST_TEMPLATE, 'utf8'), { appId: 'not-a-guid', domain: 'https://x.example/path' });
    m.name!.short = 'An assistant name far longer than thirty characters';
    delete m.developer!.privacyUrl;
    const problems = checkTeamsManifest(m);
    expect(problems).toEqual(
      expect.arrayContaining([
        'id must be a GUID (the bot’s Microsoft App ID)',
        'developer.privacyUrl must be an https URL',
        'name.short is required, at most 30 characters',
        'validDomains: "https://x.example/path" is not a host name (no https://, no path)',
      ]),
    );
    expect(checkTeamsManifest(JSON.parse(fs.readFileSync(MANIFEST_TEMPLATE, 'utf8')))[0]).toMatch(
      /placeholders not filled in: \{\{MicrosoftAppId\}\}, \{\{BotDomain\}\}/,
    );
  });
});

describe('npm run teams:package', () => {
  it('builds the zip to upload: manifest at the root with both icons, and the Welsh localisation file', async () => {
    const out = await buildTeamsPackage({ appId: APP_ID, domain: `https://${DOMAIN}/`, out: path.join(dir, 'app.zip') });
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'cy.json', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
    expect(manifest.bots[0].botId).toBe(APP_ID);
    expect(manifest.validDomains).toContain(DOMAIN);
    expect(PNG.sync.read(await zip.file('color.png')!.async('nodebuffer')).width).toBe(192);
    expect(PNG.sync.read(await zip.file('outline.png')!.async('nodebuffer')).width).toBe(32);
  });

  it('puts the Welsh localisation file in the zip, named in localizationInfo, when it is next to the manifest', async () => {
    const templates = fs.mkdtempSync(path.join(dir, 'teams-'));
    fs.copyFileSync(MANIFEST_TEMPLATE, path.join(templates, 'manifest.json'));
    fs.writeFileSync(path.join(templates, 'cy.json'), JSON.stringify({ 'name.short': 'Cynorthwyydd Anytown' }));
    const out = await buildTeamsPackage({ appId: APP_ID, domain: DOMAIN, out: path.join(dir, 'cy.zip'), template: path.join(templates, 'manifest.json') });
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'cy.json', 'manifest.json', 'outline.png']);
    expect(JSON.parse(await zip.file('manifest.json')!.async('string')).localizationInfo).toEqual({
      defaultLanguageTag: 'en-gb',
      additionalLanguages: [{ languageTag: 'cy', file: 'cy.json' }],
    });
    expect(JSON.parse(await zip.file('cy.json')!.async('string'))['name.short']).toBe('Cynorthwyydd Anytown');
  });

  it('refuses to build without the bot id, naming MicrosoftAppId', async () => {
    await expect(buildTeamsPackage({ domain: DOMAIN, out: path.join(dir, 'x.zip') })).rejects.toThrow(TeamsPackageError);
    await expect(buildTeamsPackage({ domain: DOMAIN, out: path.join(dir, 'x.zip') })).rejects.toThrow(/MicrosoftAppId/);
    await expect(buildTeamsPackage({ appId: APP_ID, out: path.join(dir, 'x.zip') })).rejects.toThrow(/--domain is required/);
  });

  it('takes the bot id from the configuration when run as a command', () => {
    const out = path.join(dir, 'cli.zip');
    const env = { ...process.env, MicrosoftAppId: APP_ID };
    const stdout = execFileSync(
      process.execPath,
      [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(ROOT, 'scripts', 'teamsPackage.ts'), '--domain', DOMAIN, '--out', out],
      { env, cwd: dir, encoding: 'utf8' },
    );
    expect(stdout).toContain('Teams app package');
    expect(fs.existsSync(out)).toBe(true);
  });
});
