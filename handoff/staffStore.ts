import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../platform/storage/schema';
import { PasswordHasher } from './passwords';
import { SignInLimiter, type LimitRule } from './signInLimiter';

export interface Staff {
  id: string;
  username: string;
  displayName: string;
}

export interface StaffSession {
  staff: Staff;
  /** What the account may do beyond answering chats (see STAFF_ROLES). */
  roles: StaffRole[];
  csrfToken: string;
  expiresAt: string;
}

/**
 * `content`: reads the knowledge report (questions residents asked that went unanswered).
 * `manager`: reads the benefits insight. `welsh`: a Welsh speaker, offered Welsh conversations first.
 */
export const STAFF_ROLES = ['content', 'manager', 'welsh'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export const isStaffRole = (role: string): role is StaffRole => (STAFF_ROLES as readonly string[]).includes(role);
const parseRoles = (roles: string | null | undefined): StaffRole[] => (roles ?? '').split(/\s+/).filter(isStaffRole);

export interface SignInPolicy {
  /** Per username typed (whether or not the account exists): attempts before it is locked. */
  account: LimitRule;
  /** Per client address, across every username: attempts before the address is locked. */
  address: LimitRule;
  sessionMs: number;
}

const MINUTE = 60_000;

/** 5 wrong passwords for one username, or 30 from one address, in 15 minutes lock it for 15 minutes. */
export const DEFAULT_SIGN_IN_POLICY: SignInPolicy = {
  account: { maxAttempts: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE },
  address: { maxAttempts: 30, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE },
  sessionMs: 8 * 60 * MINUTE,
};

/** `locked` is the username, `limited` the address: each says when to try again. */
export type SignInResult = { ok: true; token: string; session: StaffSession } | { ok: false; locked: boolean; limited?: boolean; retryAfterMs?: number };

export type AuditAction =
  | 'sign_in'
  | 'sign_in_failed'
  | 'sign_out'
  | 'accept'
  | 'message'
  | 'transfer'
  | 'end'
  | 'create_case'
  | 'callback_done'
  | 'view'
  | 'password_set'
  | 'account_disabled'
  | 'account_enabled'
  | 'account_removed'
  | 'role_granted'
  | 'role_revoked';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
export const normaliseUsername = (username: string) => username.trim().toLowerCase().slice(0, 128);
const accountKey = (name: string) => `account:${name}`;
const addressKey = (address: string) => `address:${address.slice(0, 100)}`;

/** Staff accounts, sessions (cookie → SHA-256 row id), sign-in throttling and the audit trail. */
export class StaffStore {
  private readonly limiter: SignInLimiter;

  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly policy: SignInPolicy = DEFAULT_SIGN_IN_POLICY,
    private readonly now: () => Date = () => new Date(),
    private readonly passwords: PasswordHasher = new PasswordHasher(),
  ) {
    this.limiter = new SignInLimiter(db, now);
  }

  /** Creates the account, or sets the name and password of an existing one (ending its sessions). */
  async addAccount(username: string, displayName: string, password: string): Promise<Staff> {
    const name = normaliseUsername(username);
    if (!/^[a-z0-9._@-]{2,128}$/.test(name)) throw new Error('The username may use letters, numbers, dots, dashes, underscores and @ (2 to 128 characters).');
    const existing = await this.db.selectFrom('staff_account').select('id').where('username', '=', name).executeTakeFirst();
    const hash = await this.passwords.hash(password);
    if (existing) {
      await this.db.updateTable('staff_account').set({ display_name: displayName, password_hash: hash }).where('id', '=', existing.id).execute();
      await this.endSessions(existing.id);
      await this.audit(existing.id, 'password_set');
      return { id: existing.id, username: name, displayName };
    }
    const id = randomUUID();
    await this.db
      .insertInto('staff_account')
      .values({ id, username: name, display_name: displayName, password_hash: hash, created_at: this.now().toISOString(), disabled_at: null, roles: '' })
      .execute();
    await this.audit(id, 'password_set');
    return { id, username: name, displayName };
  }

  /** A new password for an existing account; every session it had ends. False when there is no such account. */
  async setPassword(username: string, password: string): Promise<Staff | undefined> {
    const account = await this.account(username);
    if (!account) return undefined;
    await this.db
      .updateTable('staff_account')
      .set({ password_hash: await this.passwords.hash(password) })
      .where('id', '=', account.id)
      .execute();
    await this.endSessions(account.id);
    await this.audit(account.id, 'password_set');
    return account;
  }

  /** Disabled accounts cannot sign in, and their sessions end now (open consoles close at their next heartbeat). */
  async disable(username: string): Promise<Staff | undefined> {
    const account = await this.account(username);
    if (!account) return undefined;
    await this.db
      .updateTable('staff_account')
      .set({ disabled_at: this.now().toISOString() })
      .where('id', '=', account.id)
      .where('disabled_at', 'is', null)
      .execute();
    await this.endSessions(account.id);
    await this.audit(account.id, 'account_disabled');
    return account;
  }

  async enable(username: string): Promise<Staff | undefined> {
    const account = await this.account(username);
    if (!account) return undefined;
    await this.db.updateTable('staff_account').set({ disabled_at: null }).where('id', '=', account.id).execute();
    await this.audit(account.id, 'account_enabled');
    return account;
  }

  /** Deletes the account and its sessions. The audit trail keeps its id (and, for this entry, the username). */
  async remove(username: string): Promise<Staff | undefined> {
    const account = await this.account(username);
    if (!account) return undefined;
    await this.db.deleteFrom('staff_account').where('id', '=', account.id).execute();
    await this.endSessions(account.id);
    await this.limiter.clear(accountKey(account.username));
    await this.audit(account.id, 'account_removed', account.username);
    return account;
  }

  /** Gives the account a role (its sessions see it at their next request). Undefined when there is no such account. */
  async grantRole(username: string, role: StaffRole): Promise<Staff | undefined> {
    return this.changeRoles(username, role, 'role_granted', (roles) => [...new Set([...roles, role])]);
  }

  async revokeRole(username: string, role: StaffRole): Promise<Staff | undefined> {
    return this.changeRoles(username, role, 'role_revoked', (roles) => roles.filter((r) => r !== role));
  }

  /** The roles an account has. */
  async roles(username: string): Promise<StaffRole[] | undefined> {
    const row = await this.db.selectFrom('staff_account').select('roles').where('username', '=', normaliseUsername(username)).executeTakeFirst();
    return row && parseRoles(row.roles);
  }

  private async changeRoles(username: string, role: StaffRole, action: AuditAction, change: (roles: StaffRole[]) => StaffRole[]): Promise<Staff | undefined> {
    if (!isStaffRole(role)) throw new Error(`There is no role "${role}". Roles: ${STAFF_ROLES.join(', ')}.`);
    const row = await this.db
      .selectFrom('staff_account')
      .select(['id', 'username', 'display_name', 'roles'])
      .where('username', '=', normaliseUsername(username))
      .executeTakeFirst();
    if (!row) return undefined;
    await this.db
      .updateTable('staff_account')
      .set({ roles: change(parseRoles(row.roles)).sort().join(' ') })
      .where('id', '=', row.id)
      .execute();
    await this.audit(row.id, action, role);
    return { id: row.id, username: row.username, displayName: row.display_name };
  }

  private async account(username: string): Promise<Staff | undefined> {
    const row = await this.db
      .selectFrom('staff_account')
      .select(['id', 'username', 'display_name'])
      .where('username', '=', normaliseUsername(username))
      .executeTakeFirst();
    return row && { id: row.id, username: row.username, displayName: row.display_name };
  }

  private async endSessions(staffId: string): Promise<void> {
    await this.db.deleteFrom('staff_session').where('staff_id', '=', staffId).execute();
  }

  /**
   * The same answer, and about the same time, whether or not the username exists. The
   * address and the username are each counted (one atomic statement apiece) BEFORE the
   * password is checked, so parallel guesses cannot outrun the lock-out.
   */
  async signIn(username: string, password: string, address = 'unknown'): Promise<SignInResult> {
    const name = normaliseUsername(username);
    const byAddress = await this.limiter.take(addressKey(address), this.policy.address);
    if (!byAddress.allowed) {
      await this.audit(null, 'sign_in_failed', 'address_limited');
      return { ok: false, locked: false, limited: true, retryAfterMs: this.retryAfter(byAddress.lockedUntil) };
    }
    const byAccount = await this.limiter.take(accountKey(name), this.policy.account);
    if (!byAccount.allowed) {
      await this.audit(null, 'sign_in_failed', 'locked');
      return { ok: false, locked: true, retryAfterMs: this.retryAfter(byAccount.lockedUntil) };
    }
    const account = await this.db.selectFrom('staff_account').selectAll().where('username', '=', name).executeTakeFirst();
    const check = await this.passwords.verify(password, account?.password_hash ?? this.passwords.dummyHash);
    if (!account || !check.valid || account.disabled_at) {
      const locked = byAccount.attempts >= this.policy.account.maxAttempts;
      await this.audit(account?.id ?? null, 'sign_in_failed', account?.disabled_at && check.valid ? 'disabled' : locked ? 'now_locked' : null);
      return { ok: false, locked, ...(locked ? { retryAfterMs: this.policy.account.lockMs } : {}) };
    }
    await this.limiter.clear(accountKey(name));
    await this.limiter.giveBack(addressKey(address));
    if (check.outdated) {
      // Raise the cost now the password is known; only if nobody changed it meanwhile.
      const upgraded = await this.passwords.hash(password);
      await this.db
        .updateTable('staff_account')
        .set({ password_hash: upgraded })
        .where('id', '=', account.id)
        .where('password_hash', '=', account.password_hash)
        .execute();
    }
    const now = this.now();
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.policy.sessionMs).toISOString();
    await this.db
      .insertInto('staff_session')
      .values({ id: sha256(token), staff_id: account.id, csrf_token: csrfToken, created_at: now.toISOString(), expires_at: expiresAt })
      .execute();
    await this.audit(account.id, 'sign_in');
    return {
      ok: true,
      token,
      session: {
        staff: { id: account.id, username: account.username, displayName: account.display_name },
        roles: parseRoles(account.roles),
        csrfToken,
        expiresAt,
      },
    };
  }

  private retryAfter(lockedUntil: string | null): number {
    return lockedUntil ? Math.max(0, Date.parse(lockedUntil) - this.now().getTime()) : 0;
  }

  /** The session for a cookie value, or undefined when unknown or expired. */
  async session(token: string | undefined): Promise<StaffSession | undefined> {
    if (!token || token.length > 200) return undefined;
    const row = await this.db
      .selectFrom('staff_session')
      .innerJoin('staff_account', 'staff_account.id', 'staff_session.staff_id')
      .select([
        'staff_session.csrf_token',
        'staff_session.expires_at',
        'staff_account.id',
        'staff_account.username',
        'staff_account.display_name',
        'staff_account.roles',
      ])
      .where('staff_session.id', '=', sha256(token))
      .where('staff_account.disabled_at', 'is', null)
      .executeTakeFirst();
    if (!row) return undefined;
    if (row.expires_at <= this.now().toISOString()) {
      await this.db.deleteFrom('staff_session').where('id', '=', sha256(token)).execute();
      return undefined;
    }
    return {
      staff: { id: row.id, username: row.username, displayName: row.display_name },
      roles: parseRoles(row.roles),
      csrfToken: row.csrf_token,
      expiresAt: row.expires_at,
    };
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
