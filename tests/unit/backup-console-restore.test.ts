import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../common/contract';
import { DB_FILE_NAME } from '../../main/db/connection';
import { migrate } from '../../main/db/migrate';
import { MIGRATIONS } from '../../main/db/migrations';
import { openHubInstance, type Hub, type HubOptions } from '../../main/hub';
import { hostHub } from '../../main/hub-host';
import { KEY_ID_META } from '../../main/security/at-rest';
import { DEFAULT_RETENTION } from '../../main/services/backups/retention';
import { DEMO_PASSWORD } from '../../main/services/users/bootstrap';
import { call, demoHub, ok, quickDemoHash, signedIn, tempDir, testClock } from '../helpers/hub';
import { insertOrder } from '../helpers/order-query-fixture';

/** Epoch ms of a Shanghai wall time (UTC+8). */
const sh = (h: number, mi = 0, s = 0) => Date.UTC(2026, 11, 3, h - 8, mi, s);
const LATEST = MIGRATIONS.at(-1)?.version ?? 0;
const PREVIOUS = MIGRATIONS.at(-2)?.version ?? 0;

const hubs: Hub[] = [];
afterEach(() => {
  for (const h of hubs.splice(0)) h.close();
});

function options(): HubOptions {
  const dataDir = tempDir();
  return {
    dataDir,
    demo: true,
    clock: testClock(sh(14, 0)),
    backupSweepMs: 0,
    onInternalError: () => undefined,
    backups: { dir: path.join(dataDir, 'backups'), dailyAt: null, retention: DEFAULT_RETENTION },
  };
}

/** A demo hub with an administrator signed in, a backup made, and then more written: two orders, a log entry. */
async function restorableHub(opts = options(), hub?: Hub) {
  const h = hub ?? (await demoHub(opts));
  hubs.push(h);
  const clock = opts.clock as ReturnType<typeof testClock>;
  insertOrder(h.db, { title: '备份前的工单', createdAt: clock() });
  const admin = await signedIn(h, 'admin');
  const chief = await signedIn(h, 'chief');
  const { name } = await ok(h, admin, 'admin.backups.run', {});
  clock.advance(60_000);
  const changed = h.db.prepare('SELECT id FROM orders ORDER BY id LIMIT 1').get() as { id: number };
  h.db.prepare('UPDATE orders SET updated_at = ? WHERE id = ?').run(clock(), changed.id);
  insertOrder(h.db, { title: '备份后的工单一', createdAt: clock() });
  insertOrder(h.db, { title: '备份后的工单二', createdAt: clock() });
  await ok(h, chief, 'duty.log.append', { kind: 'duty', text: '备份之后的值班记录' });
  const backups = opts.backups?.dir ?? '';
  return { hub: h, admin, chief, name, clock, dataDir: h.dataDir, backups };
}

const orderTitles = (hub: Hub) =>
  (hub.db.prepare('SELECT title FROM orders ORDER BY id').all() as { title: string }[]).map((o) => o.title);

describe('what a restore would discard', () => {
  it('counts orders created and changed, duty log entries and audit rows written after the backup', async () => {
    const { hub, admin, name } = await restorableHub();
    const preview = await ok(hub, admin, 'admin.backups.restorePreview', { name });
    expect(preview).toMatchObject({ name, at: sh(14, 0), schemaVersion: LATEST, currentSchemaVersion: LATEST });
    expect(preview.lost.ordersCreated).toBe(2);
    expect(preview.lost.ordersChanged).toBe(1);
    expect(preview.lost.dutyLogEntries).toBeGreaterThanOrEqual(1);
    // The sign-ins are in the backup; admin.backups.run's own row is written after its copy was made.
    const auditAfter = hub.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number };
    expect(preview.lost.auditRows).toBeGreaterThan(0);
    expect(preview.lost.auditRows).toBeLessThan(auditAfter.n);
  });

  it('is for administrators only, and refuses hostile names, a damaged backup and a newer one', async () => {
    const { hub, admin, chief, name, backups } = await restorableHub();
    const station = await signedIn(hub, 'station');
    for (const who of [chief, station]) {
      expect((await call(hub, who, 'admin.backups.restorePreview', { name })).ok).toBe(false);
      const r = await call(hub, who, 'admin.backups.restore', { name, confirm: name });
      expect(r.ok ? null : r.error.code).toBe('E_FORBIDDEN');
    }
    for (const bad of ['../hub.sqlite', 'x;drop', `cityops-${'1'.repeat(500)}.sqlite`, `../${name}`, `${name}\u0000`]) {
      const r = await call(hub, admin, 'admin.backups.restore', { name: bad, confirm: '恢复' });
      expect(r.ok ? null : r.error.code, bad).toBe('E_INVALID');
      const p = await call(hub, admin, 'admin.backups.restorePreview', { name: bad });
      expect(p.ok ? null : p.error.code, bad).toBe('E_INVALID');
    }
    const missing = await call(hub, admin, 'admin.backups.restore', {
      name: 'cityops-20200101-030000.sqlite',
      confirm: '恢复',
    });
    expect(missing.ok ? null : missing.error.code).toBe('E_NOT_FOUND');
    const wrongWord = await call(hub, admin, 'admin.backups.restore', { name, confirm: 'yes' });
    expect(wrongWord.ok ? null : wrongWord.error).toMatchObject({ code: 'E_INVALID', details: { restore: 'confirm' } });

    const file = path.join(backups, name);
    const newer = new Database(file);
    newer.pragma(`user_version = ${LATEST + 1}`);
    newer.close();
    const tooNew = await call(hub, admin, 'admin.backups.restore', { name, confirm: name });
    expect(tooNew.ok ? null : tooNew.error).toMatchObject({ code: 'E_CONFLICT', details: { restore: 'newer' } });
    const bytes = fs.readFileSync(file);
    bytes.fill(0x41, 4096, 16384);
    fs.writeFileSync(file, bytes);
    const damaged = await call(hub, admin, 'admin.backups.restorePreview', { name });
    expect(damaged.ok ? null : damaged.error).toMatchObject({ code: 'E_INVALID', details: { restore: 'damaged' } });
    // Nothing was touched: the same database, no pre-restore backup, every refusal audited.
    expect(orderTitles(hub)).toContain('备份后的工单二');
    expect(fs.readdirSync(backups).filter((n) => n.includes('pre-restore'))).toEqual([]);
    const refusals = hub.db
      .prepare("SELECT count(*) AS n FROM audit_log WHERE method = 'admin.backups.restore' AND ok = 0")
      .get() as { n: number };
    expect(refusals.n).toBeGreaterThanOrEqual(10);
  });
});

describe('restoring a backup on the running hub', () => {
  it('puts the backup in place, keeps the replaced file and a pre-restore backup, and signs every console out', async () => {
    const { hub, admin, chief, name, clock, dataDir, backups } = await restorableHub();
    const ended: EventPayload<'session.ended'>[] = [];
    const chiefPush = chief.push.bind(chief);
    chief.push = (event, payload) => {
      if (event === 'session.ended') ended.push(payload as EventPayload<'session.ended'>);
      chiefPush(event, payload);
    };
    const result = await ok(hub, admin, 'admin.backups.restore', { name, confirm: '恢复' });
    expect(result).toEqual({
      name,
      at: sh(14, 0),
      schemaVersion: LATEST,
      preRestore: 'cityops-20261203-140100-pre-restore.sqlite',
    });
    // The data written after the backup is gone; the hub answers on the restored database.
    expect(orderTitles(hub)).toEqual(['备份前的工单']);
    expect(fs.existsSync(path.join(backups, result.preRestore))).toBe(true);
    const kept = new Database(path.join(dataDir, `${DB_FILE_NAME}.replaced-20261203-140100`), { readonly: true });
    expect((kept.prepare('SELECT count(*) AS n FROM orders').get() as { n: number }).n).toBe(3);
    kept.close();
    // Every console signs in again: told so, its token dropped, the restored sessions ended.
    expect(ended).toEqual([{ reason: 'restored' }]);
    expect(chief.token).toBeNull();
    expect(admin.token).toBeNull();
    const after = await call(hub, chief, 'duty.log.current', {});
    expect(after.ok ? null : after.error.code).toBe('E_UNAUTHENTICATED');
    const live = hub.db.prepare('SELECT count(*) AS n FROM sessions WHERE ended_at IS NULL').get() as { n: number };
    expect(live.n).toBe(0);
    // A new sign-in works (the restored database's users), and the restore is on record in it.
    await ok(hub, admin, 'auth.login', { username: 'admin', password: DEMO_PASSWORD });
    const row = hub.db
      .prepare("SELECT actor_name AS actor, ok, summary FROM audit_log WHERE method = 'admin.backups.restore'")
      .get() as { actor: string; ok: number; summary: string };
    expect(row).toMatchObject({ actor: 'admin', ok: 1, summary: expect.stringContaining(result.preRestore) as string });
    // The pre-restore backup undoes it.
    clock.advance(2_000);
    await ok(hub, admin, 'admin.backups.restore', { name: result.preRestore, confirm: result.preRestore });
    expect(orderTitles(hub)).toEqual(['备份前的工单', '备份后的工单一', '备份后的工单二']);
  });

  it('upgrades an older backup after putting it in place (a pre-upgrade copy of it first)', async () => {
    const { hub, admin, backups } = await restorableHub();
    const name = 'cityops-20261203-120000.sqlite';
    const older = new Database(path.join(backups, name));
    migrate(older, MIGRATIONS.slice(0, -1));
    older.close();
    const preview = await ok(hub, admin, 'admin.backups.restorePreview', { name });
    expect(preview).toMatchObject({ schemaVersion: PREVIOUS, currentSchemaVersion: LATEST });
    expect(preview.lost.ordersCreated).toBe(3);
    await ok(hub, admin, 'admin.backups.restore', { name, confirm: '恢复' });
    expect(hub.db.pragma('user_version', { simple: true })).toBe(LATEST);
    expect(fs.readdirSync(backups).some((n) => n.endsWith('-pre-upgrade.sqlite'))).toBe(true);
    expect(orderTitles(hub)).toEqual([]);
  });

  it('rolls back to the old database when the restored one does not open (another hub.key, a failed upgrade)', async () => {
    const { hub, admin, chief, name, clock, dataDir, backups } = await restorableHub();
    const file = path.join(backups, name);
    const keyId = (hub.db.prepare('SELECT value FROM meta WHERE key = ?').get(KEY_ID_META) as { value: string }).value;
    const foreign = new Database(file);
    foreign.prepare('UPDATE meta SET value = ? WHERE key = ?').run('another-key', KEY_ID_META);
    foreign.close();
    for (const confirm of [name, '恢复']) {
      const r = await call(hub, admin, 'admin.backups.restore', { name, confirm });
      expect(r.ok ? null : r.error).toMatchObject({ code: 'E_CONFLICT', details: { restore: 'failed' } });
      expect(orderTitles(hub)).toContain('备份后的工单二');
      expect(fs.readdirSync(dataDir).filter((n) => n.includes('.replaced-'))).toEqual([]);
      expect((await call(hub, chief, 'duty.log.current', {})).ok).toBe(true);
      clock.advance(1_000);
      // The second time: a backup whose schema upgrade fails (the newest migration is applied twice).
      const older = new Database(file);
      older.prepare('UPDATE meta SET value = ? WHERE key = ?').run(keyId, KEY_ID_META);
      older.pragma(`user_version = ${PREVIOUS}`);
      older.close();
    }
  });

  it('puts the old database back and keeps the hub on it when opening the restored one fails', async () => {
    const opts = options();
    let opened = 0;
    let reached: () => void = () => undefined;
    const swapped = new Promise<void>((resolve) => (reached = resolve));
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    // Built by hand, the host is handed an opener that fails once: between the swap and the new hub.
    const hub = await hostHub(opts, async (o, restorer) => {
      opened += 1;
      if (opened === 2) {
        // The second opening is the restored database's: it fails, as a damaged key or a full disk would.
        reached();
        await released;
        throw new Error('injected: cannot open the restored database');
      }
      return openHubInstance(o, restorer);
    });
    hub.db.prepare('UPDATE users SET password_hash = ?').run(quickDemoHash());
    const { admin, chief, name, dataDir, backups } = await restorableHub(opts, hub);
    const restoring = call(hub, admin, 'admin.backups.restore', { name, confirm: name });
    await swapped;
    // Mid-way (the old hub closed, the backup in place) every call is refused, reads included.
    const meanwhile = await call(hub, chief, 'duty.log.current', {});
    expect(meanwhile.ok ? null : meanwhile.error).toMatchObject({
      code: 'E_CONFLICT',
      details: { restore: 'in-progress' },
    });
    release();
    const r = await restoring;
    expect(r.ok ? null : r.error).toMatchObject({ code: 'E_CONFLICT', details: { restore: 'failed' } });
    expect(opened).toBe(3);
    // The old database is back in place, the hub answers on it, and its consoles are still signed in.
    expect(orderTitles(hub)).toContain('备份后的工单二');
    expect(fs.readdirSync(dataDir).filter((n) => n.includes('.replaced-'))).toEqual([]);
    expect((await call(hub, chief, 'duty.log.current', {})).ok).toBe(true);
    // The pre-restore backup was made (it is harmless), and the failure is on record.
    expect(fs.readdirSync(backups).some((n) => n.endsWith('-pre-restore.sqlite'))).toBe(true);
    const failed = hub.db
      .prepare("SELECT count(*) AS n FROM audit_log WHERE method = 'admin.backups.restore' AND ok = 0")
      .get() as { n: number };
    expect(failed.n).toBe(1);
  });
});
