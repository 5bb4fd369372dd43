import type { RequestFields } from './types';

/** Where a request is, as the GeoReport fields need it: a gazetteer address (with its UPRN) or a place in words. */
export type RequestPlace =
  { kind: 'address'; uprn: string; text: string; lat: number; long: number } | { kind: 'description'; text: string; lat?: number; long?: number };

/** What a service request gathered from the resident, in the terms the GeoReport mapping needs. */
export interface GatheredRequest {
  serviceCode: string;
  /** Per attribute code: a value key or text, a list of keys; '' or [] for not given. */
  answers: Record<string, string | string[]>;
  location?: RequestPlace;
  description?: string | null;
  contact?: { email?: string; phone?: string } | null;
  name?: { first: string; last: string } | null;
}

/**
 * The GeoReport v2 fields of a request (POST /requests): the attributes given (skipped ones left
 * out), the address with its id or the place with its point, details, contact details and name.
 */
export function toRequestFields(request: GatheredRequest): RequestFields {
  const attributes: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(request.answers)) if (v !== '' && !(Array.isArray(v) && !v.length)) attributes[k] = v;
  const loc = request.location;
  return {
    service_code: request.serviceCode,
    attributes,
    ...(loc?.kind === 'address'
      ? { address_string: loc.text, address_id: loc.uprn, lat: loc.lat, long: loc.long }
      : { address_string: loc?.text, lat: loc?.lat, long: loc?.long }),
    ...(request.description ? { description: request.description } : {}),
    ...(request.contact?.email ? { email: request.contact.email } : {}),
    ...(request.contact?.phone ? { phone: request.contact.phone } : {}),
    ...(request.name ? { first_name: request.name.first, last_name: request.name.last || undefined } : {}),
  };
}
