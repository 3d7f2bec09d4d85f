import { afterEach, describe, expect, it } from 'vitest';
import type { Hub } from '../../main/hub';
import { AuditRepo } from '../../main/services/audit/audit-repo';
import { DEMO_PASSWORD } from '../../main/services/users/bootstrap';
import { call, demoHub, ok, signedIn } from '../helpers/hub';

let hub: Hub | undefined;
afterEach(() => hub?.close());

describe('audit rows with their detail', () => {
  it('stores the structured summary with the row and returns names beside the codes', async () => {
    hub = await demoHub();
    const admin = await signedIn(hub, 'admin');
    await ok(hub, admin, 'auth.setLanguage', { language: 'en' });
    await ok(hub, admin, 'admin.users.create', {
      username: 'lina',
      displayName: '李娜',
      password: DEMO_PASSWORD,
      roles: ['video_monitor'],
      orgUnitId: 'HQ-C',
    });
    const { entries } = await ok(hub, admin, 'audit.list', { limit: 5 });
    const created = entries.find((e) => e.method === 'admin.users.create');
    expect(created?.detail).toEqual({
      key: 'user.create',
      params: { name: '李娜', username: 'lina', roles: ['video_monitor'], unit: 'HQ-C' },
    });
    expect(created?.summary).toBe('新建用户 李娜（lina，视频监控员，HQ-C）');
    // `user:lina` → the user's display name; the actor's display name beside the sign-in name.
    expect(created?.targetName).toBe('李娜');
    expect(created?.actorName).toBe('admin');
    expect(created?.actorDisplayName).not.toBeNull();
    const language = entries.find((e) => e.method === 'auth.setLanguage');
    expect(language?.detail).toEqual({ key: 'auth.language', params: { language: 'en' } });
    expect(language?.summary).toBe('界面语言：英文');
    // The text filter searches the stored Chinese, and the actor filter the display name too.
    expect((await ok(hub, admin, 'audit.list', { text: '李娜', limit: 5 })).entries.map((e) => e.method)).toEqual([
      'admin.users.create',
    ]);
    const byDisplay = await ok(hub, admin, 'audit.list', { actor: created?.actorDisplayName ?? '-', limit: 50 });
    expect(byDisplay.entries.length).toBeGreaterThan(0);
  });

  it('keeps rows without a detail (written before it existed) and drops a detail that does not parse', async () => {
    hub = await demoHub();
    const repo = new AuditRepo(hub.db);
    const base = { at: 1, actorId: null, actorName: '-', target: 'order:HQ1', ok: true, errorCode: null };
    repo.append({ ...base, method: 'orders.act', summary: 'supervise → dispatched' });
    // A row a newer or broken writer left with text that is not a detail.
    hub.db
      .prepare(
        `INSERT INTO audit_log (at, actor_id, actor_name, method, target, summary, ok, error_code, detail)
         VALUES (2, NULL, '-', 'orders.act', NULL, '坏的', 1, NULL, '{not json')`,
      )
      .run();
    const admin = await signedIn(hub, 'admin');
    const { entries } = await ok(hub, admin, 'audit.list', { method: 'orders.act', limit: 10 });
    expect(entries.map((e) => [e.summary, e.detail, e.targetName])).toEqual([
      ['坏的', null, null],
      ['supervise → dispatched', null, null],
    ]);
  });

  it('still writes a failure row with the detail set so far', async () => {
    hub = await demoHub();
    const admin = await signedIn(hub, 'admin');
    const r = await call(hub, admin, 'admin.users.create', {
      username: 'admin',
      displayName: '重复',
      password: DEMO_PASSWORD,
      roles: ['video_monitor'],
      orgUnitId: 'HQ-C',
    });
    expect(r.ok).toBe(false);
    const { entries } = await ok(hub, admin, 'audit.list', { onlyFailures: true, limit: 5 });
    expect(entries[0]?.detail?.key).toBe('user.create');
  });
});
