import type { Request, Response, Route, Server } from 'restify';
import type { RouteModule } from '../../../platform/http/routeModule';
import type { Telemetry } from './telemetry';

/**
 * Records each HTTP request the server finishes as Application Insights request telemetry:
 * method, route pattern, status and duration. The URL sent is the route pattern when a route
 * matched (a path can hold a conversation id, or the local Direct Line's connector key), else the
 * path; never the query string or body.
 */
export class RequestTelemetryModule implements RouteModule {
  constructor(private readonly telemetry: Telemetry) {}

  register(server: Server): void {
    if (!this.telemetry.enabled) return;
    server.on('after', (req: Request, res: Response, route: Route | undefined) => {
      const path = (req.getPath?.() ?? req.url ?? '').split('?')[0];
      const started = typeof req.time === 'function' ? req.time() : Date.now();
      const pattern = route?.spec?.path ? String(route.spec.path) : undefined;
      this.telemetry.trackRequest({
        name: `${req.method} ${pattern ?? path}`,
        path: pattern ?? path,
        durationMs: Math.max(0, Date.now() - started),
        status: res.statusCode,
      });
    });
  }
}
