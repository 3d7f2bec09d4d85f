import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import org from '../../resources/seed/org.json';
import { demoClipsDirCandidates, findDemoClipsDir } from '../../main/media/clips-dir';
import { loadDemoMedia } from '../../main/media/demo-media';
import { STREAM_KINDS, readDemoManifest } from '../../main/media/demo-manifest';
import { splitFragmentedMp4 } from '../../main/media/fmp4';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLIPS = path.join(ROOT, 'resources/demo-clips');
const manifest = readDemoManifest(CLIPS);

/** Issue 5 item 9: "all together well under 20 MB". */
const BUDGET_BYTES = 12 * 1024 * 1024;

describe('the demo clips in resources/', () => {
  it('are at least 16 cameras with distinct keys and names, each at a real workstation', () => {
    expect(manifest.cameras.length).toBeGreaterThanOrEqual(16);
    expect(new Set(manifest.cameras.map((c) => c.name)).size).toBe(manifest.cameras.length);
    const workstations = new Set(org.units.filter((u) => u.kind === 'workstation').map((u) => u.id));
    for (const camera of manifest.cameras) expect(workstations, camera.key).toContain(camera.workstationId);
    // Spread over the town, not piled on one village.
    expect(new Set(manifest.cameras.map((c) => c.workstationId)).size).toBe(manifest.cameras.length);
  });

  it('match the manifest byte for byte and fit the size budget', () => {
    let total = 0;
    for (const camera of manifest.cameras) {
      for (const kind of STREAM_KINDS) {
        const entry = camera.streams[kind];
        const data = fs.readFileSync(path.join(CLIPS, entry.file));
        expect(data.length, entry.file).toBe(entry.bytes);
        expect(crypto.createHash('sha256').update(data).digest('hex'), entry.file).toBe(entry.sha256);
        total += data.length;
      }
    }
    expect(total).toBeLessThan(BUDGET_BYTES);
    // Nothing else hides in the folder (stray renders, old clips).
    const listed = new Set([
      'manifest.json',
      ...manifest.cameras.flatMap((c) => [c.streams.main.file, c.streams.sub.file]),
    ]);
    const present = fs
      .readdirSync(CLIPS, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => path.relative(CLIPS, path.join(d.parentPath, d.name)).split(path.sep).join('/'));
    expect(present.sort()).toEqual([...listed].sort());
  });

  it('are what the manifest says: size, segments, keyframes, H.264 main or baseline profile', () => {
    for (const camera of manifest.cameras) {
      for (const kind of STREAM_KINDS) {
        const entry = camera.streams[kind];
        const clip = splitFragmentedMp4(fs.readFileSync(path.join(CLIPS, entry.file)));
        const where = `${camera.key}/${kind}`;
        expect([clip.track.width, clip.track.height], where).toEqual([entry.width, entry.height]);
        expect(clip.track.codecs, where).toMatch(/^avc1\.(4d|42)/);
        const seconds = clip.fragments.map((f) => f.duration / clip.track.timescale);
        expect(seconds, where).toEqual(entry.segmentDurations);
        expect(
          clip.fragments.every((f) => f.startsWithKeyframe),
          where,
        ).toBe(true);
        expect(
          seconds.reduce((a, b) => a + b, 0),
          where,
        ).toBeCloseTo(manifest.clipSeconds, 6);
      }
      expect([camera.streams.main.width, camera.streams.main.height]).toEqual([640, 360]);
      expect(camera.streams.sub.width).toBeLessThanOrEqual(320);
    }
  });

  it('load into a DemoMedia with a stream pair per camera', () => {
    const media = loadDemoMedia(CLIPS);
    expect(media.cameras.map((c) => c.key)).toEqual(manifest.cameras.map((c) => c.key));
    for (const camera of media.cameras) {
      expect(camera.main.url).toBe(`/media/demo/${camera.key}/main/index.m3u8`);
      expect(camera.sub.url).toBe(`/media/demo/${camera.key}/sub/index.m3u8`);
      expect(camera.main.bandwidth).toBeGreaterThan(camera.sub.bandwidth);
      expect(media.isRunning(camera.key)).toBe(true);
    }
  });
});

describe('finding the clips folder', () => {
  it('works from source, from the bundles in out/, and packaged', () => {
    expect(findDemoClipsDir({ moduleDir: path.join(ROOT, 'main/media') })).toBe(CLIPS);
    expect(findDemoClipsDir({ moduleDir: path.join(ROOT, 'out/node') })).toBe(CLIPS);
    expect(findDemoClipsDir({ moduleDir: path.join(ROOT, 'out/electron') })).toBe(CLIPS);
    // Packaged: electron-builder's extraResources puts resources/ under process.resourcesPath.
    const packaged = demoClipsDirCandidates({
      moduleDir: '/app.asar/out/electron',
      resourcesPath: '/opt/app/resources',
    });
    expect(packaged[0]).toBe(path.join('/opt/app/resources', 'resources', 'demo-clips'));
    expect(findDemoClipsDir({ moduleDir: '/nonexistent/a/b' })).toBeNull();
    expect(findDemoClipsDir({ moduleDir: '/nonexistent/a/b', override: CLIPS })).toBe(CLIPS);
  });
});
