import { describe, expect, it } from 'vitest';
import { amountsIn } from '../../scripts/lib/requestPrices';

describe('amountsIn', () => {
  it('reads pounds with or without pence, a space or a thousands comma, the same amount alike', () => {
    expect([...amountsIn('£30 for one, £ 30.00 for two, £30.50 each, £1,200 a year')]).toEqual(['£30', '£30.50', '£1200']);
  });

  it('reads no amount where there is no pound sign', () => {
    expect(amountsIn('up to 5 items, 30 minutes, 45 days').size).toBe(0);
  });
});
