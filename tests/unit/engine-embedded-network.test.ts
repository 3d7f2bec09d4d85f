import dgram from 'node:dgram';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { EmbeddedEngine } from '../../main/media/engine/embedded/engine';
import { createEngine } from '../../main/media/engine/index';

/** A free block of ports: the test's range starts where nothing listens (probed, then released). */
async function freeBase(size: number): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const base = 20000 + Math.floor(Math.random() * 20000);
    const socket = dgram.createSocket('udp4');
    const ok = await new Promise<boolean>((resolve) => {
      socket.once('error', () => resolve(false));
      socket.bind(base, () => resolve(true));
    });
    await new Promise<void>((resolve) => socket.close(() => resolve()));
    if (ok && base + size < 65535) return base;
  }
  throw new Error('no free port block');
}

/** Whether a UDP port on every interface is taken (the engine holds it). */
function udpTaken(port: number): Promise<boolean> {
  const socket = dgram.createSocket('udp4');
  return new Promise<boolean>((resolve) => {
    socket.once('error', () => resolve(true));
    socket.bind(port, () => socket.close(() => resolve(false)));
  });
}

function tcpAccepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('embedded engine: the RTC network settings', () => {
  let engine: EmbeddedEngine | undefined;
  afterEach(async () => {
    await engine?.close();
  });

  it('binds every transport inside the port range and announces the configured addresses on it', async () => {
    const base = await freeBase(16);
    const range: [number, number] = [base, base + 15];
    engine = new EmbeddedEngine({ portRange: range, announcedAddresses: ['203.0.113.7', '127.0.0.1'] });
    const e = engine;
    // Made at once: each gets a port of its own.
    const transports = await Promise.all(['A', 'B', 'C', 'D', 'E'].map((owner) => e.createTransport(owner)));
    const ports = new Set<number>();
    for (const t of transports) {
      const candidates = t.iceCandidates;
      expect(candidates.map((c) => [c['ip'], c['protocol']])).toEqual([
        ['203.0.113.7', 'udp'],
        ['127.0.0.1', 'udp'],
      ]);
      const [port] = new Set(candidates.map((c) => Number(c['port'])));
      expect(candidates.every((c) => c['port'] === port)).toBe(true);
      expect(port).toBeGreaterThanOrEqual(range[0]);
      expect(port).toBeLessThanOrEqual(range[1]);
      expect(await udpTaken(port ?? 0)).toBe(true);
      ports.add(port ?? 0);
    }
    expect(ports.size).toBe(5);
  });

  it('offers an ICE-TCP passive candidate from the same range when TCP is on', async () => {
    const base = await freeBase(16);
    engine = new EmbeddedEngine({ portRange: [base, base + 15], announcedAddresses: ['127.0.0.1'], tcp: true });
    const t = await engine.createTransport('A');
    const tcp = t.iceCandidates.filter((c) => c['protocol'] === 'tcp');
    expect(tcp).toHaveLength(1);
    expect(tcp[0]).toMatchObject({ ip: '127.0.0.1', tcpType: 'passive', type: 'host' });
    const port = Number(tcp[0]?.['port']);
    expect(port).toBeGreaterThanOrEqual(base);
    expect(port).toBeLessThanOrEqual(base + 15);
    expect(await tcpAccepts(port)).toBe(true);
    // UDP comes first: a browser that can use it does.
    const udp = t.iceCandidates.find((c) => c['protocol'] === 'udp');
    expect(Number(udp?.['priority'])).toBeGreaterThan(Number(tcp[0]?.['priority']));
  });

  it('announces loopback and the machine’s interfaces when nothing is configured, UDP only', async () => {
    engine = new EmbeddedEngine();
    const t = await engine.createTransport('A');
    const candidates = t.iceCandidates;
    expect(candidates[0]).toMatchObject({ ip: '127.0.0.1', protocol: 'udp' });
    expect(candidates.every((c) => c['protocol'] === 'udp' && c['ip'] !== '0.0.0.0')).toBe(true);
  });
});

describe('createEngine: the configured network reaches the engine', () => {
  it('gives the embedded engine the range, the announced addresses and TCP', async () => {
    const base = await freeBase(16);
    const { engine, reason } = await createEngine(
      { network: { portRange: [base, base + 15], announcedAddresses: ['198.51.100.4'], tcp: true } },
      {},
    );
    try {
      expect(reason).toMatch(/^embedded \(werift\)/);
      const t = await engine.createTransport('A');
      // In werift's order; the browser goes by priority (UDP first).
      expect(t.iceCandidates.map((c) => `${String(c['ip'])}/${String(c['protocol'])}`).sort()).toEqual([
        '198.51.100.4/tcp',
        '198.51.100.4/udp',
      ]);
      for (const c of t.iceCandidates) {
        expect(Number(c['port'])).toBeGreaterThanOrEqual(base);
        expect(Number(c['port'])).toBeLessThanOrEqual(base + 15);
      }
    } finally {
      await engine.close();
    }
  });
});
