import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Hub } from '../../main/hub';
import { loadDemoMedia, type DemoMedia } from '../../main/media';
import { demoHub, ok, signedIn, tempDir } from '../helpers/hub';
import { openHub } from '../../main/hub';

const CLIPS = path.resolve(import.meta.dirname, '../../resources/demo-clips');

let hub: Hub | undefined;
afterEach(() => {
  hub?.close();
  hub = undefined;
});

describe('demo cameras in the hub', () => {
  it('registers the demo streams as cameras at their workstations, online while they run', async () => {
    const media: DemoMedia = loadDemoMedia(CLIPS);
    hub = await demoHub({ demoMedia: media });
    const monitor = await signedIn(hub, 'monitor');
    const { rows } = await ok(hub, monitor, 'cameras.list', {});
    expect(rows.length).toBe(media.cameras.length);
    expect(rows.length).toBeGreaterThanOrEqual(16);
    const first = media.cameras[0]!;
    const cam = rows.find((r) => r.name === first.name)!;
    expect(cam).toMatchObject({ workstationId: first.workstationId, online: 'online', protocol: 'hls' });
    expect(rows.some((r) => r.mainUrl.includes('/broken/'))).toBe(false); // only with stream control on

    media.stop(first.key);
    expect((await ok(hub, monitor, 'cameras.get', { id: cam.id })).online).toBe('offline');
    expect(monitor.events).toContainEqual({ event: 'cameras.changed', payload: { ids: [cam.id] } });
    // The duty log and the handover summary know it too.
    const chief = await signedIn(hub, 'chief');
    const log = await ok(hub, chief, 'duty.log.current', {});
    const entry = log.entries.find((e) => e.kind === 'system' && e.links?.cameraIds?.includes(cam.id));
    expect(entry?.text).toMatch(/离线/);
    expect((await ok(hub, chief, 'duty.handover.preview', {})).camerasOffline).toEqual([
      { id: cam.id, name: cam.name },
    ]);
    media.start(first.key);
    expect((await ok(hub, monitor, 'cameras.get', { id: cam.id })).online).toBe('online');

    // An administrator's change reaches every console's tree too.
    const admin = await signedIn(hub, 'admin');
    monitor.events.length = 0;
    await ok(hub, admin, 'cameras.setEnabled', { id: cam.id, enabled: false });
    expect(monitor.events).toContainEqual({ event: 'cameras.changed', payload: { ids: [cam.id] } });
  });

  it('adds the broken stream when the demo media is under test control, and nothing outside demo mode', async () => {
    const media = loadDemoMedia(CLIPS, { control: true });
    hub = await demoHub({ demoMedia: media });
    const monitor = await signedIn(hub, 'monitor');
    const { rows } = await ok(hub, monitor, 'cameras.list', {});
    expect(rows.filter((r) => r.mainUrl.includes('/broken/'))).toHaveLength(1);
    hub.close();

    hub = await openHub({
      dataDir: tempDir(),
      demo: false,
      adminPassword: 'Admin#2026x',
      demoMedia: media,
      onInternalError: () => undefined,
    });
    expect(hub.db.prepare('SELECT count(*) AS n FROM cameras').get()).toEqual({ n: 0 });
  });
});
