import { describe, expect, it } from 'vitest';
import { attributeCode, sameStep, stepFromSaved } from '../../../../dialogs/services/slots/fields';
import { loadSlotState } from '../../../../dialogs/services/slots/slotState';
import { toRequestFields } from '../../../../servicerequests/open311/requestFields';

describe('the open question in saved dialog state', () => {
  it('reads the string form saved before the typed fields', () => {
    expect(stepFromSaved('attr:container')).toEqual({ kind: 'attribute', code: 'container' });
    expect(stepFromSaved('location')).toEqual({ kind: 'location' });
    expect(stepFromSaved('confirm')).toEqual({ kind: 'confirm' });
    expect(stepFromSaved('change')).toEqual({ kind: 'change' });
    expect(stepFromSaved('name')).toEqual({ kind: 'name' });
    expect(stepFromSaved('something else')).toBeUndefined();
    expect(stepFromSaved(undefined)).toBeUndefined();
  });
  it('reads the typed form as it is', () => {
    expect(stepFromSaved({ kind: 'attribute', code: 'items' })).toEqual({ kind: 'attribute', code: 'items' });
    expect(stepFromSaved({ kind: 'contact' })).toEqual({ kind: 'contact' });
    expect(stepFromSaved({ kind: 'attribute' })).toBeUndefined();
    expect(stepFromSaved({ kind: 'bogus' })).toBeUndefined();
  });
  it('converts an old saved state in place when it is loaded', () => {
    const saved = { current: 'attr:collection_date', answers: {} };
    const state = loadSlotState(saved);
    expect(state.current).toEqual({ kind: 'attribute', code: 'collection_date' });
    expect(JSON.parse(JSON.stringify(saved))).toEqual({ current: { kind: 'attribute', code: 'collection_date' }, answers: {} });
    expect(attributeCode(state.current)).toBe('collection_date');
    expect(sameStep(state.current, { kind: 'attribute', code: 'collection_date' })).toBe(true);
    expect(sameStep(state.current, { kind: 'attribute', code: 'container' })).toBe(false);
  });
});

describe('toRequestFields (GeoReport fields of a request)', () => {
  it('maps an address request with contact details, leaving out skipped answers', () => {
    expect(
      toRequestFields({
        serviceCode: 'missed_bin',
        answers: { container: 'general', note: '', items: [], date: '2026-11-24' },
        location: { kind: 'address', uprn: '100', text: '6 Station Road, Anytown AT2 1GU', lat: 51.5, long: -0.1 },
        description: 'by the gate',
        contact: { email: 'jo@example.org' },
        name: { first: 'Jo', last: '' },
      }),
    ).toEqual({
      service_code: 'missed_bin',
      attributes: { container: 'general', date: '2026-11-24' },
      address_string: '6 Station Road, Anytown AT2 1GU',
      address_id: '100',
      lat: 51.5,
      long: -0.1,
      description: 'by the gate',
      email: 'jo@example.org',
      first_name: 'Jo',
      last_name: undefined,
    });
  });
  it('maps a place in words, anonymous', () => {
    expect(
      toRequestFields({
        serviceCode: 'pothole',
        answers: {},
        location: { kind: 'description', text: 'Ferry Lane by number 12' },
        description: null,
        contact: null,
        name: null,
      }),
    ).toEqual({
      service_code: 'pothole',
      attributes: {},
      address_string: 'Ferry Lane by number 12',
      lat: undefined,
      long: undefined,
    });
  });
});
