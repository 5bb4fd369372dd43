import { describe, expect, it } from 'vitest';
import { redactText, redactValue } from '../../platform/redact';

describe('redaction of residents’ personal data', () => {
  it.each([
    ['email', 'write to jane.smithson@example.com please', 'jane.smithson@example.com'],
    ['mobile', 'ring 07700 900123', '900123'],
    ['international', 'ring +44 7700 900123', '900123'],
    ['landline', 'my number is (01632) 960471', '960471'],
    ['postcode', 'I live in AT3 4QX', 'AT3 4QX'],
    ['postcode without space', 'postcode at34qx', 'at34qx'],
    ['name after my name is', 'my name is Jane Smithson', 'Smithson'],
    ['name after I’m', "I'm Jane Smithson and my bin was missed", 'Smithson'],
    ['name after a title', 'I spoke to Mrs Okafor yesterday', 'Okafor'],
    ['name in a sign-off', 'the bin is still there. Thanks, Priya Patel', 'Patel'],
    ['house and street', 'outside 27 Acacia Avenue', 'Acacia'],
  ])('removes %s', (_kind, input, secret) => {
    expect(redactText(input)).not.toContain(secret);
  });

  it('keeps ordinary words after "I’m"', () => {
    expect(redactText("I'm Worried about my bin")).toBe("I'm Worried about my bin");
    expect(redactText("I'm not sure")).toBe("I'm not sure");
  });

  it('drops personal fields whole in structured values', () => {
    const out = redactValue({ text: 'hello', email: 'a@b.example', nested: { phone: '07700900123', intent: 'greeting' } });
    expect(out).toEqual({ text: '[redacted]', email: '[redacted]', nested: { phone: '[redacted]', intent: 'greeting' } });
  });
});
