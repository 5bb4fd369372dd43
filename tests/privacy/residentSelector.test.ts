import { describe, expect, it } from 'vitest';
import { ResidentSelector, SelectorError } from '../../bot/privacy/residentSelector';

describe('ResidentSelector', () => {
  it('normalises the ways people write an email, a phone number and a reference', () => {
    expect(ResidentSelector.parse('email', ' Sam@Example.COM ').value).toBe('sam@example.com');
    for (const phone of ['07700 900123', '+44 7700 900123', '+44 (7700) 900-123', '0044 7700 900123'])
      expect(ResidentSelector.parse('phone', phone).value).toBe('07700900123');
    expect(ResidentSelector.parse('reference', 'at-12345678').value).toBe('AT-12345678');
  });

  it('looks for a phone number in text in its usual layouts', () => {
    const needles = ResidentSelector.parse('phone', '+447700900123').needles();
    expect(needles).toEqual(expect.arrayContaining(['07700900123', '+447700900123', '07700 900123', '+44 7700 900123']));
  });

  it('hashes the normalised selector, so one resident written two ways is one hash, and kinds differ', () => {
    const a = ResidentSelector.parse('phone', '07700 900123').hash();
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(ResidentSelector.parse('phone', '+44 7700 900123').hash()).toBe(a);
    expect(ResidentSelector.parse('reference', '07700900123').hash()).not.toBe(a);
  });

  it.each([
    ['email', 'not an email', /--email needs an email address/],
    ['phone', 'call me', /--phone needs a phone number/],
    ['reference', 'AT 1', /--reference needs a reference/],
    ['name', 'Sam', /choose one of --email, --phone, --reference/],
  ])('refuses --%s %j with a clear message', (kind, value, message) => {
    expect(() => ResidentSelector.parse(kind, value)).toThrow(SelectorError);
    expect(() => ResidentSelector.parse(kind, value)).toThrow(message);
  });
});
