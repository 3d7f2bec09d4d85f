import { afterEach, describe, expect, it } from 'vitest';
import type { ApiError, ApiResult } from '../../common/contract';
import type { Hub } from '../../main/hub';
import { LOCK_MS } from '../../main/services/auth/auth-service';
import { SIGN_IN_LIMITS, SignInGuard } from '../../main/services/auth/sign-in-guard';
import { DEMO_PASSWORD } from '../../main/services/users/bootstrap';
import { UsersRepo } from '../../main/services/users/users-repo';
import { call, connection, demoHub, ok, testClock, type TestConnection } from '../helpers/hub';

let hub: Hub | undefined;
afterEach(() => hub?.close());

const code = (r: ApiResult<unknown>) => (r.ok ? 'OK' : r.error.code);
const details = (r: ApiResult<unknown>) => (r.ok ? undefined : (r.error.details as Record<string, unknown>));

/** A fresh client from its own address, so only the account's own rules can stop it. */
let next = 0;
function client(address = `10.9.${Math.floor(next / 250)}.${(next % 250) + 1}`): TestConnection {
  next += 1;
  return { ...connection(`c${next}`), remoteAddress: address };
}

function login(h: Hub, username: string, password: string, conn: TestConnection = client()) {
  return call(h, conn, 'auth.login', { username, password });
}

function lockedUntil(h: Hub, username: string): number | null {
  return new UsersRepo(h.db).byUsername(username)?.lockedUntil ?? null;
}

function auditRows(h: Hub, method: string): number {
  return (h.db.prepare('SELECT count(*) AS n FROM audit_log WHERE method = ?').get(method) as { n: number }).n;
}

describe('parallel sign-in burst', () => {
  it('after 5 wrong passwords, 40 attempts in flight (one right) all fail and the lock stays', async () => {
    const clock = testClock();
    hub = await demoHub({ clock });
    for (let i = 0; i < 5; i++) await login(hub, 'chief', `wrong-${i}-pass`);
    const until = lockedUntil(hub, 'chief');
    expect(until).toBe(clock() + LOCK_MS);
    const burst = await Promise.all(
      Array.from({ length: 40 }, (_, i) => login(hub!, 'chief', i === 23 ? DEMO_PASSWORD : `guess-${i}-pw`)),
    );
    expect(burst.filter((r) => r.ok)).toEqual([]);
    for (const r of burst) expect(['E_LOCKED', 'E_RATE_LIMITED']).toContain(code(r));
    expect(lockedUntil(hub, 'chief')).toBe(until);
    expect(code(await login(hub, 'chief', DEMO_PASSWORD))).toBe('E_LOCKED');
  });

  it('a burst that reaches the fifth failure locks, and the right password in it does not get in', async () => {
    const clock = testClock();
    hub = await demoHub({ clock });
    for (let i = 0; i < 4; i++) await login(hub, 'coord', `wrong-${i}-pass`);
    // The right password is last: the attempts ahead of it must lock the account, not let it in.
    const burst = await Promise.all(
      Array.from({ length: 40 }, (_, i) => login(hub!, 'coord', i === 39 ? DEMO_PASSWORD : `guess-${i}-pw`)),
    );
    expect(burst.filter((r) => r.ok)).toEqual([]);
    // One attempt is checked; the others are refused while it is in flight, without a password check.
    expect(burst.map(code).filter((c) => c !== 'E_RATE_LIMITED')).toEqual(['E_LOCKED']);
    expect(burst.filter((r) => details(r)?.scope === 'account')).toHaveLength(39);
    expect(lockedUntil(hub, 'coord')).toBe(clock() + LOCK_MS);
    expect(code(await login(hub, 'coord', DEMO_PASSWORD))).toBe('E_LOCKED');
  });

  it('concurrent checks of one account run one at a time, also across sign-in and password change', async () => {
    hub = await demoHub();
    const here = client();
    await ok(hub, here, 'auth.login', { username: 'grid', password: DEMO_PASSWORD });
    const [change, signIn, other] = await Promise.all([
      call(hub, here, 'auth.changePassword', { currentPassword: 'not-mine-1', newPassword: 'Newpass#2027' }),
      login(hub, 'GRID', DEMO_PASSWORD),
      login(hub, 'monitor', DEMO_PASSWORD),
    ]);
    expect(code(change)).toBe('E_INVALID');
    expect(code(signIn)).toBe('E_RATE_LIMITED');
    expect(details(signIn)).toMatchObject({ scope: 'account' });
    // Another account is not held up.
    expect(code(other)).toBe('OK');
    // Once the check is over, the next one runs (and the failure above was counted: 4 left).
    const after = await login(hub, 'grid', 'not-mine-2');
    expect(!after.ok && after.error.message.en).toContain('3 more');
  });

  it('a lock set while a right password is being checked keeps it out', async () => {
    const clock = testClock();
    hub = await demoHub({ clock });
    const pending = login(hub, 'monitor', DEMO_PASSWORD);
    // Meanwhile another path (another hub process on the same file, or a race) locks the account.
    hub.db.prepare("UPDATE users SET locked_until = ? WHERE username = 'monitor'").run(clock() + LOCK_MS);
    expect(code(await pending)).toBe('E_LOCKED');
    expect(lockedUntil(hub, 'monitor')).toBe(clock() + LOCK_MS);
  });

  it('counts failures in one statement that never clears a running lock', async () => {
    const clock = testClock();
    hub = await demoHub({ clock });
    const users = new UsersRepo(hub.db);
    const id = users.byUsername('hotline')?.id ?? 0;
    const fail = () => users.recordFailedLogin(id, clock(), 5, LOCK_MS);
    for (let i = 1; i <= 4; i++) expect(fail()).toEqual({ failedLogins: i, lockedUntil: null });
    const locked = { failedLogins: 0, lockedUntil: clock() + LOCK_MS };
    expect(fail()).toEqual(locked);
    clock.advance(1000);
    expect(fail()).toEqual(locked);
    expect(users.recordPasswordSuccess(id, clock())).toBe(false);
    expect(users.byId(id)?.lockedUntil).toBe(locked.lockedUntil);
    clock.advance(LOCK_MS);
    expect(fail()).toEqual({ failedLogins: 1, lockedUntil: null });
    expect(users.recordPasswordSuccess(id, clock())).toBe(true);
    expect(users.byId(id)?.failedLogins).toBe(0);
  });
});

describe('sign-in rate limits', () => {
  it('allows 10 attempts a minute per connection, then answers with a retry-after', async () => {
    const clock = testClock();
    hub = await demoHub({ clock });
    // Signed in, so the router's anonymous-write throttle is not what stops it.
    const conn = client('192.0.2.10');
    await ok(hub, conn, 'auth.login', { username: 'admin', password: DEMO_PASSWORD });
    const { capacity, periodMs } = SIGN_IN_LIMITS.perConnection;
    for (let i = 1; i < capacity; i++)
      expect(code(await login(hub, `ghost${i}`, 'whatever1', conn))).toBe('E_UNAUTHENTICATED');
    const limited = await login(hub, 'ghost-x', 'whatever1', conn);
    expect(code(limited)).toBe('E_RATE_LIMITED');
    expect(details(limited)).toEqual({ retryAfterMs: periodMs / capacity, scope: 'connection' });
    // The same address on another connection is not affected (9 failures < 30).
    expect(code(await login(hub, 'admin', DEMO_PASSWORD, client('192.0.2.10')))).toBe('OK');
    clock.advance(periodMs / capacity);
    expect(code(await login(hub, 'ghost-y', 'whatever1', conn))).toBe('E_UNAUTHENTICATED');
    expect(code(await login(hub, 'ghost-z', 'whatever1', conn))).toBe('E_RATE_LIMITED');
  });

  it('allows 30 failures a minute per address (loopback too); successes are free', () => {
    // The guard itself, without 30 password hashes per run.
    const clock = testClock();
    const guard = new SignInGuard(clock);
    const { capacity, periodMs } = SIGN_IN_LIMITS.perAddressFailures;
    const from = (remoteAddress: string) => ({ connection: {}, remoteAddress });
    // A shift change: many people signing in from one address are never slowed down.
    for (let i = 0; i < capacity * 2; i++) guard.admit(from('127.0.0.1')).succeeded();
    for (let i = 0; i < capacity; i++) guard.admit(from(i % 2 ? '127.0.0.1' : '::ffff:127.0.0.1'));
    const refused = (() => {
      try {
        guard.admit(from('127.0.0.1'));
        return null;
      } catch (err) {
        return err as ApiError;
      }
    })();
    expect(refused?.code).toBe('E_RATE_LIMITED');
    expect(refused?.details).toEqual({ retryAfterMs: periodMs / capacity, scope: 'address' });
    // Another address is not affected; the limited one refills with time.
    expect(() => guard.admit(from('127.0.0.2'))).not.toThrow();
    clock.advance(periodMs / capacity);
    expect(() => guard.admit(from('127.0.0.1'))).not.toThrow();
    expect(() => guard.admit(from('127.0.0.1'))).toThrow(/Too many attempts/);
  });

  it('counts attempts kept in flight from one address', { timeout: 60_000 }, async () => {
    const clock = testClock();
    hub = await demoHub({ clock });
    const { capacity } = SIGN_IN_LIMITS.perAddressFailures;
    const burst = await Promise.all(
      Array.from({ length: capacity + 10 }, (_, i) => login(hub!, `nobody${i}`, 'whatever1', client('203.0.113.5'))),
    );
    expect(burst.filter((r) => code(r) === 'E_UNAUTHENTICATED')).toHaveLength(capacity);
    expect(burst.filter((r) => details(r)?.scope === 'address')).toHaveLength(10);
  });
});

describe('anonymous writes and the audit log', () => {
  it('writes at most one audit row per connection per second for calls without a session', async () => {
    const clock = testClock();
    hub = await demoHub({ clock });
    const conn = client();
    const before = auditRows(hub, 'auth.login');
    const quick = [];
    for (let i = 0; i < 20; i++) quick.push(await login(hub, 'nobody', `guess-${i}-pw`, conn));
    expect(quick.map(code)).toEqual(['E_UNAUTHENTICATED', ...Array<string>(19).fill('E_RATE_LIMITED')]);
    expect(auditRows(hub, 'auth.login')).toBe(before + 1);
    // Kept in flight at once: one is admitted.
    clock.advance(1000);
    const parallel = await Promise.all(Array.from({ length: 20 }, (_, i) => login(hub!, 'nobody', `p-${i}-pw`, conn)));
    expect(parallel.filter((r) => code(r) === 'E_UNAUTHENTICATED')).toHaveLength(1);
    expect(auditRows(hub, 'auth.login')).toBe(before + 2);
    // Any writing method without a session is throttled alike, and refused calls leave no row.
    const orders = auditRows(hub, 'orders.create');
    expect(code(await call(hub, conn, 'orders.create', {} as never))).toBe('E_RATE_LIMITED');
    clock.advance(999);
    expect(details(await login(hub, 'nobody', 'guess-x-pw', conn))).toEqual({ retryAfterMs: 1, scope: 'connection' });
    clock.advance(1);
    expect(code(await call(hub, conn, 'orders.create', {} as never))).toBe('E_UNAUTHENTICATED');
    expect(auditRows(hub, 'orders.create')).toBe(orders + 1);
  });

  it('does not hold up a sign-in after a sign-out, nor writes with a session', async () => {
    const clock = testClock();
    hub = await demoHub({ clock });
    const conn = client();
    await ok(hub, conn, 'auth.login', { username: 'grid', password: DEMO_PASSWORD });
    await ok(hub, conn, 'auth.setLanguage', { language: 'en' });
    await ok(hub, conn, 'auth.setLanguage', { language: 'zh-CN' });
    await ok(hub, conn, 'auth.logout', {});
    await ok(hub, conn, 'auth.login', { username: 'monitor', password: DEMO_PASSWORD });
    expect(auditRows(hub, 'auth.setLanguage')).toBe(2);
  });
});
