/** mySociety's extended Open311 statuses (servicerequestupdates), and the GeoReport status each maps to. */
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
] as const;

export type ExtendedStatus = (typeof EXTENDED_STATUSES)[number];

const CLOSED = new Set<string>(['DUPLICATE', 'NOT_COUNCILS_RESPONSIBILITY', 'NO_FURTHER_ACTION', 'FIXED', 'CLOSED']);

/** Accepts an extended status or plain open/closed (any case); undefined when unknown. */
export function parseExtendedStatus(value: string): ExtendedStatus | undefined {
  const v = value.trim().toUpperCase().replace(/[\s-]+/g, '_');
  return (EXTENDED_STATUSES as readonly string[]).includes(v) ? (v as ExtendedStatus) : undefined;
}

export function geoReportStatus(extended: string): 'open' | 'closed' {
  return CLOSED.has(extended.toUpperCase()) ? 'closed' : 'open';
}
