import type { Request, Response, Route, Server } from 'restify';
import type { RouteModule } from '../server';
import type { Telemetry } from './telemetry';

/**
 * Records each HTTP request the server finishes as Application Insights request telemetry:
 * method, route pattern, path (never the query string or body), status and duration.
 */
export class RequestTelemetryModule implements RouteModule {
  constructor(private readonly telemetry: Telemetry) {}

  register(server: Server): void {
    if (!this.telemetry.enabled) return;
    server.on('after', (req: Request, res: Response, route: Route | undefined) => {
      const path = (req.getPath?.() ?? req.url ?? '').split('?')[0];
      const started = typeof req.time === 'function' ? req.time() : Date.now();
      this.telemetry.trackRequest({
        name: `${req.method} ${route?.spec?.path ?? path}`,
        path,
        durationMs: Math.max(0, Date.now() - started),
        status: res.statusCode,
      });
    });
  }
}
