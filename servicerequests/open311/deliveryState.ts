import { HELD_BACK_STATUSES, type OutboxRow } from './outbox';

/** Where a report not yet with the council's system stands, as a resident is told it (knowledge/delivery-messages.yaml `status`). */
export type PendingKind = 'sending' | 'not_answering' | 'held_back' | 'registering';
/** Why the council's system would not take a report (`told` and `status`). */
export type RefusalKind = 'details_refused' | 'refused';

/** A pending row: followed by token, held back (the back office refuses the assistant), failing, or simply not sent yet. */
export function pendingKind(row: OutboxRow): PendingKind {
  if (row.delivery_token) return 'registering';
  if (row.last_status !== null && (HELD_BACK_STATUSES as readonly number[]).includes(row.last_status)) return 'held_back';
  if (row.last_error !== null || row.attempts > 0) return 'not_answering';
  return 'sending';
}

/** A rejected row: its details refused (400, 422), or refused for another reason. */
export function refusalKind(status: number | null): RefusalKind {
  return status === 400 || status === 422 ? 'details_refused' : 'refused';
}
