import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Request, Response, Server } from 'restify';
import type { RouteModule } from '../../platform/http/routeModule';
import { themeCss, type CouncilTheme } from './councilTheme';
import { markdownToHtml } from './markdownPage';
import type { PageText } from './pageText';

export interface WebModuleOptions {
  webDir: string;
  /** The accessibility statement (docs/accessibility.md), served at /accessibility. */
  accessibilityStatement: string;
  /** The official Web Chat bundle (node_modules/botframework-webchat/dist/webchat.js). */
  webChatBundle: string;
  theme: CouncilTheme;
  /** The words the page's script shows and announces (knowledge/chat-page.yaml). */
  text: PageText;
  /** The council's short name (knowledge/council.yaml), as in "Sam from Anytown Council". */
  councilName: string;
  mode: 'local' | 'azure';
  /** Extra origins the page may connect to (Azure's Direct Line in azure mode). */
  connectOrigins: string[];
  /** CSP frame-ancestors directive: the council sites that may embed the page (ALLOWED_EMBEDDERS). */
  frameAncestors: string;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The resident's chat page (`GET /`, from the web/index.html template and the council theme),
 * its assets, `GET /embed.js` for council web sites, and the official Web Chat bundle served
 * from node_modules (no CDN).
 */
export class WebModule implements RouteModule {
  readonly servesPage = true;
  private readonly cache = new Map<string, { raw: Buffer; gzip: Buffer }>();

  constructor(private readonly options: WebModuleOptions) {}

  register(server: Server): void {
    server.get('/', async (req: Request, res: Response) => this.page(req, res));
    server.get('/accessibility', async (_req: Request, res: Response) => this.statement(res));
    server.get('/embed.js', async (req: Request, res: Response) => this.file(req, res, path.join(this.options.webDir, 'embed.js')));
    // eslint-disable-next-line @typescript-eslint/require-await -- restify takes a (req, res) handler only as an AsyncFunction
    server.get('/council-theme.json', async (_req: Request, res: Response) => {
      res.header('Cache-Control', 'no-cache');
      // embed.js on the council's own site reads it across origins; it holds nothing private.
      res.header('Access-Control-Allow-Origin', '*');
      res.send(200, this.publicTheme());
    });
    server.get('/vendor/webchat.js', async (req: Request, res: Response) => this.file(req, res, this.options.webChatBundle, 'public, max-age=86400'));
    server.get('/assets/:file', async (req: Request, res: Response) => {
      const name = String(req.params.file ?? '');
      if (!/^[A-Za-z0-9_-]+(\.[A-Za-z0-9]+)+$/.test(name)) return void res.send(404, { error: 'not found' });
      return this.file(req, res, path.join(this.options.webDir, 'assets', name));
    });
  }

  private publicTheme() {
    const { name, assistantName, logo, website, privacyNotice, colours } = this.options.theme;
    return { name, assistantName, logo, website, privacyNotice, colours };
  }

  private async page(req: Request, res: Response): Promise<void> {
    const t = this.options.theme;
    const template = await fs.promises.readFile(path.join(this.options.webDir, 'index.html'), 'utf8');
    const embedded = req.query?.embed === '1';
    const config = {
      mode: this.options.mode,
      tokenUrl: '/api/directline/token',
      embedded,
      theme: this.publicTheme(),
      text: this.options.text,
      councilName: this.options.councilName,
    };
    const values: Record<string, string> = {
      name: escapeHtml(t.name),
      assistantName: escapeHtml(t.assistantName),
      logo: escapeHtml(t.logo),
      website: escapeHtml(t.website),
      privacyNotice: escapeHtml(t.privacyNotice),
      bodyClass: embedded ? 'embedded' : '',
      themeCss: themeCss(t),
      // JSON inside <script type="application/json">: "<" escaped so it can never close the tag.
      config: JSON.stringify(config).replace(/</g, '\\u003c'),
    };
    const html = template.replace(/\{\{(\w+)\}\}/g, (_m, key: string) => values[key] ?? '');
    const body = Buffer.from(html);
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': body.length,
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'same-origin',
      'Content-Security-Policy': [
        "default-src 'self'",
        "script-src 'self'",
        // Web Chat styles itself with inline <style> elements.
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob: https:",
        `connect-src 'self' ws: wss: ${this.options.connectOrigins.join(' ')}`.trim(),
        "base-uri 'none'",
        "form-action 'none'",
        "object-src 'none'",
        this.options.frameAncestors,
      ].join('; '),
    });
    res.end(body);
  }

  private async statement(res: Response): Promise<void> {
    const t = this.options.theme;
    const { title, html } = markdownToHtml(await fs.promises.readFile(this.options.accessibilityStatement, 'utf8'));
    const page =
      `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
      `<title>${escapeHtml(title)}</title><link rel="stylesheet" href="/assets/chat.css"><style>${themeCss(t)}</style></head>` +
      `<body class="statement"><header class="council-header"><div class="council-header__inner"><a class="council-header__home" href="/">` +
      `<img class="council-header__logo" src="${escapeHtml(t.logo)}" alt="" width="40" height="40"><span class="council-header__name">${escapeHtml(t.assistantName)}</span></a></div></header>` +
      `<main class="page statement__body" id="main">${html}<p><a href="/">Back to the chat</a></p></main></body></html>`;
    const body = Buffer.from(page);
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': body.length,
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': `default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' https:; ${this.options.frameAncestors}`,
    });
    res.end(body);
  }

  private async file(req: Request, res: Response, file: string, cacheControl = 'no-cache'): Promise<void> {
    let entry = this.cache.get(file);
    if (!entry) {
      let raw: Buffer;
      try {
        raw = await fs.promises.readFile(file);
      } catch {
        res.send(404, { error: 'not found' });
        return;
      }
      entry = { raw, gzip: zlib.gzipSync(raw) };
      // Only the big vendor bundle is worth keeping in memory; the page's own files may be edited while running.
      if (file === this.options.webChatBundle) this.cache.set(file, entry);
    }
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = gzip ? entry.gzip : entry.raw;
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Content-Length': body.length,
      'Cache-Control': cacheControl,
      'X-Content-Type-Options': 'nosniff',
      Vary: 'Accept-Encoding',
      ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
    });
    res.end(body);
  }
}
