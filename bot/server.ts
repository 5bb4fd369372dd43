import fs from 'node:fs';
import path from 'node:path';
import type { Activity, ActivityHandler } from 'botbuilder';
import { activityProblem } from './activityCheck';
import type { CouncilAdapter } from './hosting';
import restify, { type Request, type Response, type Server } from 'restify';
import type { Logger } from '../platform/logger';
import { runReadinessChecks, type ReadinessCheck } from '../platform/http/readiness';
import { bodyGate, depthLimit } from './requestBodyRules';
import { SecurityHeaders } from './securityHeaders';
import type { AppDatabase } from '../platform/storage/database';
import { UpgradeRouter } from '../platform/http/upgradeRouter';
import type { RouteModule } from '../platform/http/routeModule';
import type { HttpTexts } from '../knowledge/messageFiles';

export type { RouteModule };

export interface BotServerOptions {
  adapter: CouncilAdapter;
  bot: ActivityHandler;
  database: AppDatabase;
  logger: Logger;
  version: string;
  webDir: string;
  modules?: RouteModule[];
  /** Named checks behind /readyz, besides those of `modules` (the app adds database and recognizer). */
  readinessChecks?: ReadinessCheck[];
  /** Time limit for each readiness check. */
  readinessTimeoutMs?: number;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
  /** nosniff, frame-ancestors and HSTS on every response (default: framed only by this site, no proxy trusted). */
  securityHeaders?: SecurityHeaders;
  /** The council's words for a failed or refused request (<messagesDir>/<locale>/http.yaml): what a 500 and a 413 say. */
  words: HttpTexts;
}

/**
 * The HTTP face of the assistant: /api/messages (Bot Framework), /healthz, the web page,
 * and whatever routes feature modules add. Tracks requests in flight so that a shutdown
 * finishes them before closing the database.
 */
export class BotServer {
  readonly server: Server;
  private inFlight = 0;
  private drained: Array<() => void> = [];
  private stopping = false;

  constructor(private readonly options: BotServerOptions) {
    const server = restify.createServer({ name: 'council-assistant', handleUncaughtExceptions: false });
    this.server = server;
    const headers = options.securityHeaders ?? new SecurityHeaders({ allowedEmbedders: ["'self'"], trustProxy: false });
    server.pre((req, res, next) => {
      headers.apply(req, res);
      next();
    });
    server.use((_req, _res, next) => {
      this.inFlight++;
      _res.once('close', () => this.requestDone());
      next();
    });
    server.use(restify.plugins.queryParser());
    // Refused before a byte is read: restify's parser would spool multipart files to TMPDIR.
    const maxBodyBytes = options.maxBodyBytes ?? 256 * 1024;
    server.use(bodyGate(maxBodyBytes, options.words.say('body_too_large', { kb: Math.round(maxBodyBytes / 1024) })));
    server.use(restify.plugins.bodyParser({ maxBodySize: maxBodyBytes, mapParams: false }));
    server.use(depthLimit());

    server.post('/api/messages', async (req: Request, res: Response) => {
      const body = req.body as unknown;
      const problem = activityProblem(body);
      if (problem) {
        res.send(400, { error: `The body must be a Bot Framework activity: ${problem}.` });
        return;
      }
      for (const module of options.modules ?? []) {
        const refusal = await module.refuseActivity?.(body as Activity);
        if (refusal) {
          res.send(403, { error: refusal });
          return;
        }
      }
      const answer = await options.adapter.processBody(body as Activity, String(req.headers.authorization ?? ''), (context) => options.bot.run(context));
      res.status(answer.status);
      if (answer.body) res.send(answer.body);
      res.end();
    });

    server.get('/healthz', async (_req: Request, res: Response) => {
      const ok = await options.database.ping();
      res.send(ok ? 200 : 503, { status: ok ? 'ok' : 'unavailable', database: options.database.engine, version: options.version });
    });

    // Readiness: App Service / a load balancer stops routing here while any check fails or during shutdown.
    server.get('/readyz', async (_req: Request, res: Response) => {
      if (this.stopping) {
        res.send(503, { status: 'stopping', checks: {} });
        return;
      }
      const checks = [...(options.readinessChecks ?? []), ...(options.modules ?? []).flatMap((m) => m.readinessChecks ?? [])];
      const report = await runReadinessChecks(checks, options.readinessTimeoutMs ?? 3000);
      if (!report.ready) options.logger.warn({ checks: report.checks }, 'not ready');
      res.send(report.ready ? 200 : 503, { status: report.ready ? 'ready' : 'not ready', version: options.version, checks: report.checks });
    });

    // The resident page (GET /) comes from channels/web's WebModule when it is among the modules.
    if (!options.modules?.some((m) => m.servesPage)) {
      server.get('/', async (_req: Request, res: Response) => this.sendFile(res, path.join(options.webDir, 'index.html'), 'text/html; charset=utf-8'));
    }

    const upgrades = new UpgradeRouter(options.logger);
    for (const module of options.modules ?? []) {
      module.register(server);
      for (const handler of module.upgrades ?? []) upgrades.add(handler);
    }
    upgrades.attach(server.server);

    server.on('restifyError', (req: Request, res: Response, err: Error & { statusCode?: number }, cb: () => void) => {
      if (!err.statusCode || err.statusCode >= 500) {
        options.logger.error({ err: { type: err.name, message: err.message }, route: req.getRoute()?.path }, 'request failed');
        // Answered here so that restify does not put the error's own text (a stack overflow, an SQL error) in the body:
        // the cause goes to the log, never to the client.
        if (!res.headersSent) res.send(500, { error: options.words.say('internal_error') });
      }
      cb();
    });
  }

  private async sendFile(res: Response, file: string, type: string): Promise<void> {
    let data: Buffer;
    try {
      data = await fs.promises.readFile(file);
    } catch {
      res.send(404, { error: 'not found' });
      return;
    }
    res.writeHead(200, { 'Content-Type': type, 'Content-Length': data.length, 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' });
    res.end(data);
  }

  private requestDone(): void {
    this.inFlight--;
    if (this.inFlight === 0) for (const resolve of this.drained.splice(0)) resolve();
  }

  async listen(port: number, host?: string): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => resolve());
    });
    return this.server.address().port;
  }

  /** Stops accepting requests, lets those in flight finish (up to `graceMs`), then closes modules. */
  async close(graceMs: number): Promise<void> {
    this.stopping = true;
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    if (this.inFlight > 0) {
      await Promise.race([new Promise<void>((resolve) => this.drained.push(resolve)), new Promise((resolve) => setTimeout(resolve, graceMs).unref())]);
    }
    this.server.server.closeIdleConnections?.();
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
    for (const module of this.options.modules ?? []) await module.close?.();
  }
}
