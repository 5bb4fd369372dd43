import fs from 'node:fs';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import type { RouteModule } from '../platform/http/routeModule';
import type { UpgradeHandler } from '../platform/http/upgradeRouter';
import type { AgentHub, HubResult } from './agentHub';
import { MAX_AGENT_MESSAGE } from './agentHub';
import type { AgentSockets } from './agentSockets';
import { caseDraft } from './caseDraft';
import { DEFAULT_HANDOFF_LOCALE as DEFAULT_LOCALE, handoffLocale, isWelsh } from '../dialogs/handoffLocale';
import type { ConsoleTexts, InsightsTexts } from '../knowledge/messageFiles';
import { consolePageProblems, fillPage, type ConsolePageWords } from './consolePages';
import { cookie, PRELOGIN_COOKIE, readCookie, SESSION_COOKIE } from './cookies';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { StaffSession, StaffStore } from './staffStore';
import { clientAddress } from '../channels/directline/httpHelpers';
import type { HeldBack } from '../servicerequests/open311/outbox';
import { DEFAULT_REPORT_DAYS, MAX_REPORT_DAYS, type KnowledgeReportData } from '../knowledge/knowledgeReport';
import { InsightWindowError, type InsightsSource } from '../insights/loadInsights';
import { insightCharts, insightTables, toCsv } from '../insights/insightTables';
import type { Granularity } from '../insights/insightsReport';

/** The knowledge report (knowledge/knowledgeReport.ts), for staff with the content role. */
export interface KnowledgeReportSource {
  build(days: number): Promise<KnowledgeReportData>;
}

/** Service requests the back office is refusing to take from the assistant (see OutboxWorker). */
export interface DeliveryAlerts {
  heldBack(): Promise<HeldBack>;
}

const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

const STATIC: Record<string, string> = {
  'console.js': 'text/javascript; charset=utf-8',
  'console.css': 'text/css; charset=utf-8',
  'sign-in.js': 'text/javascript; charset=utf-8',
  'texts.js': 'text/javascript; charset=utf-8',
  'knowledge-report.js': 'text/javascript; charset=utf-8',
  'insights.js': 'text/javascript; charset=utf-8',
};

/** Days shown when the page asks for none: the last 30, today included. */
const DEFAULT_INSIGHT_DAYS = 30;

function sameToken(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The words of the console's own pages (console-pages.yaml), of the insights' tables (insights.yaml) and what it tells
 * staff (console.yaml), in one of the console's languages.
 */
export interface StaffPageWords extends ConsolePageWords {
  insights: InsightsTexts;
  words: ConsoleTexts;
}

/** The cookie that keeps the language a member of staff chose for the console (`?lang=cy` on any of its pages). */
const LANGUAGE_COOKIE = 'ca_staff_lang';
const YEAR_SECONDS = 365 * 86_400;

/**
 * The agent console at /agent: sign-in (scrypt hashes, HttpOnly SameSite=Strict session
 * cookie, CSRF tokens, lock-out), the console page, and its JSON API under /agent/api/
 * where every route needs a staff session (401 without one).
 */
export class AgentConsole implements RouteModule {
  readonly upgrades: UpgradeHandler[];

  constructor(
    private readonly hub: AgentHub,
    private readonly staff: StaffStore,
    private readonly sockets: AgentSockets,
    /** The canned replies staff may send, by the resident's language (en-GB, cy-GB: knowledge/contact-centre.yaml and its overlays). */
    private readonly cannedReplies: Readonly<Record<string, readonly string[]>>,
    /** What staff are told (console.yaml) in the default language: refused requests from the console's own scripts. */
    private readonly words: ConsoleTexts,
    /** The words of its pages, of the insights' tables and of sign-in, in each language staff may choose; the first is the default. */
    private readonly languages: readonly StaffPageWords[],
    private readonly webDir: string,
    private readonly sessionSeconds: number,
    /** TRUST_PROXY: take the client address from X-Forwarded-For (for the per-address sign-in limit). */
    private readonly trustProxy = false,
    private readonly deliveries?: DeliveryAlerts,
    private readonly knowledgeReport?: KnowledgeReportSource,
    /** Benefits insight (insights/), for staff with the manager role. */
    private readonly insights?: InsightsSource,
  ) {
    this.upgrades = [sockets];
    // A page naming a word console-pages.yaml lacks would show its id: refuse to start, as npm run validate does.
    const problems = consolePageProblems(webDir).filter((p) => p.file !== webDir);
    if (problems.length) throw new Error(problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('; '));
  }

  /** The insights for the window the request asks for (the last 30 days by default), or an answer saying why not. */
  private async insightsFor(req: Request, res: Response, s: StaffSession) {
    const { words, insights } = this.languageOf(req);
    if (!s.roles.includes('manager')) return void res.send(403, { error: words.say('needs_manager_role') });
    if (!this.insights) return void res.send(404, { error: words.say('not_found') });
    const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
    const today = new Date();
    const start = new Date(today.getTime() - (DEFAULT_INSIGHT_DAYS - 1) * 86_400_000);
    const from = query.get('from') || start.toISOString().slice(0, 10);
    const to = query.get('to') || today.toISOString().slice(0, 10);
    const by = (query.get('by') || 'day') as Granularity;
    if (!['day', 'week', 'month'].includes(by)) return void res.send(400, { error: words.say('show_by_invalid') });
    try {
      const report = await this.insights.build(from, to, by, insights.say('savings_method'));
      await this.staff.audit(s.staff.id, 'view', 'insights');
      return report;
    } catch (err) {
      if (!(err instanceof InsightWindowError)) return void res.send(400, { error: (err as Error).message });
      const { problem, got } = err;
      return void res.send(400, {
        error: problem === 'order' ? words.say('last_day_before_first') : words.say(problem === 'from' ? 'first_day_invalid' : 'last_day_invalid', { got }),
      });
    }
  }

  register(server: Server): void {
    this.sockets.start();

    server.get('/agent', async (req: Request, res: Response) => {
      if (!(await this.staff.session(readCookie(req, SESSION_COOKIE)))) return this.redirect(res, '/agent/sign-in');
      return this.page(req, res, 'index.html', 200);
    });
    // The page is for any signed-in member of staff: without the content role it says so (its API answers 403).
    server.get('/agent/knowledge-report', async (req: Request, res: Response) => {
      if (!(await this.staff.session(readCookie(req, SESSION_COOKIE)))) return this.redirect(res, '/agent/sign-in');
      return this.page(req, res, 'knowledge-report.html', 200);
    });
    server.get('/agent/insights', async (req: Request, res: Response) => {
      if (!(await this.staff.session(readCookie(req, SESSION_COOKIE)))) return this.redirect(res, '/agent/sign-in');
      return this.page(req, res, 'insights.html', 200);
    });
    server.get('/agent/sign-in', async (req: Request, res: Response) => this.signInPage(req, res, 200));
    server.post('/agent/sign-in', async (req: Request, res: Response) => this.signIn(req, res));
    server.get('/agent/:file', async (req: Request, res: Response) => {
      const file = String(req.params.file);
      if (!STATIC[file]) return res.send(404, { error: this.words.say('not_found') });
      const data = await fs.promises.readFile(path.join(this.webDir, file));
      res.writeHead(200, { 'Content-Type': STATIC[file], 'Content-Length': data.length, 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' });
      res.end(data);
    });

    const api = (method: 'get' | 'post', route: string, handler: (req: Request, res: Response, session: StaffSession) => void | Promise<void>) => {
      server[method](route, async (req: Request, res: Response) => {
        const session = await this.staff.session(readCookie(req, SESSION_COOKIE));
        if (!session) return void res.send(401, { error: this.words.say('session_needed') });
        if (method === 'post' && !sameToken(String(req.headers['x-csrf-token'] ?? ''), session.csrfToken)) {
          return void res.send(403, { error: this.words.say('csrf_refused') });
        }
        res.header('Cache-Control', 'no-store');
        await handler(req, res, session);
      });
    };

    api('get', '/agent/api/me', (_req, res, s) => void res.send(200, { staff: s.staff, roles: s.roles, csrfToken: s.csrfToken, expiresAt: s.expiresAt }));
    // Questions residents asked that went unanswered (redacted, grouped): content role only.
    api('get', '/agent/api/knowledge-report', async (req, res, s) => {
      if (!s.roles.includes('content')) return void res.send(403, { error: this.words.say('needs_content_role') });
      if (!this.knowledgeReport) return void res.send(404, { error: this.words.say('not_found') });
      const query = new URL(req.url ?? '/', 'http://localhost').searchParams.get('days');
      const days = query === null || query === '' ? DEFAULT_REPORT_DAYS : Number(query);
      if (!Number.isInteger(days) || days < 1 || days > MAX_REPORT_DAYS)
        return void res.send(400, { error: this.words.say('days_invalid', { max: MAX_REPORT_DAYS }) });
      await this.staff.audit(s.staff.id, 'view', 'knowledge_report');
      res.send(200, await this.knowledgeReport.build(days));
    });
    // What the assistant resolved, handed over and missed (no personal data is recorded): manager role only.
    api('get', '/agent/api/insights', async (req, res, s) => {
      const report = await this.insightsFor(req, res, s);
      const { insights } = this.languageOf(req);
      if (report) res.send(200, { report, tables: insightTables(report, insights), charts: insightCharts(report, insights) });
    });
    api('get', '/agent/api/insights/:table', async (req, res, s) => {
      const name = String(req.params.table).replace(/\.csv$/, '');
      const report = await this.insightsFor(req, res, s);
      if (!report) return;
      const table = insightTables(report, this.languageOf(req).insights).find((t) => t.id === name);
      if (!table) return void res.send(404, { error: this.words.say('no_such_table') });
      const body = toCsv(table);
      res.writeHead(200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="insights-${table.id}-${report.from}-to-${report.to}.csv"`,
        'Content-Length': Buffer.byteLength(body),
        'Cache-Control': 'no-store',
      });
      res.end(body);
    });
    api('get', '/agent/api/queue', async (_req, res, s) => void res.send(200, await this.hub.queue({ welshSpeaker: s.roles.includes('welsh') })));
    // Each language's own replies: a Welsh conversation is offered the Welsh ones only (`locale` of a conversation's detail).
    api('get', '/agent/api/canned', (_req, res) => void res.send(200, { replies: this.cannedReplies[DEFAULT_LOCALE] ?? [], byLocale: this.cannedReplies }));
    // For the console's alert: reports kept because the back office refuses the assistant (e.g. a rotated API key).
    api(
      'get',
      '/agent/api/deliveries',
      async (_req, res) => void res.send(200, { heldBack: this.deliveries ? await this.deliveries.heldBack() : { count: 0, oldest: null, lastStatus: null } }),
    );
    api('get', '/agent/api/conversations/:id', async (req, res, s) => {
      const detail = await this.hub.detail(String(req.params.id), s.staff);
      if (!detail) return void res.send(404, { error: this.words.say('no_such_conversation') });
      const { handoff, messages, agentName } = detail;
      res.send(200, {
        id: handoff.id,
        status: handoff.status,
        priority: handoff.priority,
        reason: handoff.reason,
        summary: handoff.summary,
        language: handoff.language,
        locale: handoffLocale(handoff.language),
        welsh: isWelsh(handoff.language),
        queuedAt: handoff.queuedAt,
        agentId: handoff.agentId,
        agentName,
        mine: handoff.agentId === s.staff.id,
        endReason: handoff.endReason,
        context: handoff.context,
        // "Create case", pre-filled from the request so far (or what was captured).
        caseDraft: caseDraft(handoff.summary, handoff.context, this.words),
        messages,
      });
    });
    api('post', '/agent/api/conversations/:id/accept', async (req, res, s) => this.reply(res, await this.hub.accept(s.staff, String(req.params.id))));
    api('post', '/agent/api/conversations/:id/messages', async (req, res, s) => {
      const text = typeof (req.body as { text?: unknown })?.text === 'string' ? (req.body as { text: string }).text.trim() : '';
      if (!text) return void res.send(400, { error: this.words.say('message_empty') });
      if (text.length > MAX_AGENT_MESSAGE) return void res.send(400, { error: this.words.say('message_too_long', { max: MAX_AGENT_MESSAGE }) });
      const result = await this.hub.say(s.staff, String(req.params.id), text);
      if (!result.ok) return this.reply(res, result);
      res.send(201, { ok: true, delivered: result.delivered, message: result.message });
    });
    api('post', '/agent/api/conversations/:id/transfer', async (req, res, s) => this.reply(res, await this.hub.transfer(s.staff, String(req.params.id))));
    api('post', '/agent/api/conversations/:id/end', async (req, res, s) => this.reply(res, await this.hub.end(s.staff, String(req.params.id))));
    api('post', '/agent/api/cases', async (req, res, s) => {
      const body = (req.body ?? {}) as { handoffId?: unknown; fields?: unknown };
      const fields = body.fields && typeof body.fields === 'object' && !Array.isArray(body.fields) ? (body.fields as Record<string, unknown>) : undefined;
      const clean = Object.fromEntries(
        Object.entries(fields ?? {})
          .filter(([k, v]) => typeof v === 'string' && k.length <= 64)
          .map(([k, v]) => [k, (v as string).slice(0, 4000)]),
      );
      if (!clean.summary?.trim()) return void res.send(400, { error: this.words.say('case_needs_summary') });
      const reference = await this.hub.createCase(s.staff, typeof body.handoffId === 'string' ? body.handoffId : null, clean);
      res.send(201, { reference });
    });
    api('post', '/agent/api/callbacks/:id/done', async (req, res, s) => this.reply(res, await this.hub.callbackDone(s.staff, String(req.params.id))));
    api('post', '/agent/api/sign-out', async (req, res, s) => {
      await this.staff.signOut(readCookie(req, SESSION_COOKIE)!, s.staff.id);
      res.header('Set-Cookie', cookie(SESSION_COOKIE, '', req, 0));
      res.send(200, { ok: true });
    });
    // Anything else under /agent/api/: 401 without a session, 404 with one.
    for (const method of ['get', 'post'] as const) {
      server[method]('/agent/api/*', async (req: Request, res: Response) => {
        const session = await this.staff.session(readCookie(req, SESSION_COOKIE));
        res.send(session ? 404 : 401, { error: this.words.say(session ? 'not_found' : 'session_needed') });
      });
    }
  }

  private reply(res: Response, result: HubResult): void {
    if (result.ok) res.send(200, { ok: true });
    else res.send(result.status, { error: result.error });
  }

  private redirect(res: Response, location: string): void {
    res.writeHead(303, { Location: location, 'Cache-Control': 'no-store' });
    res.end();
  }

  /** The language asked for with `?lang=` ("cy", "cy-GB"), else the one chosen before (its cookie), else the default. */
  private languageOf(req: Request): StaffPageWords {
    const asked = new URL(req.url ?? '/', 'http://localhost').searchParams.get('lang') ?? readCookie(req, LANGUAGE_COOKIE) ?? '';
    const code = asked.toLowerCase();
    return this.languages.find((l) => l.locale.toLowerCase() === code || l.locale.split('-')[0].toLowerCase() === code) ?? this.languages[0];
  }

  /**
   * A page with its words in the language of the request (remembered when `?lang=` chose it), `__LANGUAGES__` a link to it
   * in each other language (each named in its own words, `language_name`), and `values` for its other `__NAME__` slots.
   */
  private async page(req: Request, res: Response, file: string, status: number, replace: Record<string, string> = {}): Promise<void> {
    const language = this.languageOf(req);
    const links = this.languages
      .filter((l) => l !== language)
      .map((l) => {
        const code = escapeHtml(l.locale.split('-')[0]);
        return `<a href="?lang=${code}" lang="${code}" hreflang="${code}">${escapeHtml(l.texts.say('language_name'))}</a>`;
      });
    const others: Record<string, string> = links.length ? { LANGUAGES: links.join(' '), LANGUAGES_HIDDEN: '' } : {};
    const html = fillPage(await fs.promises.readFile(path.join(this.webDir, file), 'utf8'), language, { ...others, ...replace });
    if (new URL(req.url ?? '/', 'http://localhost').searchParams.has('lang')) {
      const before = res.getHeader('Set-Cookie');
      const kept = before === undefined ? [] : Array.isArray(before) ? before : [String(before)];
      res.setHeader('Set-Cookie', [...kept, cookie(LANGUAGE_COOKIE, language.locale, req, YEAR_SECONDS)]);
    }
    const data = Buffer.from(html);
    res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': data.length, ...SECURITY_HEADERS });
    res.end(data);
  }

  /** The sign-in form carries a token that must match a cookie set with it (login CSRF). */
  private async signInPage(req: Request, res: Response, status: number, error?: string): Promise<void> {
    const token = randomBytes(24).toString('base64url');
    res.header('Set-Cookie', cookie(PRELOGIN_COOKIE, token, req, 3600));
    await this.page(req, res, 'sign-in.html', status, {
      CSRF: token,
      ERROR: error
        ? `<div class="error-summary" role="alert" tabindex="-1" id="error-summary"><h2>${escapeHtml(this.languageOf(req).words.say('sign_in_problem'))}</h2><p>${escapeHtml(error)}</p></div>`
        : '',
    });
  }

  private async signIn(req: Request, res: Response): Promise<void> {
    const { words } = this.languageOf(req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const username = typeof body.username === 'string' ? body.username : '';
    const password = typeof body.password === 'string' ? body.password : '';
    if (!sameToken(typeof body.csrf === 'string' ? body.csrf : undefined, readCookie(req, PRELOGIN_COOKIE))) {
      return this.signInPage(req, res, 403, words.say('sign_in_form_expired'));
    }
    if (!username.trim() || !password) return this.signInPage(req, res, 400, words.say('sign_in_missing'));
    const result = await this.staff.signIn(username.slice(0, 200), password.slice(0, 1000), clientAddress(req, this.trustProxy));
    if (!result.ok) {
      if (result.limited || result.locked) res.header('Retry-After', String(Math.ceil((result.retryAfterMs ?? 0) / 1000)));
      if (result.limited) return this.signInPage(req, res, 429, words.say('sign_in_limited', { wait: this.waitMinutes(result.retryAfterMs) }));
      return this.signInPage(
        req,
        res,
        result.locked ? 429 : 401,
        result.locked ? words.say('sign_in_locked', { wait: this.waitMinutes(result.retryAfterMs) }) : words.say('sign_in_failed'),
      );
    }
    res.header('Set-Cookie', [cookie(SESSION_COOKIE, result.token, req, this.sessionSeconds), cookie(PRELOGIN_COOKIE, '', req, 0)]);
    this.redirect(res, '/agent');
  }

  /** How long a locked-out member of staff waits, in whole minutes (at least one). */
  private waitMinutes(ms: number | undefined): string {
    const minutes = Math.max(1, Math.ceil((ms ?? 0) / 60_000));
    return this.words.say(minutes === 1 ? 'wait_one' : 'wait_other', { minutes });
  }

  async close(): Promise<void> {
    await this.sockets.close();
  }
}
