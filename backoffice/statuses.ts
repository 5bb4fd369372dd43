/**
 * mySociety's extended Open311 statuses (servicerequestupdates), and the GeoReport status each
 * maps to. FOR_TRIAGE, CANCELLED and REOPEN are what FixMyStreet sends with a resident's comment
 * (`extended_statuses` on; REOPEN with `mark_reopen`).
 */
export const EXTENDED_STATUSES = [
  'OPEN',
  'INVESTIGATING',
  'IN_PROGRESS',
  'ACTION_SCHEDULED',
  'DUPLICATE',
  'NOT_COUNCILS_RESPONSIBILITY',
  'NO_FURTHER_ACTION',
  'INTERNAL_REFERRAL',
  'FIXED',
  'CLOSED',
  'FOR_TRIAGE',
  'CANCELLED',
  'REOPEN',
] as const;

export type ExtendedStatus = (typeof EXTENDED_STATUSES)[number];

const CLOSED = new Set<string>(['DUPLICATE', 'NOT_COUNCILS_RESPONSIBILITY', 'NO_FURTHER_ACTION', 'FIXED', 'CLOSED', 'CANCELLED']);

/** Accepts an extended status or plain open/closed (any case); undefined when unknown. */
export function parseExtendedStatus(value: string): ExtendedStatus | undefined {
  const v = value
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '_');
  return (EXTENDED_STATUSES as readonly string[]).includes(v) ? (v as ExtendedStatus) : undefined;
}

export function geoReportStatus(extended: string): 'open' | 'closed' {
  return CLOSED.has(extended.toUpperCase()) ? 'closed' : 'open';
}

/** The status a council's update leaves on the request: REOPEN opens it again (OPEN). */
export function storedStatus(extended: ExtendedStatus): ExtendedStatus {
  return extended === 'REOPEN' ? 'OPEN' : extended;
}
