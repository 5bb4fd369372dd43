import { sql, type Kysely } from 'kysely';
import type { DatabaseSchema } from '../platform/storage/schema';

/** At most `maxAttempts` counted attempts per window; one more locks the key for `lockMs`. */
export interface LimitRule {
  maxAttempts: number;
  windowMs: number;
  lockMs: number;
}

export interface Attempt {
  allowed: boolean;
  /** Attempts counted in this window, this one included. */
  attempts: number;
  lockedUntil: string | null;
}

/**
 * Sign-in attempt counters (`staff_sign_in_limit`), each taken in ONE statement — an UPSERT
 * that increments and returns the count and lock — so parallel attempts can neither slip
 * past the limit nor collide on the insert (SQLite 3.35+ and PostgreSQL both run it).
 * Attempts are counted before the password is checked; a success gives its attempt back.
 */
export class SignInLimiter {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async take(key: string, rule: LimitRule): Promise<Attempt> {
    const at = this.now();
    const now = at.toISOString();
    const windowCutoff = new Date(at.getTime() - rule.windowMs).toISOString();
    const lockUntil = new Date(at.getTime() + rule.lockMs).toISOString();
    // A lock that has run out, or a window that has, starts the count again.
    const fresh = sql<boolean>`((staff_sign_in_limit.locked_until is not null and staff_sign_in_limit.locked_until <= ${now}) or (staff_sign_in_limit.locked_until is null and staff_sign_in_limit.window_started_at <= ${windowCutoff}))`;
    const row = await this.db
      .insertInto('staff_sign_in_limit')
      .values({ key, attempts: 1, window_started_at: now, locked_until: rule.maxAttempts < 1 ? lockUntil : null })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          attempts: sql<number>`case when ${fresh} then 1 else staff_sign_in_limit.attempts + 1 end`,
          window_started_at: sql<string>`case when ${fresh} then ${now} else staff_sign_in_limit.window_started_at end`,
          locked_until: sql<string | null>`case
            when staff_sign_in_limit.locked_until > ${now} then staff_sign_in_limit.locked_until
            when not ${fresh} and staff_sign_in_limit.attempts + 1 > ${rule.maxAttempts} then ${lockUntil}
            else null end`,
        }),
      )
      .returning(['attempts', 'locked_until'])
      .executeTakeFirstOrThrow();
    const attempts = Number(row.attempts);
    const locked = row.locked_until !== null && row.locked_until > now;
    return { allowed: !locked, attempts, lockedUntil: locked ? row.locked_until : null };
  }

  /** A successful attempt no longer counts against the key (its lock, if any, stays). */
  async giveBack(key: string): Promise<void> {
    await this.db
      .updateTable('staff_sign_in_limit')
      .set({ attempts: sql<number>`attempts - 1` })
      .where('key', '=', key)
      .where('attempts', '>', 0)
      .execute();
  }

  async clear(key: string): Promise<void> {
    await this.db.deleteFrom('staff_sign_in_limit').where('key', '=', key).execute();
  }
}
