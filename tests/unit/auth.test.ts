import { afterEach, describe, expect, it } from 'vitest';
import type { Hub } from '../../main/hub';
import { AuthService, LOCK_MS } from '../../main/services/auth/auth-service';
import { SessionsRepo } from '../../main/services/auth/sessions-repo';
import { UsersRepo } from '../../main/services/users/users-repo';
import { DEMO_PASSWORD, DEMO_USERS } from '../../main/services/users/bootstrap';
import { call, connection, demoHub, ok, signedIn, tempDir, testClock } from '../helpers/hub';
import { openHub } from '../../main/hub';

let hub: Hub | undefined;
afterEach(() => hub?.close());

const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'OK' : r.error?.code);

describe('demo and real installs', () => {
  it('demo mode creates one user per role with the demo password', async () => {
    hub = await demoHub();
    const admin = await signedIn(hub, 'admin');
    const users = await ok(hub, admin, 'admin.users.list', {});
    expect(users.map((u) => u.username).sort()).toEqual(DEMO_USERS.map((u) => u.username).sort());
    expect(new Set(users.flatMap((u) => u.roles)).size).toBe(7);
    expect(users.find((u) => u.username === 'station')?.orgUnitName).toBe('第一联勤站');
  });

  it('a real install creates only an admin, with the given password, and no DEMO mark', async () => {
    hub = await openHub({ dataDir: tempDir(), demo: false, adminPassword: 'Real#Admin2026' });
    expect((await call(hub, connection(), 'auth.login', { username: 'chief', password: DEMO_PASSWORD })).ok).toBe(
      false,
    );
    const admin = await signedIn(hub, 'admin', 'Real#Admin2026');
    expect((await ok(hub, admin, 'admin.users.list', {})).map((u) => u.username)).toEqual(['admin']);
    expect((await ok(hub, admin, 'system.info', {})).demo).toBe(false);
  });

  it('without a password a real install generates one that must be changed at first sign-in', async () => {
    hub = await openHub({ dataDir: tempDir(), demo: false });
    const generated = hub.bootstrap.generatedAdminPassword;
    expect(generated).toMatch(/^Hq.{8,}/);
    const grant = await ok(hub, connection(), 'auth.login', { username: 'admin', password: generated ?? '' });
    expect(grant.user.mustChangePassword).toBe(true);
  });
});

describe('sign-in', () => {
  // Each attempt on a fresh connection: a connection that just failed waits a second (router throttle).
  it('locks an account for 5 minutes after 5 wrong passwords, even for the right one', async () => {
    const clock = testClock();
    hub = await demoHub({ clock });
    for (let i = 1; i <= 4; i++) {
      const r = await call(hub, connection(), 'auth.login', { username: 'chief', password: `wrong${i}pass` });
      expect(code(r)).toBe('E_UNAUTHENTICATED');
      if (!r.ok) expect(r.error.message.en).toContain(`(${5 - i} more and the account locks for 5 minutes)`);
    }
    const fifth = await call(hub, connection(), 'auth.login', { username: 'chief', password: 'wrong5pass' });
    expect(code(fifth)).toBe('E_LOCKED');
    if (!fifth.ok) expect(fifth.error.message.zh).toMatch(/锁定至 2026-11-26 10:05:00/);
    const right = () => call(hub!, connection(), 'auth.login', { username: 'chief', password: DEMO_PASSWORD });
    expect(code(await right())).toBe('E_LOCKED');
    clock.advance(LOCK_MS - 1000);
    expect(code(await right())).toBe('E_LOCKED');
    clock.advance(2000);
    expect(code(await right())).toBe('OK');
  });

  it('a success resets the failure count', async () => {
    hub = await demoHub();
    const attempt = (password: string) => call(hub!, connection(), 'auth.login', { username: 'grid', password });
    for (let i = 0; i < 4; i++) expect(code(await attempt('nope12345'))).toBe('E_UNAUTHENTICATED');
    expect(code(await attempt(DEMO_PASSWORD))).toBe('OK');
    for (let i = 0; i < 4; i++) expect(code(await attempt('nope12345'))).toBe('E_UNAUTHENTICATED');
    expect(code(await attempt(DEMO_PASSWORD))).toBe('OK');
  });

  it('a failure while locked neither clears nor moves the lock; the lock ends on time', async () => {
    const clock = testClock();
    hub = await demoHub({ clock });
    const attempt = (password: string) => call(hub!, connection(), 'auth.login', { username: 'hotline', password });
    for (let i = 0; i < 5; i++) await attempt('wrong-pw9');
    const lockedUntil = () =>
      (hub!.db.prepare("SELECT locked_until AS v FROM users WHERE username = 'hotline'").get() as { v: number | null })
        .v;
    const until = lockedUntil();
    expect(until).toBe(clock() + LOCK_MS);
    clock.advance(60_000);
    expect(code(await attempt('wrong-pw9'))).toBe('E_LOCKED');
    expect(lockedUntil()).toBe(until);
    clock.advance(LOCK_MS);
    // Five fresh tries after the lock ends: the count started over when it locked.
    for (let i = 0; i < 4; i++) expect(code(await attempt('wrong-pw9'))).toBe('E_UNAUTHENTICATED');
    expect(code(await attempt(DEMO_PASSWORD))).toBe('OK');
  });

  it('the handover signature check counts towards the same lockout', async () => {
    const clock = testClock();
    hub = await demoHub({ clock });
    // The duty service's AuthService over the same database (handover-service calls verifyCredentials).
    const auth = new AuthService(new UsersRepo(hub.db), new SessionsRepo(hub.db), clock, {
      sessionLifetimeMs: 60_000,
    });
    expect((await auth.verifyCredentials('chief', DEMO_PASSWORD)).username).toBe('chief');
    for (let i = 0; i < 4; i++) {
      await expect(auth.verifyCredentials('chief', 'wrong-sign1')).rejects.toMatchObject({
        code: 'E_UNAUTHENTICATED',
      });
    }
    await expect(auth.verifyCredentials('chief', 'wrong-sign1')).rejects.toMatchObject({ code: 'E_LOCKED' });
    await expect(auth.verifyCredentials('chief', DEMO_PASSWORD)).rejects.toMatchObject({ code: 'E_LOCKED' });
    expect(code(await call(hub, connection(), 'auth.login', { username: 'chief', password: DEMO_PASSWORD }))).toBe(
      'E_LOCKED',
    );
  });

  it('gives the same answer for an unknown user as for a wrong password', async () => {
    hub = await demoHub();
    const unknown = await call(hub, connection(), 'auth.login', { username: 'nobody', password: 'whatever1' });
    const wrong = await call(hub, connection(), 'auth.login', { username: 'admin', password: 'whatever1' });
    expect(code(unknown)).toBe('E_UNAUTHENTICATED');
    expect(code(wrong)).toBe('E_UNAUTHENTICATED');
  });
});

describe('sessions', () => {
  it('expire after their lifetime', async () => {
    const clock = testClock();
    hub = await demoHub({ clock, sessionLifetimeMs: 60_000 });
    const conn = await signedIn(hub, 'monitor');
    expect(code(await call(hub, conn, 'auth.me', {}))).toBe('OK');
    clock.advance(59_000);
    expect(code(await call(hub, conn, 'org.units.list', {}))).toBe('OK');
    clock.advance(2_000);
    expect(code(await call(hub, conn, 'auth.me', {}))).toBe('E_UNAUTHENTICATED');
    const token = conn.token ?? '';
    expect(code(await call(hub, connection(), 'auth.resume', { token }))).toBe('E_UNAUTHENTICATED');
  });

  it('resume binds a new connection to a live session; logout ends it', async () => {
    hub = await demoHub();
    const first = await signedIn(hub, 'hotline');
    const second = connection('reload');
    const grant = await ok(hub, second, 'auth.resume', { token: first.token ?? '' });
    expect(grant.user.username).toBe('hotline');
    await ok(hub, second, 'auth.logout', {});
    expect(code(await call(hub, first, 'auth.me', {}))).toBe('E_UNAUTHENTICATED');
  });

  it('disabling a user ends their sessions at once and tells their windows', async () => {
    hub = await demoHub();
    const admin = await signedIn(hub, 'admin');
    const chief = await signedIn(hub, 'chief');
    const chiefId = (await ok(hub, chief, 'auth.me', {})).id;
    await ok(hub, admin, 'admin.users.setDisabled', { id: chiefId, disabled: true });
    expect(chief.events).toContainEqual({ event: 'session.ended', payload: { reason: 'disabled' } });
    expect(code(await call(hub, chief, 'auth.me', {}))).toBe('E_UNAUTHENTICATED');
    expect(code(await call(hub, connection(), 'auth.login', { username: 'chief', password: DEMO_PASSWORD }))).toBe(
      'E_FORBIDDEN',
    );
    await ok(hub, admin, 'admin.users.setDisabled', { id: chiefId, disabled: false });
    expect(code(await call(hub, connection(), 'auth.login', { username: 'chief', password: DEMO_PASSWORD }))).toBe(
      'OK',
    );
  });

  it('changing one’s password keeps this session and ends the others', async () => {
    hub = await demoHub();
    const here = await signedIn(hub, 'coord');
    const elsewhere = await signedIn(hub, 'coord');
    const wrong = await call(hub, here, 'auth.changePassword', {
      currentPassword: 'bad-pass1',
      newPassword: 'Newpass#2027',
    });
    expect(code(wrong)).toBe('E_INVALID');
    await ok(hub, here, 'auth.changePassword', { currentPassword: DEMO_PASSWORD, newPassword: 'Newpass#2027' });
    expect(code(await call(hub, here, 'auth.me', {}))).toBe('OK');
    expect(code(await call(hub, elsewhere, 'auth.me', {}))).toBe('E_UNAUTHENTICATED');
    expect(elsewhere.events).toContainEqual({ event: 'session.ended', payload: { reason: 'password_changed' } });
    expect(code(await call(hub, connection(), 'auth.login', { username: 'coord', password: 'Newpass#2027' }))).toBe(
      'OK',
    );
  });

  it('a wrong current password counts towards the lockout, and a locked account cannot change it', async () => {
    const clock = testClock();
    hub = await demoHub({ clock });
    const here = await signedIn(hub, 'station');
    const change = (currentPassword: string) =>
      call(hub!, here, 'auth.changePassword', { currentPassword, newPassword: 'Newpass#2027' });
    // Two failed sign-ins and three wrong current passwords make five.
    for (let i = 0; i < 2; i++)
      await call(hub, connection(), 'auth.login', { username: 'station', password: 'wrong-pw9' });
    const third = await change('bad-pass1');
    expect(code(third)).toBe('E_INVALID');
    if (!third.ok) {
      expect(third.error.details).toEqual({ field: 'currentPassword' });
      expect(third.error.message.en).toContain('2 more');
    }
    expect(code(await change('bad-pass1'))).toBe('E_INVALID');
    expect(code(await change('bad-pass1'))).toBe('E_LOCKED');
    expect(code(await change(DEMO_PASSWORD))).toBe('E_LOCKED');
    expect(code(await call(hub, connection(), 'auth.login', { username: 'station', password: DEMO_PASSWORD }))).toBe(
      'E_LOCKED',
    );
    clock.advance(LOCK_MS + 1000);
    expect(code(await change(DEMO_PASSWORD))).toBe('OK');
  });

  it('remembers the language per user', async () => {
    hub = await demoHub();
    const conn = await signedIn(hub, 'grid');
    await ok(hub, conn, 'auth.setLanguage', { language: 'en' });
    const again = await ok(hub, connection(), 'auth.login', { username: 'grid', password: DEMO_PASSWORD });
    expect(again.user.language).toBe('en');
  });
});

describe('user administration', () => {
  it('resetting a password unlocks the account and forces a change', async () => {
    hub = await demoHub();
    const admin = await signedIn(hub, 'admin');
    for (let i = 0; i < 5; i++)
      await call(hub, connection(), 'auth.login', { username: 'station', password: 'wrong-pw9' });
    const users = await ok(hub, admin, 'admin.users.list', {});
    const station = users.find((u) => u.username === 'station');
    expect(station?.lockedUntil).not.toBeNull();
    const reset = await ok(hub, admin, 'admin.users.resetPassword', {
      id: station?.id ?? 0,
      newPassword: 'Station#2026',
    });
    expect(reset.lockedUntil).toBeNull();
    const grant = await ok(hub, connection(), 'auth.login', { username: 'station', password: 'Station#2026' });
    expect(grant.user.mustChangePassword).toBe(true);
  });

  it('assigns roles and org units, and refuses a non-user org unit', async () => {
    hub = await demoHub();
    const admin = await signedIn(hub, 'admin');
    const monitor = (await ok(hub, admin, 'admin.users.list', {})).find((u) => u.username === 'monitor');
    const id = monitor?.id ?? 0;
    const updated = await ok(hub, admin, 'admin.users.update', {
      id,
      roles: ['video_monitor', 'duty_chief'],
      orgUnitId: 'HQ-S2',
    });
    expect(updated.roles).toEqual(['duty_chief', 'video_monitor']);
    expect(updated.orgUnitName).toBe('第二联勤站');
    const bad = await call(hub, admin, 'admin.users.update', { id, orgUnitId: 'HQ-W-CL01' });
    expect(code(bad)).toBe('E_INVALID');
    const missing = await call(hub, admin, 'admin.users.update', { id: 9999, displayName: 'x' });
    expect(code(missing)).toBe('E_NOT_FOUND');
  });

  it('never lets an admin disable or demote themselves or the last admin', async () => {
    hub = await demoHub();
    const admin = await signedIn(hub, 'admin');
    const me = await ok(hub, admin, 'auth.me', {});
    expect(code(await call(hub, admin, 'admin.users.setDisabled', { id: me.id, disabled: true }))).toBe('E_CONFLICT');
    expect(code(await call(hub, admin, 'admin.users.update', { id: me.id, roles: ['duty_chief'] }))).toBe('E_CONFLICT');
    expect((await ok(hub, admin, 'auth.me', {})).roles).toEqual(['admin']);
  });
});
