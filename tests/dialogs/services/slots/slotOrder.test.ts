import { describe, expect, it } from 'vitest';
import { isDone, slotOrder } from '../../../../dialogs/services/slots/slotOrder';
import type { SlotState } from '../../../../dialogs/services/slots/slotState';
import type { ServiceRequestConfig } from '../../../../dialogs/services/serviceRequestConfig';

function state(config: Partial<ServiceRequestConfig>, more: Partial<SlotState> = {}): SlotState {
  return {
    intent: 'book_bulky_waste',
    serviceCode: 'bulky_waste',
    serviceName: 'Bulky waste collection',
    config: {
      service_code: 'bulky_waste',
      location: 'address',
      location_first: true,
      contact: 'required',
      name: 'optional',
      ...config,
    } as ServiceRequestConfig,
    attributes: [],
    answers: {},
    locationStage: 'postcode',
    multi: [],
    prechecked: false,
    ...more,
  };
}

describe('slotOrder: the name', () => {
  it('is not asked where the service leaves it optional (the default), even with contact details', () => {
    const s = state({ name: 'optional' }, { contact: { phone: '07700900654' } });
    expect(slotOrder(s).map((f) => f.kind)).toEqual(['location', 'contact']);
  });

  it('is asked where the service requires it, once there are contact details', () => {
    const s = state({ name: 'required' });
    const name = slotOrder(s).find((f) => f.kind === 'name')!;
    expect(name).toBeDefined();
    expect(isDone(s, name)).toBe(true);
    s.contact = { email: 'pat@example.org' };
    expect(isDone(s, name)).toBe(false);
    s.name = { first: 'Pat', last: 'Okafor' };
    expect(isDone(s, name)).toBe(true);
  });
});
