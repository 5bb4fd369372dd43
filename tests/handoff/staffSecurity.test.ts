import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEGACY_SCRYPT_COST, PasswordHasher, SCRYPT_COST } from '../../handoff/passwords';
import { DEFAULT_SIGN_IN_POLICY, StaffStore } from '../../handoff/staffStore';
import { createTestPostgres, type TestPostgres } from '../support/postgres';
import { openConsole, PASSWORD, postSignIn, ROOT, signIn, startApp, type Harness } from './support/harness';

/** Real scrypt at a low cost, counting how many passwords it checks. */
class CountingHasher extends PasswordHasher {
  verified = 0;
  constructor() {
    super({ N: 1024, r: 8, p: 1 });
  }
  override async verify(password: string, stored: string) {
    this.verified++;
    return super.verify(password, stored);
  }
}

const { account, address } = DEFAULT_SIGN_IN_POLICY;

/** The sign-in limits and account changes, on the database `env` selects (SQLite or PostgreSQL). */
function staffSecurityContract(env: () => Record<string, string>) {
  let h: Harness;
  let hasher: CountingHasher;
  let staff: StaffStore;
  let n = 0;
  /** Each test works on its own username and address, so counters do not carry over. */
  const fresh = () => ({ username: `user${++n}`, address: `198.51.100.${n}` });

  beforeAll(async () => {
    h = await startApp(env());
    hasher = new CountingHasher();
    staff = new StaffStore(h.app.database.db, DEFAULT_SIGN_IN_POLICY, () => new Date(), hasher);
  });
  afterAll(async () => h?.close());

  it("99 wrong passwords and the right one at once: the password is checked at most the limit's number of times, and the right one is refused once locked", async () => {
    const { username, address: from } = fresh();
    await staff.addAccount(username, 'Pat', PASSWORD);
    hasher.verified = 0;
    const wrong = Array.from({ length: 99 }, (_, i) => staff.signIn(username, `wrong password ${i}`, `${from}-${i % 10}`));
    const results = await Promise.all([...wrong, staff.signIn(username, PASSWORD, from)]);
    expect(hasher.verified).toBeLessThanOrEqual(account.maxAttempts);
    expect(results.filter((r) => r.ok)).toHaveLength(0);
    expect(results.at(-1)).toMatchObject({ ok: false, locked: true });
    expect(results.filter((r) => !r.ok && r.locked).length).toBeGreaterThanOrEqual(100 - account.maxAttempts);
    // Still locked afterwards, without another password check.
    const after = hasher.verified;
    expect(await staff.signIn(username, PASSWORD, from)).toMatchObject({ ok: false, locked: true });
    expect(hasher.verified).toBe(after);
  });

  it('40 sign-ins at once from clean answer without a single 500 (no lost or colliding counts)', async () => {
    const { username } = fresh();
    await h.app.handoff.staff.addAccount(username, 'Pat', PASSWORD);
    const responses = await Promise.all(Array.from({ length: 40 }, (_, i) => postSignIn(h.url, username, i === 39 ? PASSWORD : `wrong password ${i}`)));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.every((s) => [303, 401, 429].includes(s))).toBe(true);
    // Whatever the order, no more than the limit got past the lock-out to a password check.
    expect(statuses.filter((s) => s !== 429).length).toBeLessThanOrEqual(account.maxAttempts);
    // And the store on its own, 40 at once for one new username: every call answers.
    const other = fresh();
    const settled = await Promise.allSettled(Array.from({ length: 40 }, () => staff.signIn(other.username, 'wrong password', other.address)));
    expect(settled.filter((s) => s.status === 'rejected')).toEqual([]);
    // The HTTP attempts all came from 127.0.0.1: let the later tests sign in from there.
    await h.app.database.db.deleteFrom('staff_sign_in_limit').where('key', '=', 'address:127.0.0.1').execute();
  });

  it('limits one address across different usernames; another address is unaffected', async () => {
    const { address: from } = fresh();
    const victim = fresh().username;
    await staff.addAccount(victim, 'Pat', PASSWORD);
    hasher.verified = 0;
    const spray = await Promise.all(Array.from({ length: address.maxAttempts + 10 }, (_, i) => staff.signIn(`nobody${n}-${i}`, 'wrong password', from)));
    expect(hasher.verified).toBeLessThanOrEqual(address.maxAttempts);
    expect(spray.filter((r) => !r.ok && r.limited).length).toBeGreaterThanOrEqual(10);
    // Even the right password for a real account is refused from that address…
    expect(await staff.signIn(victim, PASSWORD, from)).toMatchObject({ ok: false, limited: true });
    // …and works from another one.
    expect(await staff.signIn(victim, PASSWORD, fresh().address)).toMatchObject({ ok: true });
  });

  it('a successful sign-in does not count against its address', async () => {
    const { username, address: from } = fresh();
    await staff.addAccount(username, 'Pat', PASSWORD);
    for (let i = 0; i < address.maxAttempts + 5; i++) expect((await staff.signIn(username, PASSWORD, from)).ok).toBe(true);
  });

  it('ends every session of an account whose password is set again (staff:add for an existing user, or staff:password)', async () => {
    const { username } = fresh();
    await h.app.handoff.staff.addAccount(username, 'Pat', PASSWORD);
    const first = await signIn(h.url, username);
    await h.app.handoff.staff.addAccount(username, 'Pat', 'a brand new password');
    expect((await first.api('GET', '/agent/api/queue')).status).toBe(401);
    expect((await postSignIn(h.url, username, PASSWORD)).status).toBe(401);
    const second = await signIn(h.url, username, 'a brand new password');
    expect(await h.app.handoff.staff.setPassword(username, 'another new password')).toMatchObject({ username });
    expect((await second.api('GET', '/agent/api/me')).status).toBe(401);
    expect((await signIn(h.url, username, 'another new password').then((c) => c.api('GET', '/agent/api/me'))).status).toBe(200);
    expect(await h.app.handoff.staff.setPassword('no-such-user', 'another new password')).toBeUndefined();
  });

  it('a disabled account cannot sign in and its sessions end; enabling lets it sign in again', async () => {
    const { username } = fresh();
    await h.app.handoff.staff.addAccount(username, 'Pat', PASSWORD);
    const client = await signIn(h.url, username);
    await h.app.handoff.staff.disable(username);
    expect((await client.api('GET', '/agent/api/queue')).status).toBe(401);
    const refused = await postSignIn(h.url, username, PASSWORD);
    expect(refused.status).toBe(401);
    expect(await refused.text()).toMatch(/username or password is not right/);
    await h.app.handoff.staff.enable(username);
    expect((await postSignIn(h.url, username, PASSWORD)).status).toBe(303);
    const trail = await h.app.handoff.staff.auditTrail(5000);
    expect(trail.filter((t) => t.action === 'account_disabled' || t.action === 'account_enabled')).toHaveLength(2);
  });

  it('a removed account is deleted with its sessions', async () => {
    const { username } = fresh();
    const pat = await h.app.handoff.staff.addAccount(username, 'Pat', PASSWORD);
    const client = await signIn(h.url, username);
    expect(await h.app.handoff.staff.remove(username)).toMatchObject({ id: pat.id });
    expect((await client.api('GET', '/agent/api/me')).status).toBe(401);
    const db = h.app.database.db;
    expect(await db.selectFrom('staff_account').select('id').where('id', '=', pat.id).execute()).toEqual([]);
    expect(await db.selectFrom('staff_session').select('id').where('staff_id', '=', pat.id).execute()).toEqual([]);
    expect((await postSignIn(h.url, username, PASSWORD)).status).toBe(401);
    expect(await h.app.handoff.staff.remove(username)).toBeUndefined();
  });

  it("verifies a hash made at the old scrypt cost and raises it to today's at that sign-in", async () => {
    const { username, address: from } = fresh();
    const real = new StaffStore(h.app.database.db);
    const pat = await real.addAccount(username, 'Pat', 'placeholder password');
    const old = await new PasswordHasher().hash(PASSWORD, LEGACY_SCRYPT_COST);
    expect(old.startsWith(`scrypt$${2 ** 14}$8$1$`)).toBe(true);
    await h.app.database.db.updateTable('staff_account').set({ password_hash: old }).where('id', '=', pat.id).execute();
    expect((await real.signIn(username, PASSWORD, from)).ok).toBe(true);
    const upgraded = (await h.app.database.db.selectFrom('staff_account').select('password_hash').where('id', '=', pat.id).executeTakeFirstOrThrow())
      .password_hash;
    expect(upgraded.startsWith(`scrypt$${SCRYPT_COST.N}$${SCRYPT_COST.r}$${SCRYPT_COST.p}$`)).toBe(true);
    expect(SCRYPT_COST).toEqual({ N: 2 ** 17, r: 8, p: 1 });
    expect((await real.signIn(username, PASSWORD, from)).ok).toBe(true);
    expect((await real.signIn(username, 'wrong password', from)).ok).toBe(false);
  });
}

describe('staff console security on SQLite', () => {
  staffSecurityContract(() => ({}));
});

describe('staff console security on PostgreSQL', async () => {
  const pgdb: TestPostgres = await createTestPostgres();
  afterAll(async () => pgdb.drop());
  describe.skipIf(!!pgdb.skipReason)(pgdb.skipReason ?? 'contract', () => {
    staffSecurityContract(() => ({ DATABASE_URL: pgdb.url! }));
  });
});

describe('the per-address limit behind a trusted proxy (TRUST_PROXY=true)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp({ TRUST_PROXY: 'true' });
    await h.app.handoff.staff.addAccount('sam', 'Sam', PASSWORD);
  });
  afterAll(async () => h?.close());

  it('counts the address the proxy saw, and says the network is limited', async () => {
    const cheap = new StaffStore(h.app.database.db, DEFAULT_SIGN_IN_POLICY, () => new Date(), new CountingHasher());
    for (let i = 0; i <= address.maxAttempts; i++) await cheap.signIn(`nobody-${i}`, 'wrong password', '203.0.113.9');
    const limited = await postSignIn(h.url, 'sam', PASSWORD, { 'X-Forwarded-For': '10.0.0.1, 203.0.113.9' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.text()).toMatch(/too many attempts to sign in from this network/);
    // The first entry is the client's own claim, and is not trusted.
    expect((await postSignIn(h.url, 'sam', PASSWORD, { 'X-Forwarded-For': '203.0.113.9, 198.51.100.7' })).status).toBe(303);
  });
});

describe('staff commands against a running assistant', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp({ HANDOFF_AGENT_TIMEOUT_MS: '600' });
    await h.app.handoff.staff.addAccount('alex', 'Alex', PASSWORD);
  });
  afterAll(async () => h?.close());

  it("npm run staff:disable ends the account's sessions and closes its open console, with one audit line naming only the username", async () => {
    const alex = await openConsole(h, 'alex');
    const closed = new Promise<number>((resolve) => alex.ws.once('close', (code) => resolve(code)));
    const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/staffAccount.ts', 'disable', '--username', 'Alex'], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: h.dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code, out).toBe(0);
    const audit = out
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'staff_disable', username: 'alex' });
    expect(Object.keys(audit[0]).sort()).toEqual(['action', 'component', 'level', 'msg', 'service', 'time', 'username']);
    expect(await closed).toBe(4401);
    expect((await alex.api('GET', '/agent/api/me')).status).toBe(401);
    expect((await postSignIn(h.url, 'alex', PASSWORD)).status).toBe(401);
  });
});
