import { RtpHeader, RtpPacket } from 'werift';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../common/contract/errors';
import { chooseCodec, routerRtpCapabilities } from '../../main/media/engine/embedded/capabilities';
import { EmbeddedConsumer } from '../../main/media/engine/embedded/consumer';
import { EmbeddedEngine, MAX_TRANSPORTS_PER_OWNER } from '../../main/media/engine/embedded/engine';
import { nalTypes, spsProfileLevelId, startsKeyframe } from '../../main/media/engine/embedded/h264';
import { KeyframeCache } from '../../main/media/engine/embedded/keyframe-cache';

const SPS = [0x67, 0x64, 0x00, 0x28, 0xac];
const PPS = [0x68, 0xee, 0x3c, 0x80];
const stapA = (...nals: number[][]): Buffer =>
  Buffer.from([0x78, ...nals.flatMap((n) => [n.length >> 8, n.length & 0xff, ...n])]);
const packet = (seq: number, ts: number, payload: number[] | Buffer): RtpPacket =>
  new RtpPacket(
    new RtpHeader({ payloadType: 96, sequenceNumber: seq, timestamp: ts, ssrc: 1234 }),
    Buffer.from(payload),
  );

/** A device's recv capabilities as mediasoup-client derives them from the router's. */
const deviceCaps = (...profiles: string[]): Record<string, unknown> => ({
  codecs: profiles.map((p) => ({
    kind: 'video',
    mimeType: 'video/H264',
    preferredPayloadType: 102,
    clockRate: 90000,
    parameters: { 'packetization-mode': 1, 'profile-level-id': p },
  })),
  headerExtensions: [],
});

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof ApiError ? error.code : `not an ApiError: ${String(error)}`;
  }
  return undefined;
}

describe('embedded engine: capabilities', () => {
  it("offers H.264 in mediasoup's RtpCapabilities shape, no header extensions", () => {
    const caps = routerRtpCapabilities() as { codecs: Record<string, unknown>[]; headerExtensions: unknown[] };
    expect(caps.headerExtensions).toEqual([]);
    expect(caps.codecs.map((c) => (c['parameters'] as Record<string, unknown>)['profile-level-id'])).toEqual([
      '42e01f',
      '4d0028',
      '640028',
    ]);
    for (const c of caps.codecs) {
      expect(c).toMatchObject({
        kind: 'video',
        mimeType: 'video/H264',
        clockRate: 90000,
        parameters: { 'packetization-mode': 1 },
      });
      expect(typeof c['preferredPayloadType']).toBe('number');
      expect(c['rtcpFeedback']).toEqual(expect.arrayContaining([{ type: 'nack' }, { type: 'nack', parameter: 'pli' }]));
    }
    expect(new Set(caps.codecs.map((c) => c['preferredPayloadType'])).size).toBe(3);
  });

  it("picks the producer's profile when the device takes it, else one it takes, else none", () => {
    expect(chooseCodec(deviceCaps('42e01f', '640028'), '640028')?.parameters['profile-level-id']).toBe('640028');
    expect(chooseCodec(deviceCaps('42e01f'), '640028')?.parameters['profile-level-id']).toBe('42e01f');
    expect(chooseCodec(deviceCaps('42e01f', '4d0028'), undefined)?.parameters['profile-level-id']).toBe('42e01f');
    expect(chooseCodec({ codecs: [{ mimeType: 'video/VP8' }] }, undefined)).toBeUndefined();
    expect(chooseCodec({}, undefined)).toBeUndefined();
  });
});

describe('embedded engine: H.264 keyframes in RTP payloads', () => {
  it('finds IDR and SPS in single NAL units, STAP-A and FU-A start fragments only', () => {
    expect(startsKeyframe(Buffer.from([0x65, 0x88]))).toBe(true); // IDR slice
    expect(startsKeyframe(Buffer.from(SPS))).toBe(true);
    expect(startsKeyframe(Buffer.from([0x41, 0x9a]))).toBe(false); // non-IDR slice
    expect(startsKeyframe(Buffer.from(PPS))).toBe(false);
    expect(startsKeyframe(stapA(SPS, PPS))).toBe(true);
    expect(startsKeyframe(stapA([0x06, 0x05], PPS))).toBe(false); // SEI + PPS
    expect(nalTypes(stapA([0x06, 0x05], SPS, PPS))).toEqual([6, 7, 8]);
    expect(startsKeyframe(Buffer.from([0x7c, 0x85, 0x88]))).toBe(true); // FU-A, start, IDR
    expect(startsKeyframe(Buffer.from([0x7c, 0x05, 0x88]))).toBe(false); // FU-A, middle, IDR
    expect(startsKeyframe(Buffer.from([0x7c, 0x81, 0x9a]))).toBe(false); // FU-A, start, non-IDR
    expect(startsKeyframe(Buffer.alloc(0))).toBe(false);
    // A STAP-A whose size runs past the end stops there.
    expect(nalTypes(Buffer.from([0x78, 0xff, 0xff]))).toEqual([]);
  });

  it('reads the profile-level-id from an SPS, alone or in a STAP-A', () => {
    expect(spsProfileLevelId(Buffer.from(SPS))).toBe('640028');
    expect(spsProfileLevelId(stapA([0x06, 0x05], SPS, PPS))).toBe('640028');
    expect(spsProfileLevelId(Buffer.from(PPS))).toBeUndefined();
  });
});

describe('embedded engine: keyframe cache', () => {
  it('keeps the packets since the last keyframe, one keyframe per access unit', () => {
    const cache = new KeyframeCache({ maxBytes: 10_000, maxPackets: 100 });
    cache.add(packet(1, 0, [0x41, 1]), false);
    expect(cache.packetCount).toBe(0); // nothing decodable yet
    cache.add(packet(2, 3000, stapA(SPS, PPS)), true);
    cache.add(packet(3, 3000, [0x7c, 0x85, 1]), true); // the IDR of the same access unit
    cache.add(packet(4, 6000, [0x41, 2]), false);
    expect(cache.snapshot().map((p) => p.header.sequenceNumber)).toEqual([2, 3, 4]);
    cache.add(packet(5, 9000, [0x65, 3]), true); // the next keyframe starts over
    expect(cache.snapshot().map((p) => p.header.sequenceNumber)).toEqual([5]);
  });

  it('is bounded: past the caps it is dropped until the next keyframe', () => {
    const cache = new KeyframeCache({ maxBytes: 100, maxPackets: 3 });
    cache.add(packet(1, 0, [0x65, 1]), true);
    cache.add(packet(2, 3000, [0x41, 2]), false);
    cache.add(packet(3, 6000, [0x41, 3]), false);
    expect(cache.packetCount).toBe(3);
    cache.add(packet(4, 9000, [0x41, 4]), false);
    expect(cache.packetCount).toBe(0);
    cache.add(packet(5, 12000, [0x41, 5]), false);
    expect(cache.packetCount).toBe(0); // not decodable without its keyframe
    cache.add(packet(6, 15000, [0x65, ...Buffer.alloc(120)]), true); // one packet over the byte cap
    expect(cache.bytes).toBe(0);
    cache.add(packet(7, 18000, [0x65, 7]), true);
    expect(cache.bytes).toBe(2);
  });
});

describe('embedded engine: a consumer rewrites the stream for its browser', () => {
  /** `defer`: how a replay's tail is scheduled (here at once unless a test queues it). */
  function consumer(defer: (fn: () => void) => void = (fn) => fn()): { c: EmbeddedConsumer; sent: RtpHeader[] } {
    const sent: RtpHeader[] = [];
    const codec = chooseCodec(deviceCaps('42e01f'), undefined);
    if (!codec) throw new Error('no codec');
    const c = new EmbeddedConsumer('c1', 'A', 't1', 'k', codec, (header) => sent.push(header), '0', defer);
    return { c, sent };
  }

  it('replays the keyframe at once and the rest of the GOP a chunk per turn, live packets queued behind it', () => {
    const turns: (() => void)[] = [];
    const { c, sent } = consumer((fn) => turns.push(fn));
    // SPS/PPS/IDR of one access unit (timestamp 0), then 20 P-frame packets.
    const cache = [packet(1, 0, [0x67]), packet(2, 0, [0x68]), packet(3, 0, [0x65])];
    for (let i = 0; i < 20; i += 1) cache.push(packet(4 + i, 3000 * (i + 1), [0x41]));
    c.setReady(cache);
    expect(sent).toHaveLength(3); // the keyframe, nothing after it yet
    c.deliver(packet(24, 63000, [0x41]), false); // live, while the replay is still going
    expect(sent).toHaveLength(3);
    turns.shift()?.();
    expect(sent).toHaveLength(11); // one chunk of 8
    while (turns.length > 0) turns.shift()?.();
    expect(sent).toHaveLength(24);
    const first = sent[0]?.sequenceNumber ?? 0;
    expect(sent.map((h) => (h.sequenceNumber - first) & 0xffff)).toEqual(Array.from({ length: 24 }, (_, i) => i));
    // In source order: the live packet went last, with the latest timestamp.
    expect(((sent[23]?.timestamp ?? 0) - (sent[22]?.timestamp ?? 0)) >>> 0).toBe(3000);
    c.deliver(packet(25, 66000, [0x41]), false); // the backlog is empty again: straight out
    expect(sent).toHaveLength(25);
    expect(turns).toHaveLength(0);
  });

  it('drops the rest of a replay when paused before it went out', () => {
    const turns: (() => void)[] = [];
    const { c, sent } = consumer((fn) => turns.push(fn));
    c.setReady([packet(1, 0, [0x65]), packet(2, 3000, [0x41]), packet(3, 6000, [0x41])]);
    expect(sent).toHaveLength(1);
    c.paused = true;
    turns.shift()?.();
    expect(sent).toHaveLength(1);
    c.paused = false;
    c.restart([packet(1, 0, [0x65]), packet(2, 3000, [0x41])]);
    expect(sent).toHaveLength(2);
    while (turns.length > 0) turns.shift()?.();
    expect(sent).toHaveLength(3);
  });

  it('starts from the cached keyframe with its own SSRC, payload type and continuous sequence numbers', () => {
    const { c, sent } = consumer();
    c.deliver(packet(10, 0, [0x65]), true);
    expect(sent).toHaveLength(0); // transport not connected yet
    c.setReady([packet(10, 0, [0x65]), packet(11, 3000, [0x41])]);
    c.deliver(packet(12, 6000, [0x41]), false);
    expect(sent.map((h) => h.ssrc)).toEqual([c.ssrc, c.ssrc, c.ssrc]);
    expect(sent.every((h) => h.payloadType === 102)).toBe(true);
    const first = sent[0]?.sequenceNumber ?? 0;
    expect(sent.map((h) => (h.sequenceNumber - first) & 0xffff)).toEqual([0, 1, 2]);
    expect(sent.map((h) => (h.timestamp - (sent[0]?.timestamp ?? 0)) >>> 0)).toEqual([0, 3000, 6000]);
    expect(c.rtpParameters()).toMatchObject({
      encodings: [{ ssrc: c.ssrc }],
      headerExtensions: [],
      codecs: [{ payloadType: 102 }],
    });
  });

  it('without a cache waits for a keyframe; a replay never sends time backwards; NACK resends', () => {
    const { c, sent } = consumer();
    c.setReady([]);
    c.deliver(packet(1, 0, [0x41]), false);
    expect(sent).toHaveLength(0);
    c.deliver(packet(2, 3000, [0x65]), true);
    c.deliver(packet(3, 6000, [0x41]), false);
    expect(sent).toHaveLength(2);
    const last = sent[1]?.timestamp ?? 0;
    // A PLI answered from the cache: the keyframe at source time 3000 is replayed after 6000.
    c.restart([packet(2, 3000, [0x65]), packet(3, 6000, [0x41])]);
    expect(sent).toHaveLength(4);
    expect(((sent[2]?.timestamp ?? 0) - last) | 0).toBeGreaterThan(0);
    expect(((sent[3]?.sequenceNumber ?? 0) - (sent[0]?.sequenceNumber ?? 0)) & 0xffff).toBe(3);
    c.retransmit([sent[1]?.sequenceNumber ?? -1, 9999]);
    expect(sent).toHaveLength(5);
    expect(sent[4]?.sequenceNumber).toBe(sent[1]?.sequenceNumber);
    c.paused = true;
    c.deliver(packet(4, 9000, [0x41]), false);
    expect(sent).toHaveLength(5);
  });

  it('made paused, sends nothing when its transport is up; resumed, starts with the cached keyframe', () => {
    // media.rtc.consume with paused: the console resumes once its receiver exists (rtc-session.ts).
    const { c, sent } = consumer();
    c.paused = true;
    const cache = [packet(10, 0, [0x65]), packet(11, 3000, [0x41])];
    c.setReady(cache);
    c.deliver(packet(12, 6000, [0x41]), false);
    c.restart(cache); // a PLI while paused
    expect(sent).toHaveLength(0);
    c.paused = false;
    c.restart([...cache, packet(12, 6000, [0x41])]);
    expect(sent).toHaveLength(3);
    c.deliver(packet(13, 9000, [0x41]), false);
    expect(sent).toHaveLength(4);
    expect(((sent[3]?.sequenceNumber ?? 0) - (sent[0]?.sequenceNumber ?? 0)) & 0xffff).toBe(3);
  });

  it('resumed before its transport is up, starts with the cached keyframe when it connects', () => {
    const { c, sent } = consumer();
    c.paused = true;
    c.paused = false;
    c.restart([packet(10, 0, [0x65])]); // the resume's replay: nowhere to send yet
    expect(sent).toHaveLength(0);
    c.setReady([packet(10, 0, [0x65]), packet(11, 3000, [0x41])]);
    expect(sent).toHaveLength(2);
  });
});

describe('embedded engine: producers, transports, consumers and their owners', () => {
  let engine: EmbeddedEngine | undefined;
  afterEach(async () => {
    await engine?.close();
  });

  it('keeps each owner to its own transports and consumers, and frees everything on close', async () => {
    engine = new EmbeddedEngine({ announcedAddresses: ['127.0.0.1'] });
    const feed = await engine.packetProducer('cam-1/sub');
    const again = await engine.packetProducer('cam-1/sub');
    expect(again.producerId).toBe(feed.producerId);
    feed.push(packet(1, 0, [0x65, 1]).serialize());
    feed.push(packet(2, 3000, [0x41, 2]).serialize());
    feed.push(Buffer.from([0x80, 200, 0, 1])); // RTCP-sized garbage is ignored
    expect(engine.stats()).toMatchObject({ producers: 1, cachedBytes: 4 });

    const t = await engine.createTransport('A');
    expect(t.iceParameters).toMatchObject({ iceLite: true });
    expect(t.dtlsParameters).toMatchObject({ role: 'auto', fingerprints: [{ algorithm: 'sha-256' }] });
    expect(t.iceCandidates.length).toBeGreaterThan(0);
    await expect(engine.consume('B', t.id, 'cam-1/sub', deviceCaps('42e01f'))).rejects.toMatchObject({
      code: 'E_NOT_FOUND',
    });
    await expect(engine.consume('A', t.id, 'nope', deviceCaps('42e01f'))).rejects.toMatchObject({
      code: 'E_NOT_FOUND',
    });
    await expect(engine.consume('A', t.id, 'cam-1/sub', { codecs: [] })).rejects.toMatchObject({ code: 'E_INVALID' });
    const consumer = await engine.consume('A', t.id, 'cam-1/sub', deviceCaps('42e01f'));
    expect(consumer).toMatchObject({ producerId: feed.producerId, kind: 'video' });
    expect(engine.consumerStats('A', consumer.id)).toEqual({ packetsSent: 0, paused: false });
    // Made paused (the console resumes it once it has the receiver); a resume unpauses it.
    const held = await engine.consume('A', t.id, 'cam-1/sub', deviceCaps('42e01f'), { paused: true });
    expect(engine.consumerStats('A', held.id)).toEqual({ packetsSent: 0, paused: true });
    await engine.resumeConsumer('A', held.id);
    expect(engine.consumerStats('A', held.id)).toEqual({ packetsSent: 0, paused: false });
    engine.closeConsumer('A', held.id);

    await expect(engine.pauseConsumer('B', consumer.id)).rejects.toMatchObject({ code: 'E_NOT_FOUND' });
    await expect(engine.resumeConsumer('B', consumer.id)).rejects.toMatchObject({ code: 'E_NOT_FOUND' });
    expect(code(() => engine?.closeConsumer('B', consumer.id))).toBe('E_NOT_FOUND');
    await expect(engine.connectTransport('B', t.id, {})).rejects.toMatchObject({ code: 'E_NOT_FOUND' });
    await expect(engine.connectTransport('A', t.id, { role: 'client', fingerprints: [] })).rejects.toMatchObject({
      code: 'E_INVALID',
    });
    await engine.pauseConsumer('A', consumer.id);
    expect(engine.consumerStats('A', consumer.id)).toEqual({ packetsSent: 0, paused: true });
    expect(engine.stats()).toMatchObject({ transports: 1, consumers: 1 });

    engine.closeOwner('B');
    expect(engine.stats()).toMatchObject({ transports: 1, consumers: 1 });
    engine.closeOwner('A');
    expect(engine.stats()).toMatchObject({ producers: 1, transports: 0, consumers: 0 });
    expect(code(() => engine?.closeConsumer('A', consumer.id))).toBe('E_NOT_FOUND');

    const t2 = await engine.createTransport('A');
    await engine.consume('A', t2.id, 'cam-1/sub', deviceCaps('42e01f'));
    engine.closeProducer('cam-1/sub');
    expect(engine.stats()).toEqual({ producers: 0, transports: 1, consumers: 0, cachedBytes: 0 });
    await engine.close();
    expect(engine.stats()).toEqual({ producers: 0, transports: 0, consumers: 0, cachedBytes: 0 });
    await expect(engine.createTransport('A')).rejects.toMatchObject({ code: 'E_CONFLICT' });
  });

  it('bounds the transports one connection holds: past the bound its oldest goes; others are not affected', async () => {
    const e = new EmbeddedEngine({ announcedAddresses: ['127.0.0.1'] });
    engine = e;
    // Made all at once, one more than the bound is refused.
    const burst = await Promise.allSettled(
      Array.from({ length: MAX_TRANSPORTS_PER_OWNER + 1 }, () => e.createTransport('A')),
    );
    expect(burst.filter((r) => r.status === 'fulfilled')).toHaveLength(MAX_TRANSPORTS_PER_OWNER);
    expect(burst.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'E_CONFLICT' } });
    expect(e.stats().transports).toBe(MAX_TRANSPORTS_PER_OWNER);
    // One at a time, a new one replaces the oldest: the window is never locked out.
    const first = burst.find((r) => r.status === 'fulfilled');
    const newest = await e.createTransport('A');
    expect(e.stats().transports).toBe(MAX_TRANSPORTS_PER_OWNER);
    await e.packetProducer('cam-1/sub');
    if (first?.status === 'fulfilled') {
      await expect(e.consume('A', first.value.id, 'cam-1/sub', deviceCaps('42e01f'))).rejects.toMatchObject({
        code: 'E_NOT_FOUND',
      });
    }
    await expect(e.consume('A', newest.id, 'cam-1/sub', deviceCaps('42e01f'))).resolves.toMatchObject({
      kind: 'video',
    });
    await expect(e.createTransport('B')).resolves.toMatchObject({ iceParameters: { iceLite: true } });
    expect(e.stats().transports).toBe(MAX_TRANSPORTS_PER_OWNER + 1);
    await e.close();
  });

  it('gives every consumer a MID of its own on its transport, never reused after a close', async () => {
    // mediasoup-client numbers a consumer without a MID by how many it holds: after a close that
    // repeats a live consumer's MID, and the new tile gets no frames.
    engine = new EmbeddedEngine({ announcedAddresses: ['127.0.0.1'] });
    await engine.packetProducer('cam-1/sub');
    await engine.packetProducer('cam-1/main');
    const t = await engine.createTransport('A');
    const mid = (c: { rtpParameters: Record<string, unknown> }) => c.rtpParameters.mid;
    const sub = await engine.consume('A', t.id, 'cam-1/sub', deviceCaps('42e01f'));
    const other = await engine.consume('A', t.id, 'cam-1/sub', deviceCaps('42e01f'));
    engine.closeConsumer('A', sub.id);
    const main = await engine.consume('A', t.id, 'cam-1/main', deviceCaps('42e01f'));
    expect([mid(sub), mid(other), mid(main)]).toEqual(['0', '1', '2']);
    await engine.close();
  });

  it('never closes a transport for silence before it connected (a window may consume much later)', async () => {
    let now = 0;
    engine = new EmbeddedEngine({
      now: () => now,
      idleTransportMs: 1000,
      livenessIntervalMs: 0,
    });
    await engine.createTransport('A');
    now = 3_600_000;
    engine.closeSilentTransports();
    expect(engine.stats().transports).toBe(1);
  });

  it('binds one ingest port per stream key on 127.0.0.1', async () => {
    engine = new EmbeddedEngine();
    const [a, b] = await Promise.all([engine.rtpProducer('cam-1/main'), engine.rtpProducer('cam-1/main')]);
    const c = await engine.rtpProducer('cam-2/main');
    expect(a.port).toBeGreaterThan(0);
    expect(b.port).toBe(a.port);
    expect(c.port).not.toBe(a.port);
    expect(b.producerId).toBe(a.producerId);
  });
});
