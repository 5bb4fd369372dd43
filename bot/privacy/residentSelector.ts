import { createHash } from 'node:crypto';

export type SelectorKind = 'email' | 'phone' | 'reference';
export const SELECTOR_KINDS: readonly SelectorKind[] = ['email', 'phone', 'reference'];

export class SelectorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SelectorError';
  }
}

/**
 * Who a subject-access export or an erasure is about: an email address, a phone number or a
 * reference (the resident's "AT-…", the back office's "SR-…" or a staff case's "CC-…"),
 * normalised so that the ways people write them are found alike.
 */
export class ResidentSelector {
  private constructor(
    readonly kind: SelectorKind,
    /** Normalised: an email in lower case, a UK phone number in its national form (07…), a reference in capitals. */
    readonly value: string,
  ) {}

  static parse(kind: string, raw: string): ResidentSelector {
    const text = raw.trim();
    if (kind === 'email') {
      if (!/^[^\s@]+@[^\s@]+$/.test(text)) throw new SelectorError('--email needs an email address, such as sam@example.com');
      return new ResidentSelector('email', text.toLowerCase());
    }
    if (kind === 'phone') {
      const digits = text.replace(/[\s().-]/g, '');
      if (!/^\+?\d{6,15}$/.test(digits)) throw new SelectorError('--phone needs a phone number, such as 07700 900123 or +44 7700 900123');
      return new ResidentSelector('phone', digits.replace(/^(\+44|0044)/, '0'));
    }
    if (kind === 'reference') {
      if (!/^[A-Za-z0-9-]{3,64}$/.test(text)) throw new SelectorError('--reference needs a reference, such as AT-12345678 or SR-100001');
      return new ResidentSelector('reference', text.toUpperCase());
    }
    throw new SelectorError(`choose one of ${SELECTOR_KINDS.map((k) => `--${k}`).join(', ')}`);
  }

  /** Forms to compare a stored phone number with (spaces and punctuation removed). */
  phoneForms(): string[] {
    if (this.kind !== 'phone') return [];
    return this.value.startsWith('0') ? [this.value, `+44${this.value.slice(1)}`] : [this.value];
  }

  /** Lower-case strings to look for in stored text (JSON, transcripts): the common ways of writing it. */
  needles(): string[] {
    if (this.kind !== 'phone') return [this.value.toLowerCase()];
    const forms = new Set(this.phoneForms());
    const v = this.value;
    if (/^0\d{10}$/.test(v)) {
      const rest = v.slice(1);
      forms.add(`${v.slice(0, 5)} ${v.slice(5)}`); // 07700 900123
      forms.add(`${v.slice(0, 4)} ${v.slice(4, 7)} ${v.slice(7)}`); // 0770 090 0123, 0114 496 0000
      forms.add(`+44 ${rest.slice(0, 4)} ${rest.slice(4)}`); // +44 7700 900123
      forms.add(`+44 ${rest.slice(0, 3)} ${rest.slice(3, 6)} ${rest.slice(6)}`); // +44 114 496 0000
    }
    return [...forms];
  }

  /** What the audit keeps instead of the selector itself. */
  hash(): string {
    return createHash('sha256').update(`${this.kind}:${this.value}`).digest('hex');
  }
}
