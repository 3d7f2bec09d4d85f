import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDemoMedia } from '../../main/media/demo-media';
import { splitFragmentedMp4 } from '../../main/media/fmp4';
import { restampFragment } from '../../main/media/loop-rewrite';
import { Mp4FormatError, dataView, descend, readBoxes } from '../../main/media/mp4-boxes';

const CLIPS = path.resolve(import.meta.dirname, '../../resources/demo-clips');
const EPOCH = Date.UTC(2026, 0, 1);
const file = fs.readFileSync(path.join(CLIPS, 'demo01/main.mp4'));

/** tfdt and mfhd of a lone moof+mdat, read straight from the bytes. */
function stamps(segment: Buffer): { decodeTime: bigint; sequence: number } {
  const view = dataView(segment);
  const mfhd = descend(segment, ['moof', 'mfhd']);
  const tfdt = descend(segment, ['moof', 'traf', 'tfdt']);
  return {
    sequence: view.getUint32(mfhd.start + mfhd.headerSize + 4),
    decodeTime: view.getBigUint64(tfdt.start + tfdt.headerSize + 4),
  };
}

describe('fragmented MP4 split', () => {
  it('finds the init segment and one keyframe-led 1 s fragment per segment', () => {
    const clip = splitFragmentedMp4(file);
    expect(readBoxes(clip.init).map((b) => b.type)).toEqual(['ftyp', 'moov']);
    expect(clip.track).toMatchObject({ timescale: 12800, width: 640, height: 360, codecs: 'avc1.4d401e' });
    // The avcC record: version 1, then the profile/compatibility/level of the codec string.
    expect(clip.track.avcC?.subarray(0, 4).toString('hex')).toBe('014d401e');
    expect(clip.fragments).toHaveLength(10);
    clip.fragments.forEach((f, i) => {
      expect(readBoxes(f.bytes).map((b) => b.type)).toEqual(['moof', 'mdat']);
      expect(f.duration).toBe(12800);
      expect(f.decodeTime).toBe(BigInt(i * 12800));
      expect(f.startsWithKeyframe).toBe(true);
      // 25 pictures, the first an IDR, back to back in mdat, each a run of length-prefixed NAL units.
      expect(f.samples).toHaveLength(25);
      expect(f.samples.map((x) => x.sync)).toEqual([true, ...Array<boolean>(24).fill(false)]);
      expect(f.samples.map((x) => x.decodeOffset)).toEqual(Array.from({ length: 25 }, (_, k) => k * 512));
      const mdat = readBoxes(f.bytes)[1]!;
      expect(f.samples[0]!.offset).toBe(mdat.start + mdat.headerSize);
      expect(f.samples.reduce((sum, x) => sum + x.size, 0)).toBe(mdat.size - mdat.headerSize);
      for (const x of f.samples) {
        let at = x.offset;
        while (at < x.offset + x.size) at += 4 + f.bytes.readUInt32BE(at);
        expect(at).toBe(x.offset + x.size);
      }
    });
  });

  it('rejects what it cannot serve, with the reason', () => {
    expect(() => splitFragmentedMp4(Buffer.from('not an mp4 at all'))).toThrow(Mp4FormatError);
    // Only the init part: a progressive-looking file without fragments.
    expect(() => splitFragmentedMp4(splitFragmentedMp4(file).init)).toThrow(/no fragments/);
    // A 32-bit tfdt cannot hold decode times since the epoch.
    const v0 = Buffer.from(file);
    const tfdt = descend(v0, ['moof', 'traf', 'tfdt']);
    v0[tfdt.start + tfdt.headerSize] = 0;
    expect(() => splitFragmentedMp4(v0)).toThrow(/tfdt version 0/);
    // A box claiming more bytes than its parent holds.
    const cut = file.subarray(0, file.length - 100);
    expect(() => splitFragmentedMp4(cut)).toThrow(/outside its parent/);
  });
});

describe('loop rewrite', () => {
  it('stamps a copy and leaves the stored fragment alone', () => {
    const clip = splitFragmentedMp4(file);
    const fragment = clip.fragments[3]!;
    const before = Buffer.from(fragment.bytes);
    const out = restampFragment(fragment, 123_456_789_012_345n, 2 ** 32 + 7);
    expect(stamps(out)).toEqual({ decodeTime: 123_456_789_012_345n, sequence: 7 });
    expect(fragment.bytes.equals(before)).toBe(true);
    // Only the two stamped fields differ.
    let differing = 0;
    for (let i = 0; i < out.length; i++) if (out[i] !== before[i]) differing++;
    expect(differing).toBeLessThanOrEqual(8 + 4);
  });

  it('serves segments whose timeline runs on strictly across loop boundaries', () => {
    let now = EPOCH + 3 * 86_400_000 + 29_500; // day 3: the window spans the end of a loop
    const media = loadDemoMedia(CLIPS, { clock: () => now, epochMs: EPOCH, windowSize: 6 });
    const init = media.init('demo01', 'main');
    if (init.kind !== 'init') throw new Error(init.kind);
    const segments: Buffer[] = [];
    const sequences: number[] = [];
    // Walk 25 segments (2½ loops), as a player would, following each playlist's newest segment.
    for (let step = 0; step < 25; step++, now += 1000) {
      const playlist = media.playlist('demo01', 'main');
      if (playlist.kind !== 'playlist') throw new Error(playlist.kind);
      const newest = Number.parseInt(playlist.text.trim().split('\n').at(-1)!, 10);
      const segment = media.segment('demo01', 'main', newest);
      if (segment.kind !== 'segment') throw new Error(segment.kind);
      segments.push(segment.bytes);
      sequences.push(newest);
    }
    expect(sequences.at(-1)! - sequences[0]!).toBe(24);
    expect(new Set(sequences.map((s) => s % 10)).size).toBe(10);

    // init + the served segments is one valid fragmented MP4: read it back box by box.
    const stream = splitFragmentedMp4(Buffer.concat([init.bytes, ...segments]));
    const times = stream.fragments.map((f) => f.decodeTime);
    for (let i = 1; i < times.length; i++) {
      expect(times[i]! > times[i - 1]!).toBe(true);
      // Contiguous: each starts where the previous one ended — no gap, no overlap.
      expect(times[i]! - times[i - 1]!).toBe(BigInt(stream.fragments[i - 1]!.duration));
    }
    // Media time is wall time since the camera's epoch (demo01 has no phase offset).
    expect(times[0]).toBe(BigInt(sequences[0]!) * 12800n);
    expect(BigInt(sequences[0]!) * 1000n).toBe(BigInt(3 * 86_400_000 + 28_000));
    const mfhd = segments.map((s) => stamps(s).sequence);
    expect(mfhd).toEqual(sequences.map((s) => s + 1));
  });
});
