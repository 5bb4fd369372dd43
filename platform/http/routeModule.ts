import type { Activity } from 'botbuilder';
import type { Server } from 'restify';
import type { ReadinessCheck } from './readiness';
import type { UpgradeHandler } from './upgradeRouter';

/** A feature that adds its own HTTP routes (Direct Line, Open311, agent console…). */
export interface RouteModule {
  register(server: Server): void;
  /** True for the module that serves the resident page at `GET /`. */
  servesPage?: boolean;
  /** Called on shutdown, after in-flight requests have finished. */
  close?(): Promise<void>;
  /** Checks /readyz runs for this module (e.g. "backOffice"). */
  readinessChecks?: ReadinessCheck[];
  /**
   * Refuses an activity posted to /api/messages that would reach a conversation this module
   * alone serves (the local Direct Line's): the reason, or undefined to let it through.
   */
  refuseActivity?(activity: Activity): Promise<string | undefined>;
  /** WebSocket endpoints, dispatched by the server's one UpgradeRouter. */
  upgrades?: UpgradeHandler[];
}
