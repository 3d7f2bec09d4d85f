import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOddText, type ApiResult } from '../../common/contract';
import type { Hub } from '../../main/hub';
import { call, demoHub, ok, signedIn, type TestConnection } from '../helpers/hub';

describe('findOddText', () => {
  it('passes ordinary Chinese text, tabs and line breaks (LF and CRLF), and paired surrogates', () => {
    expect(findOddText({ a: '井盖缺失\t东侧\r\n第二行\n', b: ['😀 emoji', 3, null, { c: 'ok' }] })).toBeNull();
  });

  it.each([
    ['NUL at the start', '\u0000abc', 'U+0000'],
    ['NUL inside', '井盖\u0000缺失', 'U+0000'],
    ['bell', 'a\u0007', 'U+0007'],
    ['escape', '\u001b[31mred', 'U+001B'],
    ['delete', 'x\u007f', 'U+007F'],
    ['C1 control', 'x\u0085', 'U+0085'],
    ['vertical tab', 'x\u000b', 'U+000B'],
    ['lone high surrogate', 'x\ud800y', 'U+D800'],
    ['lone low surrogate', '\udc00', 'U+DC00'],
  ])('finds %s and names where it is', (_name, text, char) => {
    expect(findOddText({ links: { notes: ['fine', text] } })).toEqual({ path: 'links.notes.1', char });
  });

  it('looks at object keys too', () => {
    expect(findOddText({ 'a\u0000': 1 })).toEqual({ path: 'a\u0000', char: 'U+0000' });
  });
});

describe('odd text at the contract', () => {
  let hub: Hub;
  let admin: TestConnection;
  let monitor: TestConnection;
  let chief: TestConnection;
  let cameraId: string;

  const auditCount = () => (hub.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  const expectFieldError = (r: ApiResult<unknown>, field: string) => {
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('E_INVALID');
    expect(r.error.message.zh).toContain('控制字符');
    expect(r.error.message.en).toContain('control character');
    expect(r.error.details).toMatchObject({ errors: [{ field }], issues: [{ path: field }] });
  };

  beforeAll(async () => {
    hub = await demoHub();
    admin = await signedIn(hub, 'admin');
    monitor = await signedIn(hub, 'monitor');
    chief = await signedIn(hub, 'chief');
    const cam = await ok(hub, admin, 'cameras.create', {
      name: '合庆居委广场',
      workstationId: 'HQ-W-HQ14',
      mainUrl: 'http://127.0.0.1:9/main.m3u8',
    });
    cameraId = cam.id;
  });
  afterAll(() => hub.close());

  it('refuses NUL in the four methods that answered E_INTERNAL, with the field, and saves nothing', async () => {
    const tables = () =>
      ['cameras', 'wall_views', 'wall_tours', 'duty_log_entries'].map(
        (t) => (hub.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n,
      );
    const before = tables();
    expectFieldError(
      await call(hub, admin, 'cameras.create', {
        name: '\u0000广场',
        workstationId: 'HQ-W-HQ14',
        mainUrl: 'http://x/a',
      }),
      'name',
    );
    expectFieldError(
      await call(hub, monitor, 'wall.views.save', { name: '\u0000视图', layout: '4', slots: [cameraId] }),
      'name',
    );
    expectFieldError(
      await call(hub, monitor, 'wall.tours.save', {
        name: '巡\u0000查',
        mode: 'wall',
        layout: '4',
        cameras: [cameraId],
        dwellSeconds: 15,
      }),
      'name',
    );
    expectFieldError(await call(hub, chief, 'duty.log.append', { kind: 'duty', text: '\u0000交接' }), 'text');
    expect(tables()).toEqual(before);
  });

  it('accepts the same inputs without the control character (so the refusal above is the character)', async () => {
    await ok(hub, monitor, 'wall.views.save', { name: '视图', layout: '4', slots: [cameraId] });
    await ok(hub, chief, 'duty.log.append', { kind: 'duty', text: '交接\t正常\r\n第二行' });
  });

  it('refuses it before sign-in checks a password, and audits a refused write once', async () => {
    const anon = await signedIn(hub, 'grid');
    const before = auditCount();
    expectFieldError(
      await call(hub, anon, 'auth.changePassword', { currentPassword: 'Demo#2026', newPassword: 'Abc\u00001234' }),
      'newPassword',
    );
    expect(auditCount()).toBe(before + 1);
  });
});
