import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Request, Response, Server } from 'restify';
import type { RouteModule } from '../../platform/http/routeModule';
import { themeCss, type CouncilTheme } from './councilTheme';
import { markdownToHtml } from './markdownPage';
import { LANGUAGE_NAMES, SUPPORTED_LOCALES } from '../../knowledge/locales';
import { matchLocale, preferredLocale } from './pageLanguage';
import type { PageText } from './pageText';

/** One language the page is served in (the council's `languages`, English first). */
export interface PageLanguage {
  /** 'en-GB' or 'cy-GB': the page's `lang`, Web Chat's locale and the locale of what the page sends. */
  locale: string;
  /** The language's name in itself ("Cymraeg"): the link to it from the other languages' pages, and its address (/cymraeg). */
  name: string;
  /** The page's words in this language (knowledge/chat-page.yaml, or its overlay). */
  text: PageText;
  /** The council's shortName in this language, as in "Sam from Anytown Council". */
  councilName: string;
  /** The council's name, web site and privacy notice as this language's page shows them. */
  council: { name: string; website: string; privacyNotice: string };
  /** Web Chat's own interface strings in this language (knowledge/messages/<locale>/webchat.yaml); none for English, Web Chat's own. */
  webChatStrings?: Record<string, string>;
}

export interface WebModuleOptions {
  webDir: string;
  /** The accessibility statement (docs/accessibility.md), served at /accessibility. */
  accessibilityStatement: string;
  /** The official Web Chat bundle (node_modules/botframework-webchat/dist/webchat.js). */
  webChatBundle: string;
  theme: CouncilTheme;
  /** The languages the council declares, English (the default) first: the page in each. */
  languages: PageLanguage[];
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

/** A sentence of the page's words with its {link} as a link (the words escaped; `href` already escaped). */
const withLink = (sentence: string, href: string, linkText: string) => escapeHtml(sentence).replace('{link}', `<a href="${href}">${escapeHtml(linkText)}</a>`);

/**
 * The resident's chat page (`GET /`, from the web/index.html template and the council theme),
 * its assets, `GET /embed.js` for council web sites, and the official Web Chat bundle served
 * from node_modules (no CDN). The page is in each language the council declares: `/cymraeg` and
 * `/english` (each language's name in itself), `/?lang=cy`, else the browser's Accept-Language,
 * else English; a council with English alone serves English whatever is asked.
 */
export class WebModule implements RouteModule {
  readonly servesPage = true;
  private readonly cache = new Map<string, { raw: Buffer; gzip: Buffer }>();

  constructor(private readonly options: WebModuleOptions) {}

  register(server: Server): void {
    server.get('/', async (req: Request, res: Response) => this.page(req, res, this.chosen(req)));
    for (const locale of SUPPORTED_LOCALES) {
      const address = `/${LANGUAGE_NAMES[locale].toLowerCase()}`;
      server.get(address, async (req: Request, res: Response) => this.page(req, res, this.language(locale) ?? this.options.languages[0]));
    }
    server.get('/accessibility', async (req: Request, res: Response) => this.statement(res, this.chosen(req)));
    server.get('/embed.js', async (req: Request, res: Response) => this.file(req, res, path.join(this.options.webDir, 'embed.js')));
    // eslint-disable-next-line @typescript-eslint/require-await -- restify takes a (req, res) handler only as an AsyncFunction
    server.get('/council-theme.json', async (req: Request, res: Response) => {
      res.header('Cache-Control', 'no-cache');
      res.header('Vary', 'Accept-Language');
      // embed.js on the council's own site reads it across origins; it holds nothing private.
      res.header('Access-Control-Allow-Origin', '*');
      // With the embed's words in the language the council's page asks for (?lang=), as the page's are chosen.
      const language = this.chosen(req);
      res.send(200, { ...this.publicTheme(language), locale: language.locale, embed: language.text.embed });
    });
    server.get('/vendor/webchat.js', async (req: Request, res: Response) => this.file(req, res, this.options.webChatBundle, 'public, max-age=86400'));
    server.get('/assets/:file', async (req: Request, res: Response) => {
      const name = String(req.params.file ?? '');
      if (!/^[A-Za-z0-9_-]+(\.[A-Za-z0-9]+)+$/.test(name)) return void res.send(404, { error: 'not found' });
      return this.file(req, res, path.join(this.options.webDir, 'assets', name));
    });
  }

  /** What the page and the embed show of the council and its assistant, in a language: its names and pages, the theme's logo and colours. */
  private publicTheme(language: PageLanguage) {
    const { logo, colours } = this.options.theme;
    return { ...language.council, assistantName: language.text.assistantName, logo, colours };
  }

  /** The declared language `tag` names ("cy", "cy-GB"), if the council declares it. */
  private language(tag: string | undefined): PageLanguage | undefined {
    const locale = matchLocale(
      tag,
      this.options.languages.map((l) => l.locale),
    );
    return this.options.languages.find((l) => l.locale === locale);
  }

  /** The page's language: `?lang=`, else the browser's Accept-Language, else English (the first declared). */
  private chosen(req: Request): PageLanguage {
    const lang = typeof req.query?.lang === 'string' ? req.query.lang : undefined;
    const preferred = preferredLocale(
      req.headers['accept-language'],
      this.options.languages.map((l) => l.locale),
    );
    return this.language(lang) ?? this.language(preferred) ?? this.options.languages[0];
  }

  /** Where a language's page is: its own address when the council has several, else `/`. */
  private address(language: PageLanguage, embedded = false): string {
    const own = this.options.languages.length > 1 ? `/${language.name.toLowerCase()}` : '/';
    return embedded ? `${own}?embed=1` : own;
  }

  private async page(req: Request, res: Response, language: PageLanguage): Promise<void> {
    const t = this.options.theme;
    const template = await fs.promises.readFile(path.join(this.options.webDir, 'index.html'), 'utf8');
    const embedded = req.query?.embed === '1';
    const words = language.text.page;
    const council = language.council;
    const config = {
      mode: this.options.mode,
      tokenUrl: '/api/directline/token',
      embedded,
      theme: this.publicTheme(language),
      text: language.text,
      councilName: language.councilName,
      locale: language.locale,
      webChatStrings: language.webChatStrings ?? {},
      // Each language's page, so the page can follow the conversation into another.
      pages: Object.fromEntries(this.options.languages.map((l) => [l.locale, this.address(l, embedded)])),
    };
    const others = this.options.languages.filter((l) => l !== language);
    const values: Record<string, string> = {
      lang: escapeHtml(language.locale),
      name: escapeHtml(council.name),
      assistantName: escapeHtml(language.text.assistantName),
      logo: escapeHtml(t.logo),
      website: escapeHtml(council.website),
      privacyNotice: escapeHtml(council.privacyNotice),
      bodyClass: embedded ? 'embedded' : '',
      themeCss: themeCss(t),
      skipLink: escapeHtml(words.skipLink),
      heading: escapeHtml(words.heading),
      intro: escapeHtml(words.intro),
      privacy: withLink(words.privacy, escapeHtml(council.privacyNotice), words.privacyLink),
      startAgain: escapeHtml(words.startAgain),
      saveConversation: escapeHtml(words.saveConversation),
      chatLabel: escapeHtml(words.chatLabel),
      loading: escapeHtml(words.loading),
      noScript: withLink(words.noScript, `${escapeHtml(council.website)}/contact-us`, words.noScriptLink),
      footerPrivacy: escapeHtml(words.footerPrivacy),
      footerAccessibility: escapeHtml(words.footerAccessibility),
      footerWebsite: escapeHtml(words.footerWebsite.replace('{council}', council.name)),
      accessibility: escapeHtml(this.options.languages.length > 1 ? `/accessibility?lang=${language.locale}` : '/accessibility'),
      // The other languages, each by its own name in itself (and said in it: its lang).
      languageLinks: others
        .map(
          (l) =>
            `<a class="council-header__language" href="${escapeHtml(this.address(l, embedded))}" lang="${escapeHtml(l.locale)}" hreflang="${escapeHtml(l.locale)}">${escapeHtml(l.name)}</a>`,
        )
        .join(''),
      // JSON inside <script type="application/json">: "<" escaped so it can never close the tag.
      config: JSON.stringify(config).replace(/</g, '\\u003c'),
    };
    const html = template.replace(/\{\{(\w+)\}\}/g, (_m, key: string) => values[key] ?? '');
    const body = Buffer.from(html);
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': body.length,
      'Content-Language': language.locale,
      // `/` is in the language the browser asks for, when it asks for none itself.
      Vary: 'Accept-Language',
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

  /**
   * The accessibility statement (docs/accessibility.md, written in English). In another language the
   * page around it is in that language, with a note that the statement is in English, and the
   * statement itself marked as English.
   */
  private async statement(res: Response, language: PageLanguage): Promise<void> {
    const t = this.options.theme;
    const words = language.text.page;
    const english = language === this.options.languages[0];
    const { title, html } = markdownToHtml(await fs.promises.readFile(this.options.accessibilityStatement, 'utf8'));
    const chat = escapeHtml(this.address(language));
    const content = english
      ? html
      : `<p class="statement__language">${escapeHtml(words.statementNotTranslated)}</p><div lang="${escapeHtml(this.options.languages[0].locale)}">${html}</div>`;
    const page =
      `<!doctype html><html lang="${escapeHtml(language.locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
      `<title>${escapeHtml(english ? title : `${words.statementTitle} – ${language.text.assistantName}`)}</title><link rel="stylesheet" href="/assets/chat.css"><style>${themeCss(t)}</style></head>` +
      `<body class="statement"><header class="council-header"><div class="council-header__inner"><a class="council-header__home" href="${chat}">` +
      `<img class="council-header__logo" src="${escapeHtml(t.logo)}" alt="" width="40" height="40"><span class="council-header__name">${escapeHtml(language.text.assistantName)}</span></a></div></header>` +
      `<main class="page statement__body" id="main">${content}<p><a href="${chat}">${escapeHtml(words.backToChat)}</a></p></main></body></html>`;
    const body = Buffer.from(page);
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': body.length,
      'Content-Language': language.locale,
      Vary: 'Accept-Language',
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
