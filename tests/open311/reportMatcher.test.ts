import { describe, expect, it } from 'vitest';
import { normalise, ReportMatcher } from '../../servicerequests/open311/reportMatcher';
import type { RequestFields, ServiceRequest } from '../../servicerequests/open311/types';

const sent: RequestFields = {
  service_code: 'pothole',
  description: 'A deep hole, by the gate!',
  address_string: '12 High Street, Anytown',
  lat: 51.5,
  long: -0.12,
  attributes: {},
};
const first = new Date('2026-12-04T10:00:00Z');
const now = new Date('2026-12-04T10:05:00Z');
const matcher = new ReportMatcher(sent, 'AT-12345678', first, now);
const listed = (extra: Partial<ServiceRequest>): ServiceRequest => ({
  service_request_id: 'SR-1',
  status: 'open',
  service_code: 'pothole',
  description: 'a deep hole by the gate',
  address: '12 High Street Anytown',
  requested_datetime: '2026-12-04T10:00:01Z',
  ...extra,
});

describe('which listed request is the report sent', () => {
  it('the same service, description and place within the window, as the back office reformats them', () => {
    expect(normalise('  A  deep hole, by the GATE! ')).toBe('a deep hole by the gate');
    expect(matcher.matches(listed({}))).toBe(true);
    expect(matcher.matches(listed({ lat: '51.5001', long: '-0.1201', address: '' }))).toBe(true);
  });

  it('not another service, another description, another place, or a time outside the window', () => {
    expect(matcher.matches(listed({ service_code: 'flytipping' }))).toBe(false);
    expect(matcher.matches(listed({ description: 'a deep hole by the stile' }))).toBe(false);
    expect(matcher.matches(listed({ address: '14 High Street Anytown' }))).toBe(false);
    expect(matcher.matches(listed({ lat: 51.51, long: -0.12 }))).toBe(false);
    expect(matcher.matches(listed({ requested_datetime: '2026-12-04T09:00:00Z' }))).toBe(false);
    expect(matcher.matches(listed({ requested_datetime: '2026-12-04T11:00:00Z' }))).toBe(false);
  });

  it('an echoed client_reference decides, as a field or as an attribute (object or XML list)', () => {
    expect(matcher.matches(listed({ client_reference: 'AT-12345678', description: 'redacted' }))).toBe(true);
    expect(matcher.matches(listed({ client_reference: 'AT-87654321' }))).toBe(false);
    expect(matcher.matches(listed({ attributes: { client_reference: 'AT-87654321' } }))).toBe(false);
    expect(matcher.matches(listed({ attributes: [{ code: 'client_reference', value: 'AT-12345678' }], description: '' }))).toBe(true);
  });
});
