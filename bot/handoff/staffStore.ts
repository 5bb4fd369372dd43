import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../storage/schema';
import { DUMMY_HASH, hashPassword, verifyPassword } from './passwords';

export interface Staff {
  id: string;
  username: string;
  displayName: string;
}

export interface StaffSession {
  staff: Staff;
  csrfToken: string;
  expiresAt: string;
}

export interface SignInPolicy {
  /** Failures in a row before the username is locked. */
  maxFailures: number;
  lockMs: number;
  sessionMs: number;
}

export const DEFAULT_SIGN_IN_POLICY: SignInPolicy = { maxFailures: 5, lockMs: 15 * 60_000, sessionMs: 8 * 60 * 60_000 };

export type SignInResult = { ok: true; token: string; session: StaffSession } | { ok: false; locked: boolean };

export type AuditAction = 'sign_in' | 'sign_in_failed' | 'sign_out' | 'accept' | 'message' | 'transfer' | 'end' | 'create_case' | 'callback_done' | 'view';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const normalise = (username: string) => username.trim().toLowerCase().slice(0, 128);

/** Staff accounts, sessions (cookie → SHA-256 row id), sign-in throttling and the audit trail. */
export class StaffStore {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly policy: SignInPolicy = DEFAULT_SIGN_IN_POLICY,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async addAccount(username: string, displayName: string, password: string): Promise<Staff> {
    const name = normalise(username);
    if (!/^[a-z0-9._@-]{2,128}$/.test(name)) throw new Error('The username may use letters, numbers, dots, dashes, underscores and @ (2 to 128 characters).');
    const existing = await this.db.selectFrom('staff_account').select('id').where('username', '=', name).executeTakeFirst();
    const hash = await hashPassword(password);
    if (existing) {
      await this.db.updateTable('staff_account').set({ display_name: displayName, password_hash: hash }).where('id', '=', existing.id).execute();
      return { id: existing.id, username: name, displayName };
    }
    const id = randomUUID();
    await this.db.insertInto('staff_account').values({ id, username: name, display_name: displayName, password_hash: hash, created_at: this.now().toISOString() }).execute();
    return { id, username: name, displayName };
  }

  /** The same answer, and about the same time, whether or not the username exists. */
  async signIn(username: string, password: string): Promise<SignInResult> {
    const name = normalise(username);
    const now = this.now();
    const throttle = await this.db.selectFrom('staff_sign_in_throttle').selectAll().where('username', '=', name).executeTakeFirst();
    if (throttle?.locked_until && throttle.locked_until > now.toISOString()) {
      await this.audit(null, 'sign_in_failed', 'locked');
      return { ok: false, locked: true };
    }
    const account = await this.db.selectFrom('staff_account').selectAll().where('username', '=', name).executeTakeFirst();
    const valid = await verifyPassword(password, account?.password_hash ?? DUMMY_HASH);
    if (!account || !valid) {
      const failures = (throttle?.locked_until ? 0 : (throttle?.failures ?? 0)) + 1;
      const locked = failures >= this.policy.maxFailures;
      const row = { failures: locked ? 0 : failures, locked_until: locked ? new Date(now.getTime() + this.policy.lockMs).toISOString() : null, updated_at: now.toISOString() };
      if (throttle) await this.db.updateTable('staff_sign_in_throttle').set(row).where('username', '=', name).execute();
      else await this.db.insertInto('staff_sign_in_throttle').values({ username: name, ...row }).execute();
      await this.audit(account?.id ?? null, 'sign_in_failed', locked ? 'now_locked' : null);
      return { ok: false, locked };
    }
    if (throttle) await this.db.deleteFrom('staff_sign_in_throttle').where('username', '=', name).execute();
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.policy.sessionMs).toISOString();
    await this.db.insertInto('staff_session').values({ id: sha256(token), staff_id: account.id, csrf_token: csrfToken, created_at: now.toISOString(), expires_at: expiresAt }).execute();
    await this.audit(account.id, 'sign_in');
    return { ok: true, token, session: { staff: { id: account.id, username: account.username, displayName: account.display_name }, csrfToken, expiresAt } };
  }

  /** The session for a cookie value, or undefined when unknown or expired. */
  async session(token: string | undefined): Promise<StaffSession | undefined> {
    if (!token || token.length > 200) return undefined;
    const row = await this.db
      .selectFrom('staff_session')
      .innerJoin('staff_account', 'staff_account.id', 'staff_session.staff_id')
      .select(['staff_session.csrf_token', 'staff_session.expires_at', 'staff_account.id', 'staff_account.username', 'staff_account.display_name'])
      .where('staff_session.id', '=', sha256(token))
      .executeTakeFirst();
    if (!row) return undefined;
    if (row.expires_at <= this.now().toISOString()) {
      await this.db.deleteFrom('staff_session').where('id', '=', sha256(token)).execute();
      return undefined;
    }
    return { staff: { id: row.id, username: row.username, displayName: row.display_name }, csrfToken: row.csrf_token, expiresAt: row.expires_at };
  }

  async signOut(token: string, staffId: string): Promise<void> {
    await this.db.deleteFrom('staff_session').where('id', '=', sha256(token)).execute();
    await this.audit(staffId, 'sign_out');
  }

  async audit(staffId: string | null, action: AuditAction, subject: string | null = null): Promise<void> {
    await this.db.insertInto('staff_audit').values({ id: randomUUID(), staff_id: staffId, action, subject, at: this.now().toISOString() }).execute();
  }

  async auditTrail(limit = 500): Promise<Array<{ staffId: string | null; action: string; subject: string | null; at: string }>> {
    const rows = await this.db.selectFrom('staff_audit').selectAll().orderBy('at').limit(limit).execute();
    return rows.map((r) => ({ staffId: r.staff_id, action: r.action, subject: r.subject, at: r.at }));
  }

  async displayNames(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom('staff_account').select(['id', 'display_name']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r.display_name]));
  }
}
