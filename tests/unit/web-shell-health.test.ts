import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Hub } from '../../main/hub';
import { startSweeps, type HubSweeps } from '../../main/hub-sweeps';
import { DEMO_USERS } from '../../main/services/users/bootstrap';
import { startWebShell, type WebShell } from '../../main/shell-web/server';
import { APP_VERSION } from '../../main/version';
import { call, connection, demoHub, signedIn, tempDir, testClock } from '../helpers/hub';

let hub: Hub;
let shell: WebShell;
const clock = testClock();

beforeAll(async () => {
  hub = await demoHub({ clock });
  const staticDir = tempDir('cityops-static-');
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>console</title>');
  shell = await startWebShell({ hub, host: '127.0.0.1', port: 0, staticDir, maxFrameBytes: 4096 });
});
afterAll(async () => {
  await shell.close();
  hub.close();
});

const healthz = async () => {
  const res = await fetch(new URL('/healthz', shell.url));
  return { status: res.status, text: await res.text(), cache: res.headers.get('cache-control') };
};

/** Every string value inside a parsed JSON value (keys are the schema's, not data). */
function stringValues(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(stringValues);
  return [];
}

describe('GET /healthz', () => {
  it('answers the hub’s health without a session', async () => {
    clock.advance(90_500);
    hub.attach(connection('probe-console'));
    const { status, text, cache } = await healthz();
    expect(status).toBe(200);
    expect(cache).toBe('no-store');
    const body = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(
      ['consoles', 'database', 'disk', 'mediaGateway', 'ok', 'sweeps', 'uptimeSeconds', 'version'].sort(),
    );
    expect(body).toMatchObject({
      ok: true,
      version: APP_VERSION,
      uptimeSeconds: 90,
      database: { writable: true },
      mediaGateway: { idle: 0, connecting: 0, live: 0, offline: 0 },
      consoles: 1,
    });
    expect((body.disk as { freeBytes: number }).freeBytes).toBeGreaterThan(0);
    expect(Object.keys(body.sweeps as object)).toContain('sweepBackups');
  });

  it('leaks no path, user name or secret', async () => {
    await signedIn(hub, 'admin');
    const { text } = await healthz();
    for (const leak of [hub.dataDir, os.tmpdir(), os.homedir(), 'hub.key', 'sqlite', 'token', 'password']) {
      expect(text, leak).not.toContain(leak);
    }
    for (const u of DEMO_USERS) {
      expect(text).not.toContain(`"${u.username}"`);
      expect(text).not.toContain(u.displayName);
    }
    // No string in it but the version.
    expect(stringValues(JSON.parse(text))).toEqual([APP_VERSION]);
  });

  it('is the same for administrators through admin.health, and nobody else', async () => {
    const admin = await signedIn(hub, 'admin', undefined, 'admin-health');
    const r = await call(hub, admin, 'admin.health', {});
    expect(r.ok && r.value.database.writable).toBe(true);
    for (const username of ['chief', 'station', 'monitor']) {
      const other = await signedIn(hub, username, undefined, `health-${username}`);
      const refused = await hub.call(other, 'admin.health', {});
      expect(refused.ok ? null : refused.error.code, username).toBe('E_FORBIDDEN');
    }
    const anonymous = await hub.call(connection('anon-health'), 'admin.health', {});
    expect(anonymous.ok ? null : anonymous.error.code).toBe('E_UNAUTHENTICATED');
  });
});

describe('a hub whose database takes no writes', () => {
  it('says so, and /healthz answers 503', async () => {
    const closed = await demoHub();
    closed.db.close();
    const health = closed.health?.();
    expect(health).toMatchObject({ ok: false, database: { writable: false } });
    const port = { ...hub, health: () => health ?? hub.health!() };
    const staticDir = tempDir('cityops-static-');
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html>');
    const other = await startWebShell({ hub: port, host: '127.0.0.1', port: 0, staticDir, maxFrameBytes: 4096 });
    try {
      const res = await fetch(new URL('/healthz', other.url));
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ ok: false, database: { writable: false } });
    } finally {
      await other.close();
    }
  });
});

describe('the sweeps in the health answer', () => {
  it('are recorded as each timer runs them', () => {
    vi.useFakeTimers();
    try {
      const calls: string[] = [];
      const sweep = (name: string) => () => {
        calls.push(name);
        return 0;
      };
      const sweeps: HubSweeps = {
        sweepAlerts: sweep('alerts'),
        sweepDuty: sweep('duty'),
        sweepIncidents: sweep('incidents'),
        sweepWallAlarms: sweep('wall'),
        sweepViews: () => void calls.push('views'),
        sweepBackups: () => (calls.push('backups'), null),
        sweepReports: () => (calls.push('reports'), null),
        sweepClock: () => void calls.push('clock'),
        sweepDisk: () => void calls.push('disk'),
      };
      const ran: string[] = [];
      const stop = startSweeps(
        sweeps,
        { alertSweepMs: 1000, dutySweepMs: 0, incidentSweepMs: 0, wallAlarmSweepMs: 0, backupSweepMs: 3000 },
        (name) => ran.push(name),
      );
      vi.advanceTimersByTime(3000);
      stop();
      expect(ran.filter((n) => n === 'sweepAlerts')).toHaveLength(3);
      expect(ran.filter((n) => n === 'sweepBackups')).toHaveLength(1);
      expect(calls).toContain('backups');
      expect(ran).not.toContain('sweepDuty');
    } finally {
      vi.useRealTimers();
    }
  });
});
