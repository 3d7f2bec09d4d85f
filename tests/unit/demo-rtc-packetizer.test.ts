import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDemoMedia } from '../../main/media';
import {
  accessUnit,
  clipSource,
  DemoFeed,
  H264Packetizer,
  nalType,
  parseAvcConfig,
  splitNalUnits,
} from '../../main/media/demo-rtc';

// RTP for the demo cameras: RFC 6184 packetization of the clips' pictures, paced
// on the HLS loop timeline. A small depacketizer here checks what a receiver would rebuild.

const CLIPS = path.resolve(import.meta.dirname, '../../resources/demo-clips');
const EPOCH = Date.UTC(2026, 0, 1);

interface Rtp {
  marker: boolean;
  payloadType: number;
  sequence: number;
  timestamp: number;
  ssrc: number;
  payload: Buffer;
}

function parse(packet: Buffer): Rtp {
  expect(packet[0]).toBe(0x80);
  return {
    marker: (packet[1]! & 0x80) !== 0,
    payloadType: packet[1]! & 0x7f,
    sequence: packet.readUInt16BE(2),
    timestamp: packet.readUInt32BE(4),
    ssrc: packet.readUInt32BE(8),
    payload: packet.subarray(12),
  };
}

/** Access units as a receiver rebuilds them: NAL units joined from single packets and FU-A runs. */
function depacketize(packets: readonly Buffer[]): { timestamp: number; nals: Buffer[] }[] {
  const units: { timestamp: number; nals: Buffer[] }[] = [];
  let current: { timestamp: number; nals: Buffer[] } | null = null;
  let fragments: Buffer[] | null = null;
  for (const raw of packets) {
    const p = parse(raw);
    current ??= { timestamp: p.timestamp, nals: [] };
    expect(p.timestamp).toBe(current.timestamp);
    const type = p.payload[0]! & 0x1f;
    if (type === 28) {
      const header = p.payload[1]!;
      if (header & 0x80) {
        expect(fragments).toBeNull();
        fragments = [Buffer.of((p.payload[0]! & 0xe0) | (header & 0x1f))];
      }
      expect(fragments).not.toBeNull();
      fragments!.push(p.payload.subarray(2));
      if (header & 0x40) {
        current.nals.push(Buffer.concat(fragments!));
        fragments = null;
      }
    } else {
      expect(type).toBeGreaterThanOrEqual(1);
      expect(type).toBeLessThanOrEqual(23);
      current.nals.push(Buffer.from(p.payload));
    }
    if (p.marker) {
      expect(fragments).toBeNull();
      units.push(current);
      current = null;
    }
  }
  expect(current).toBeNull();
  return units;
}

function nal(type: number, size: number, nri = 3): Buffer {
  const out = Buffer.alloc(size);
  out[0] = (nri << 5) | type;
  for (let i = 1; i < size; i++) out[i] = (i * 7 + type) & 0xff;
  return out;
}

describe('H.264 RTP packetizer (RFC 6184)', () => {
  it('sends a small NAL unit as one packet, the marker on the access unit’s last packet only', () => {
    const p = new H264Packetizer({ ssrc: 0x11223344, payloadType: 96, firstSequence: 100 });
    const packets = p.packetize([nal(6, 20), nal(1, 300)], 123_456).map(parse);
    expect(packets.map((x) => [x.sequence, x.marker, x.timestamp, x.ssrc, x.payloadType])).toEqual([
      [100, false, 123_456, 0x11223344, 96],
      [101, true, 123_456, 0x11223344, 96],
    ]);
    expect(packets[1]!.payload).toEqual(nal(1, 300));
  });

  it('splits a NAL unit larger than the MTU into FU-A fragments that reassemble to it', () => {
    const p = new H264Packetizer({ ssrc: 7, payloadType: 96, mtu: 1200, firstSequence: 65_534 });
    const idr = nal(5, 3000, 3);
    const packets = p.packetize([nal(7, 12), nal(8, 4), idr], 90_000);
    const parsed = packets.map(parse);
    // SPS, PPS, then 3000 - 1 bytes in fragments of 1198: three FU-A packets.
    expect(parsed).toHaveLength(5);
    expect(parsed.map((x) => x.sequence)).toEqual([65_534, 65_535, 0, 1, 2]);
    expect(parsed.map((x) => x.marker)).toEqual([false, false, false, false, true]);
    const fu = parsed.slice(2);
    for (const x of fu) {
      expect(x.payload.length).toBeLessThanOrEqual(1200);
      expect(x.payload[0]).toBe((3 << 5) | 28); // NRI kept, type FU-A
      expect(x.payload[1]! & 0x1f).toBe(5);
    }
    expect(fu.map((x) => x.payload[1]! & 0xc0)).toEqual([0x80, 0x00, 0x40]); // S … E
    expect(depacketize(packets)).toEqual([{ timestamp: 90_000, nals: [nal(7, 12), nal(8, 4), idr] }]);
    // A NAL unit of exactly the MTU still goes whole.
    expect(p.packetize([nal(1, 1200)], 1).map(parse)).toHaveLength(1);
    expect(() => new H264Packetizer({ ssrc: 1, payloadType: 96, mtu: 2 })).toThrow(/MTU/);
  });

  it('puts the parameter sets before every IDR picture and drops in-band ones and delimiters', () => {
    const config = { lengthSize: 4, sps: [nal(7, 10)], pps: [nal(8, 5)] };
    expect(accessUnit([nal(9, 2), nal(7, 9), nal(8, 4), nal(6, 8), nal(5, 50)], config).map(nalType)).toEqual([
      7, 8, 6, 5,
    ]);
    expect(accessUnit([nal(9, 2), nal(1, 50)], config).map(nalType)).toEqual([1]);
    // Length-prefixed samples split into their NAL units.
    const sample = Buffer.concat([Buffer.from([0, 0, 0, 3]), nal(6, 3), Buffer.from([0, 0, 0, 2]), nal(1, 2)]);
    expect(splitNalUnits(sample, 4).map(nalType)).toEqual([6, 1]);
    expect(() => splitNalUnits(sample.subarray(0, sample.length - 1), 4)).toThrow(/past the end/);
  });
});

describe('a demo clip as RTP', () => {
  const media = loadDemoMedia(CLIPS, { epochMs: EPOCH });
  const loaded = media.stream('demo01', 'main')!;
  const source = clipSource(loaded.clip, loaded.timeline);

  it('reads every picture of the clip, each IDR led by the clip’s SPS and PPS', () => {
    const config = parseAvcConfig(loaded.clip.track.avcC!);
    expect(config.lengthSize).toBe(4);
    expect(source.pictures).toHaveLength(250);
    const idrs = source.pictures.filter((p) => p.sync);
    expect(idrs).toHaveLength(10);
    for (const p of idrs) {
      expect(p.nals.slice(0, 2)).toEqual([config.sps[0], config.pps[0]]);
      expect(p.nals.map(nalType)).toContain(5);
    }
    for (const p of source.pictures.filter((x) => !x.sync)) expect(p.nals.map(nalType)).not.toContain(7);
  });

  it('paces pictures on the loop timeline with 90 kHz timestamps, from the last IDR at start', () => {
    const packets: Buffer[] = [];
    const feed = new DemoFeed(source, loaded.epochMs, new H264Packetizer({ ssrc: 1, payloadType: 96 }), (rtp) =>
      packets.push(rtp),
    );
    // 3.5 s into a loop (12 800 ticks a second): the last IDR is picture 75 (3.0 s), so the start
    // sends pictures 75…87 at once.
    const loopMs = 10_000;
    const at = loaded.epochMs + 1000 * loopMs + 3500;
    expect(feed.tick(at)).toBe(13);
    let units = depacketize(packets);
    expect(units).toHaveLength(13);
    expect(nalType(units[0]!.nals[0]!)).toBe(7);
    units.forEach((u, k) => expect(u.nals).toEqual(source.pictures[75 + k]!.nals));
    const ts = (ms: number) => Number((BigInt(ms) * 90n) & 0xffffffffn);
    expect(units[0]!.timestamp).toBe(ts(1000 * loopMs + 3000));
    // Then one picture per 40 ms, 3600 ticks apart, nothing early.
    packets.length = 0;
    expect(feed.tick(at + 39)).toBe(1);
    expect(feed.tick(at + 40)).toBe(0);
    expect(feed.tick(at + 80)).toBe(1);
    units = depacketize(packets);
    expect(units.map((u) => u.timestamp)).toEqual([ts(1000 * loopMs + 3520), ts(1000 * loopMs + 3560)]);
    // Across the end of the loop the timeline runs on (no jump back).
    packets.length = 0;
    let sent = 0;
    for (let ms = 120; ms <= 6520; ms += 40) sent += feed.tick(at + ms);
    expect(sent).toBe(161);
    units = depacketize(packets);
    const stamps = units.map((u) => u.timestamp);
    for (let i = 1; i < stamps.length; i++) expect(((stamps[i]! - stamps[i - 1]!) >>> 0) % 2 ** 32).toBe(3600);
    // Picture 0 of the next loop (an IDR) went out 6.5 s after 3.5 s.
    expect(nalType(units.at(-1)!.nals[0]!)).toBe(7);
    expect(units.at(-1)!.timestamp).toBe(ts(1001 * loopMs));
  });

  it('starts again from an IDR after a stop and after falling more than a second behind', () => {
    const packets: Buffer[] = [];
    const feed = new DemoFeed(source, loaded.epochMs, new H264Packetizer({ ssrc: 1, payloadType: 96 }), (rtp) =>
      packets.push(rtp),
    );
    const at = loaded.epochMs + 5000 + 200;
    expect(feed.tick(at)).toBe(6); // pictures 125…130
    feed.stop();
    expect(feed.running).toBe(false);
    packets.length = 0;
    expect(feed.tick(at + 1000)).toBe(6); // 150…155 from the IDR at 6 s
    expect(nalType(depacketize(packets)[0]!.nals[0]!)).toBe(7);
    packets.length = 0;
    // 2.5 s without a tick (a blocked event loop): no burst of 62 pictures, the IDR at 8 s instead.
    expect(feed.tick(at + 3500)).toBe(18);
    expect(nalType(depacketize(packets)[0]!.nals[0]!)).toBe(7);
  });
});
