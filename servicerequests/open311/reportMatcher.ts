import type { RequestFields, ServiceRequest } from './types';

/** How far apart the back office's and the outbox's clocks may be, either way. */
export const LOOKUP_SLACK_MS = 10 * 60_000;
/** About 25 metres: the same place given as latitude and longitude. */
const SAME_PLACE_DEGREES = 0.00025;

/**
 * Whether a request the back office lists (`GET requests`) is the report the outbox sent. By
 * `client_reference` where the back office echoes it (a different one is another report);
 * otherwise the same service, the same description (compared normalised), the same place where
 * both give one, and requested within the window since the report was first sent.
 */
export class ReportMatcher {
  constructor(
    private readonly fields: RequestFields,
    private readonly clientReference: string,
    private readonly firstPostedAt: Date,
    private readonly now: Date,
  ) {}

  matches(candidate: ServiceRequest): boolean {
    const echoed = echoedReference(candidate);
    if (echoed !== undefined) return echoed === this.clientReference;
    if (candidate.service_code !== undefined && String(candidate.service_code) !== this.fields.service_code) return false;
    if (!this.inWindow(candidate.requested_datetime)) return false;
    if (normalise(this.fields.description) !== normalise(candidate.description)) return false;
    return this.samePlace(candidate);
  }

  private inWindow(requested: string | undefined): boolean {
    if (!requested) return true;
    const at = Date.parse(requested);
    if (Number.isNaN(at)) return true;
    return at >= this.firstPostedAt.getTime() - LOOKUP_SLACK_MS && at <= this.now.getTime() + LOOKUP_SLACK_MS;
  }

  /** A place both sides give must agree; a back office that gives none back is not a contradiction. */
  private samePlace(candidate: ServiceRequest): boolean {
    const lat = Number(candidate.lat);
    const long = Number(candidate.long);
    const sentPoint = this.fields.lat !== undefined && this.fields.long !== undefined;
    const gotPoint =
      candidate.lat !== undefined &&
      candidate.lat !== '' &&
      candidate.long !== undefined &&
      candidate.long !== '' &&
      Number.isFinite(lat) &&
      Number.isFinite(long);
    if (sentPoint && gotPoint) return Math.abs(lat - this.fields.lat!) <= SAME_PLACE_DEGREES && Math.abs(long - this.fields.long!) <= SAME_PLACE_DEGREES;
    const sentAddress = normalise(this.fields.address_string);
    const gotAddress = normalise(candidate.address);
    if (sentAddress && gotAddress) return sentAddress === gotAddress;
    return true;
  }
}

/** Lower case, letters and digits only, single spaces: what survives a back office's reformatting. */
export function normalise(text: string | undefined): string {
  return (text ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function echoedReference(candidate: ServiceRequest): string | undefined {
  if (typeof candidate.client_reference === 'string' && candidate.client_reference) return candidate.client_reference;
  const attrs = candidate.attributes;
  if (Array.isArray(attrs)) {
    const found = attrs.find((a) => a?.code === 'client_reference');
    return found && found.value !== undefined ? String(found.value) : undefined;
  }
  if (attrs && typeof attrs === 'object' && attrs.client_reference !== undefined) return String(attrs.client_reference);
  return undefined;
}
