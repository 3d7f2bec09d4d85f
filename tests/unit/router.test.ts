import { afterEach, describe, expect, it } from 'vitest';
import type { Hub } from '../../main/hub';
import { call, connection, demoHub, ok, signedIn } from '../helpers/hub';

let hub: Hub | undefined;
afterEach(() => hub?.close());

describe('router', () => {
  it('rejects invalid input with E_INVALID naming the field, in Chinese and English', async () => {
    hub = await demoHub();
    const admin = await signedIn(hub, 'admin');
    const result = await call(hub, admin, 'admin.users.create', {
      username: 'x y',
      displayName: '测试',
      password: 'short',
      roles: ['video_monitor'],
      orgUnitId: 'HQ-C',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('E_INVALID');
    expect(result.error.message.zh).toBe('输入无效：格式不正确（应为规定格式）（字段 username）');
    expect(result.error.message.en).toMatch(/^Invalid input — username: /);
    const issues = (result.error.details as { issues: { path: string; message: string; zh: string }[] }).issues;
    expect(issues.map((i) => i.path)).toEqual(expect.arrayContaining(['username', 'password']));
    // zod's English stays as `message`; the Chinese beside it has no English in it.
    expect(issues.find((i) => i.path === 'password')?.zh).toMatch(/^至少 \d+ 个字符$/);
    for (const i of issues) expect(i.zh).not.toMatch(/[A-Za-z]/);
    expect((await ok(hub, admin, 'admin.users.list', {})).map((u) => u.username)).not.toContain('x y');
  });

  it('answers an unknown method with E_NOT_FOUND and an anonymous call with E_UNAUTHENTICATED', async () => {
    hub = await demoHub();
    const anon = connection();
    const unknown = await hub.call(anon, 'orders.nope', {});
    expect(unknown.ok ? null : unknown.error.code).toBe('E_NOT_FOUND');
    const me = await call(hub, anon, 'auth.me', {});
    expect(me.ok ? null : me.error.code).toBe('E_UNAUTHENTICATED');
    const info = await ok(hub, anon, 'system.info', {});
    expect(info.demo).toBe(true);
  });

  it('appends one audit row per write (successful or not) and none per read', async () => {
    hub = await demoHub();
    const admin = await signedIn(hub, 'admin');
    const count = () => (hub!.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    const before = count();
    await ok(hub, admin, 'admin.users.list', {});
    await ok(hub, admin, 'org.units.list', {});
    expect(count()).toBe(before);
    const created = await ok(hub, admin, 'admin.users.create', {
      username: 'newmonitor',
      displayName: '新监控员',
      password: 'Passw0rd!',
      roles: ['video_monitor'],
      orgUnitId: 'HQ-S2',
    });
    expect(count()).toBe(before + 1);
    const dup = await call(hub, admin, 'admin.users.create', {
      username: 'NewMonitor',
      displayName: '重复',
      password: 'Passw0rd!',
      roles: ['video_monitor'],
      orgUnitId: 'HQ-C',
    });
    expect(dup.ok ? null : dup.error.code).toBe('E_CONFLICT');
    expect(count()).toBe(before + 2);
    const { entries } = await ok(hub, admin, 'audit.list', { limit: 2 });
    expect(entries[0]).toMatchObject({
      method: 'admin.users.create',
      ok: false,
      errorCode: 'E_CONFLICT',
      actorName: 'admin',
    });
    expect(entries[1]).toMatchObject({ method: 'admin.users.create', ok: true, target: 'user:newmonitor' });
    expect(entries[1]?.summary).toContain('HQ-S2');
    expect(created.mustChangePassword).toBe(true);
    expect(admin.events.some((e) => e.event === 'users.changed')).toBe(true);
  });

  it('keeps the audit log append-only even against direct SQL', async () => {
    hub = await demoHub();
    await signedIn(hub, 'chief');
    expect(() => hub!.db.prepare("UPDATE audit_log SET summary = 'x'").run()).toThrow(/append-only/);
    expect(() => hub!.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });

  it('filters and pages the audit log', async () => {
    hub = await demoHub();
    const admin = await signedIn(hub, 'admin');
    for (const language of ['en', 'zh-CN', 'en'] as const) await ok(hub, admin, 'auth.setLanguage', { language });
    await call(hub, connection(), 'auth.login', { username: 'chief', password: 'wrong-pass1' });
    const failures = await ok(hub, admin, 'audit.list', { onlyFailures: true, limit: 10 });
    expect(failures.entries.map((e) => e.actorName)).toEqual(['chief']);
    const page1 = await ok(hub, admin, 'audit.list', { method: 'auth.setLanguage', limit: 2 });
    expect(page1.entries).toHaveLength(2);
    expect(page1.nextBeforeId).not.toBeNull();
    const page2 = await ok(hub, admin, 'audit.list', {
      method: 'auth.setLanguage',
      limit: 2,
      beforeId: page1.nextBeforeId ?? 0,
    });
    expect(page2.entries).toHaveLength(1);
    expect(page2.nextBeforeId).toBeNull();
    expect(await ok(hub, admin, 'audit.methods', {})).toEqual(
      expect.arrayContaining(['auth.login', 'auth.setLanguage']),
    );
    const text = await ok(hub, admin, 'audit.list', { text: '界面语言：英文', limit: 10 });
    expect(text.entries).toHaveLength(2);
  });
});
