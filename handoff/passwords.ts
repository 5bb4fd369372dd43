import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/** OWASP Password Storage Cheat Sheet's scrypt recommendation (2^17 ≈ 128 MiB per hash). */
export const SCRYPT_COST: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };

/** Hashes made before the cost was raised; still verified, and upgraded at the next sign-in. */
export const LEGACY_SCRYPT_COST: ScryptCost = { N: 2 ** 14, r: 8, p: 1 };

const KEY_LENGTH = 64;
const SALT_LENGTH = 16;

/** Bounds on what a stored hash may ask for, so that a damaged row cannot exhaust memory. */
const MAX_N = 2 ** 20;
const MAX_R = 32;
const MAX_P = 16;

export interface PasswordCheck {
  valid: boolean;
  /** The hash was made at another cost than today's: rehash now that the password is known. */
  outdated: boolean;
}

const validCost = (c: ScryptCost) =>
  Number.isInteger(c.N) &&
  c.N > 1 &&
  c.N <= MAX_N &&
  (c.N & (c.N - 1)) === 0 &&
  Number.isInteger(c.r) &&
  c.r >= 1 &&
  c.r <= MAX_R &&
  Number.isInteger(c.p) &&
  c.p >= 1 &&
  c.p <= MAX_P;

/**
 * scrypt password hashes as `scrypt$N$r$p$salt$hash` (base64): the cost travels with the hash,
 * so it can be raised without locking anyone out.
 */
export class PasswordHasher {
  /** A hash of nothing anyone knows, at today's cost: checked for unknown usernames so timing gives no hint. */
  readonly dummyHash: string;

  constructor(readonly cost: ScryptCost = SCRYPT_COST) {
    if (!validCost(cost)) throw new Error('scrypt cost: N must be a power of two up to 2^20, r and p small positive integers.');
    this.dummyHash = ['scrypt', cost.N, cost.r, cost.p, Buffer.alloc(SALT_LENGTH).toString('base64'), Buffer.alloc(KEY_LENGTH).toString('base64')].join('$');
  }

  async hash(password: string, cost: ScryptCost = this.cost): Promise<string> {
    const salt = randomBytes(SALT_LENGTH);
    const key = await derive(password, salt, KEY_LENGTH, cost);
    return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
  }

  async verify(password: string, stored: string): Promise<PasswordCheck> {
    const [scheme, n, r, p, salt, hash, ...rest] = stored.split('$');
    const cost = { N: Number(n), r: Number(r), p: Number(p) };
    if (scheme !== 'scrypt' || !salt || !hash || rest.length > 0 || !validCost(cost)) return { valid: false, outdated: false };
    const expected = Buffer.from(hash, 'base64');
    if (expected.length < 16) return { valid: false, outdated: false };
    const key = await derive(password, Buffer.from(salt, 'base64'), expected.length, cost);
    const valid = key.length === expected.length && timingSafeEqual(key, expected);
    return { valid, outdated: cost.N !== this.cost.N || cost.r !== this.cost.r || cost.p !== this.cost.p || expected.length !== KEY_LENGTH };
  }
}

function derive(password: string, salt: Buffer, keyLength: number, cost: ScryptCost): Promise<Buffer> {
  // Node refuses scrypt above maxmem (32 MiB by default); scrypt needs 128·N·r bytes and a little more.
  const maxmem = 2 * 128 * cost.N * cost.r;
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, keyLength, { ...cost, maxmem }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export const MIN_PASSWORD_LENGTH = 12;
