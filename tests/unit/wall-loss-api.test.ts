import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult, MethodInput, MethodName, MethodOutput } from '../../common/contract';
import type { Connection } from '../../main/api/connection';
import { EventBus } from '../../main/api/event-bus';
import { authHandlers } from '../../main/api/handlers/auth-handlers';
import { wallLossHandlers } from '../../main/api/handlers/wall-loss-handlers';
import type { HandlerMap } from '../../main/api/handler-types';
import { Router } from '../../main/api/router';
import { openDatabase, type Db } from '../../main/db/connection';
import { AuditRepo } from '../../main/services/audit/audit-repo';
import { AuthService } from '../../main/services/auth/auth-service';
import { SessionsRepo } from '../../main/services/auth/sessions-repo';
import { seedReferenceData } from '../../main/services/org/seed';
import { bootstrapUsers, DEMO_PASSWORD } from '../../main/services/users/bootstrap';
import { UsersRepo } from '../../main/services/users/users-repo';
import { LossAlarmSettings } from '../../main/services/wall/loss-alarm-settings';

// The video-loss alarm per camera group: wall.lossAlarms.list / .set through the
// router (roles, validation, audit, events), on a hub of just sign-in and these handlers.
let db: Db;
let router: Router;
let now = 1_800_000_000_000;
const conns = new Map<string, Connection>();
const pushed: { conn: string; event: string }[] = [];

beforeAll(async () => {
  db = openDatabase(fs.mkdtempSync(path.join(os.tmpdir(), 'cityops-wall-loss-')));
  seedReferenceData(db);
  const clock = () => now;
  const users = new UsersRepo(db);
  await bootstrapUsers(db, users, clock(), { demo: true });
  const auth = new AuthService(users, new SessionsRepo(db), clock, { sessionLifetimeMs: 3600_000 });
  const bus = new EventBus(auth);
  const handlers = {
    ...authHandlers(auth, bus),
    ...wallLossHandlers(
      new LossAlarmSettings(db, clock),
      () => {
        throw new Error('no cameras here');
      },
      clock,
    ),
  } as unknown as HandlerMap;
  router = new Router({ db, clock, auth, audit: new AuditRepo(db), bus, handlers, onInternalError: () => undefined });
  for (const username of ['admin', 'chief', 'monitor', 'station', 'hotline', 'grid']) {
    const conn: Connection = {
      id: `conn-${username}`,
      token: null,
      push: (event) => {
        pushed.push({ conn: username, event });
      },
    };
    await router.call(conn, 'auth.login', { username, password: DEMO_PASSWORD });
    if (!conn.token) throw new Error(`${username} did not sign in`);
    bus.attach(conn);
    conns.set(username, conn);
  }
}, 60_000);
afterAll(() => db.close());

function call<M extends MethodName>(user: string, method: M, input: MethodInput<M>) {
  const conn = conns.get(user);
  if (!conn) throw new Error(`no connection for ${user}`);
  return router.call(conn, method, input) as Promise<ApiResult<MethodOutput<M>>>;
}

const codeOf = (r: ApiResult<unknown>) => (r.ok ? 'ok' : r.error.code);
const auditRows = () =>
  db
    .prepare("SELECT target, summary FROM audit_log WHERE method = 'wall.lossAlarms.set' AND ok = 1 ORDER BY id")
    .all() as {
    target: string;
    summary: string;
  }[];

describe('wall.lossAlarms.list', () => {
  it('every grid with the defaults until an administrator sets one; read by everyone who watches video', async () => {
    for (const user of ['admin', 'chief', 'monitor', 'station']) {
      const r = await call(user, 'wall.lossAlarms.list', {});
      if (!r.ok) throw new Error(`${user}: ${r.error.code}`);
      expect(r.value.defaults).toEqual({ enabled: true, delayS: 10 });
      expect(r.value.rows.map((g) => g.gridId)).toEqual(expect.arrayContaining(['HQ-G-HQ', 'HQ-G-CL']));
      expect(r.value.rows.every((g) => g.enabled && g.delayS === 10 && g.updatedBy === null)).toBe(true);
    }
  });

  it('is refused to roles that see no video', async () => {
    for (const user of ['hotline', 'grid'])
      expect(codeOf(await call(user, 'wall.lossAlarms.list', {})), user).toBe('E_FORBIDDEN');
  });
});

describe('wall.lossAlarms.set', () => {
  it('an administrator sets a grid: saved with who and when, audited in Chinese, walls told', async () => {
    now += 1_000;
    pushed.length = 0;
    const r = await call('admin', 'wall.lossAlarms.set', { gridId: 'HQ-G-HQ', enabled: true, delayS: 30 });
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value).toMatchObject({
      gridId: 'HQ-G-HQ',
      gridName: '合庆责任网格',
      enabled: true,
      delayS: 30,
      updatedAt: now,
    });
    expect(r.value.updatedBy?.userName).toBeTruthy();
    expect(pushed).toContainEqual({ conn: 'monitor', event: 'cameras.changed' });
    const list = await call('monitor', 'wall.lossAlarms.list', {});
    if (!list.ok) throw new Error(list.error.code);
    expect(list.value.rows.find((g) => g.gridId === 'HQ-G-HQ')).toMatchObject({ enabled: true, delayS: 30 });
    expect(list.value.rows.find((g) => g.gridId === 'HQ-G-CL')).toMatchObject({ enabled: true, delayS: 10 });
    expect(auditRows().at(-1)).toEqual({
      target: 'grid:HQ-G-HQ',
      summary: '视频丢失报警（合庆责任网格）：开启，离线 10 秒后报警 → 开启，离线 30 秒后报警',
    });

    await call('admin', 'wall.lossAlarms.set', { gridId: 'HQ-G-HQ', enabled: false, delayS: 30 });
    expect(auditRows().at(-1)?.summary).toBe('视频丢失报警（合庆责任网格）：开启，离线 30 秒后报警 → 关闭');
  });

  it('is refused to every role but administrators, and nothing changes', async () => {
    const before = auditRows().length;
    for (const user of ['chief', 'monitor', 'station', 'hotline', 'grid']) {
      const r = await call(user, 'wall.lossAlarms.set', { gridId: 'HQ-G-CL', enabled: false, delayS: 0 });
      expect(codeOf(r), user).toBe('E_FORBIDDEN');
    }
    expect(auditRows()).toHaveLength(before);
    // Each refusal is on the record as one.
    const refused = db
      .prepare(
        "SELECT COUNT(*) AS n FROM audit_log WHERE method = 'wall.lossAlarms.set' AND error_code = 'E_FORBIDDEN'",
      )
      .get() as { n: number };
    expect(refused.n).toBe(5);
    const list = await call('admin', 'wall.lossAlarms.list', {});
    if (!list.ok) throw new Error(list.error.code);
    expect(list.value.rows.find((g) => g.gridId === 'HQ-G-CL')).toMatchObject({
      enabled: true,
      delayS: 10,
      updatedBy: null,
    });
  });

  it('an unknown group, or an org unit that is not a grid, is E_NOT_FOUND with the id named', async () => {
    for (const gridId of ['HQ-G-NOPE', 'HQ-S1', 'HQ-C']) {
      const r = await call('admin', 'wall.lossAlarms.set', { gridId, enabled: true, delayS: 5 });
      expect(codeOf(r), gridId).toBe('E_NOT_FOUND');
      if (!r.ok) expect(r.error.message.zh).toContain(gridId);
    }
    expect(db.prepare("SELECT COUNT(*) AS n FROM camera_loss_alarms WHERE grid_id <> 'HQ-G-HQ'").get()).toEqual({
      n: 0,
    });
  });

  it('hostile text and values out of range are E_INVALID, and nothing is written', async () => {
    const before = auditRows().length;
    const bad: MethodInput<'wall.lossAlarms.set'>[] = [
      { gridId: 'HQ-G-HQ\u0000', enabled: true, delayS: 5 },
      { gridId: 'HQ-G-\u202e\u0007', enabled: true, delayS: 5 },
      { gridId: 'x'.repeat(100_000), enabled: true, delayS: 5 },
      { gridId: '', enabled: true, delayS: 5 },
      { gridId: 'HQ-G-HQ', enabled: true, delayS: -1 },
      { gridId: 'HQ-G-HQ', enabled: true, delayS: 3601 },
      { gridId: 'HQ-G-HQ', enabled: true, delayS: 1.5 },
    ];
    for (const input of bad)
      expect(codeOf(await call('admin', 'wall.lossAlarms.set', input)), JSON.stringify(input).slice(0, 60)).toBe(
        'E_INVALID',
      );
    expect(auditRows()).toHaveLength(before);
  });
});
