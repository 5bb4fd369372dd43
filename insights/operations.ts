import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../platform/storage/schema';

/** How the back office and the contact centre kept up, for the same window as the outcomes (no personal data read). */
export interface Operations {
  deliveries: {
    /** Requests filed in the window. */
    filed: number;
    delivered: number;
    pending: number;
    rejected: number;
    /** Median minutes from filing to the back office's acceptance, of those delivered; null when none. */
    medianMinutesToDeliver: number | null;
  };
  handoffs: {
    /** Residents who joined the live-chat queue in the window. */
    queued: number;
    accepted: number;
    /** Left the queue before a person answered (the resident went, or the queue closed). */
    leftBeforeAnswer: number;
    /** Median seconds in the queue before a person answered; null when none. */
    medianWaitSeconds: number | null;
  };
}

function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Delivery health (the outbox) and queue times (the handoff table) for ISO times `from` ≤ t < `to`. Reads states and times only. */
export async function operationsBetween(db: Kysely<DatabaseSchema>, from: string, to: string): Promise<Operations> {
  const outbox = await db
    .selectFrom('service_outbox')
    .select(['state', 'created_at', 'updated_at'])
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .execute();
  const delivered = outbox.filter((r) => r.state === 'delivered');
  const handoffs = await db
    .selectFrom('handoff')
    .select(['queued_at', 'accepted_at', 'ended_at'])
    .where('queued_at', '>=', from)
    .where('queued_at', '<', to)
    .execute();
  const accepted = handoffs.filter((h) => h.accepted_at);
  return {
    deliveries: {
      filed: outbox.length,
      delivered: delivered.length,
      pending: outbox.filter((r) => r.state === 'pending').length,
      rejected: outbox.filter((r) => r.state === 'rejected').length,
      medianMinutesToDeliver: median(delivered.map((r) => Math.max(0, (Date.parse(r.updated_at) - Date.parse(r.created_at)) / 60_000))),
    },
    handoffs: {
      queued: handoffs.length,
      accepted: accepted.length,
      leftBeforeAnswer: handoffs.filter((h) => !h.accepted_at && h.ended_at).length,
      medianWaitSeconds: median(accepted.map((h) => Math.max(0, (Date.parse(h.accepted_at!) - Date.parse(h.queued_at)) / 1000))),
    },
  };
}
