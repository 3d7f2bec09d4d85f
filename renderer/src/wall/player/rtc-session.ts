import { Device } from 'mediasoup-client';
import type { Consumer, DtlsParameters, Transport } from 'mediasoup-client/types';
import type { MethodInput, MethodName, MethodOutput } from '../../../../common/contract';
import { ConsumeGate } from './rtc-consume-gate';
import { RtcConsumers } from './rtc-consumers';
import { TransportUse } from './rtc-recycle';
import type { StreamKind } from './types';

/**
 * The window's WebRTC link to the hub: one mediasoup-client Device and one
 * receive transport, made when the wall opens (`prepare`: a view's first tiles need no set-up —
 * bench:rtc, a new window's 16 tiles 0.70 → 0.61 s) or else by the first WebRTC tile, and made
 * again after the transport failed; one consumer per tile. A consumer is paused (here and on the
 * hub: nothing is sent for it) while its tile is hidden — covered by a maximised tile — or, in the
 * console window only, while the page is hidden; a wall window (#/wall/window/<n>) ignores page
 * visibility — it is watched on a screen whatever the browser thinks. On resume the engine starts
 * again from the last keyframe.
 *
 * Every consumer is made paused on the hub and resumed here once mediasoup-client has made its
 * receiver (unless its tile is hidden): the resume is what sends the first keyframe, so it reaches
 * a receiver. A consumer made playing would have its first keyframe sent with the consume answer,
 * before the receiver exists; the browser drops it and the tile waits for the browser's own
 * keyframe request — the bulk of a tile's first frame on a wall of 9 or 16 (benchmark).
 */

export type RtcCall = <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>;

export interface RtcConsumer {
  readonly track: MediaStreamTrack;
  getStats(): Promise<RTCStatsReport>;
  /** Closes the consumer here and on the hub. */
  close(): void;
  /** Called once when the transport under it fails (the tile reconnects). */
  onFailed(listener: () => void): void;
  /** The tile is covered (another tile maximised): pause while hidden, resume when shown. */
  setHidden(hidden: boolean): void;
}

export interface ConsumeOptions {
  /** The tile is hidden now: the consumer starts paused. */
  hidden?: boolean;
}

export interface RtcSession {
  /** The engine the hub uses, once known ('embedded' | 'mediasoup'). */
  engine(): Promise<string>;
  /** The window's receive transport is made (a consume now costs no set-up). */
  linked(): boolean;
  /**
   * Makes the Device and receive transport now (the wall opened) unless made or being made; a
   * failure (no engine on the hub) is forgotten and the first WebRTC tile tries again.
   */
  prepare(): void;
  consume(cameraId: string, stream: StreamKind, options?: ConsumeOptions): Promise<RtcConsumer>;
  close(): void;
}

interface Link {
  device: Device;
  transport: Transport;
  /** Its consumers, and when it is worn out and replaced (rtc-recycle.ts). */
  use: TransportUse;
  /** The hub's consume answers, let into mediasoup-client together (one renegotiation). */
  gate: ConsumeGate;
}

export function isWallWindow(hash: string = location.hash): boolean {
  return /^#\/wall\/window\//.test(hash);
}

/** Makes the window's Device and receive transport; `gone` is told once the transport failed or closed. */
async function openLink(
  call: RtcCall,
  learned: (engine: string) => void,
  gone: (transport: Transport) => void,
): Promise<Link> {
  const caps = await call('media.rtc.capabilities', {});
  learned(caps.engine);
  const device = new Device();
  await device.load({ routerRtpCapabilities: caps.routerRtpCapabilities });
  const params = await call('media.rtc.createTransport', {});
  const transport = device.createRecvTransport(params as unknown as Parameters<Device['createRecvTransport']>[0]);
  transport.on('connect', ({ dtlsParameters }: { dtlsParameters: DtlsParameters }, ok, fail) => {
    call('media.rtc.connect', {
      transportId: transport.id,
      dtlsParameters: dtlsParameters,
    }).then(
      () => ok(),
      (e: unknown) => fail(e instanceof Error ? e : new Error(String(e))),
    );
  });
  transport.on('connectionstatechange', (state) => {
    if (state === 'failed' || state === 'closed') gone(transport);
  });
  return { device, transport, use: new TransportUse(() => transport.close()), gate: new ConsumeGate() };
}

/** One paused consumer on `link` (counted on it until it closes, or at once when refused). */
async function consumeOn(call: RtcCall, link: Link, cameraId: string, stream: StreamKind): Promise<Consumer> {
  const { device, transport, use, gate } = link;
  use.begin();
  try {
    const answer = await gate.through(
      call('media.rtc.consume', {
        transportId: transport.id,
        cameraId,
        stream,
        rtpCapabilities: device.recvRtpCapabilities,
        paused: true,
      }),
    );
    return await transport.consume(answer as unknown as Parameters<Transport['consume']>[0]);
  } catch (e) {
    use.end(false);
    throw e;
  }
}

/** The hub's engine, asked once (again after a refusal: no engine now) or learned from the set-up. */
class EngineName {
  private name: Promise<string> | null = null;

  constructor(private readonly call: RtcCall) {}

  learned(engine: string): void {
    this.name ??= Promise.resolve(engine);
  }

  get(): Promise<string> {
    if (!this.name) {
      const asked = this.call('media.rtc.capabilities', {}).then((caps) => caps.engine);
      this.name = asked;
      asked.catch(() => {
        if (this.name === asked) this.name = null;
      });
    }
    return this.name;
  }
}

export function createRtcSession(call: RtcCall, wallWindow: boolean = isWallWindow()): RtcSession {
  let link: Promise<Link> | null = null;
  /** The set-up in flight or done; `link` forgets it once it failed. */
  let current: Promise<Link> | null = null;
  const engineName = new EngineName(call);
  const consumers = new RtcConsumers(call, wallWindow);

  /** Worn transports still playing for some tiles (closed with the session). */
  const retiring = new Set<Link>();

  const open = (): Promise<Link> => {
    const opening: Promise<Link> = openLink(
      call,
      (engine) => engineName.learned(engine),
      (transport) => {
        // The next consume makes a new transport (unless this one was already replaced); every
        // tile on this one reconnects.
        if (link === opening) link = null;
        transport.close();
        consumers.transportFailed(transport.id);
      },
    );
    return opening;
  };

  /** The set-up that resolved and is still in use, and what it made. */
  let made: Promise<Link> | null = null;
  let madeLink: Link | null = null;
  /** The made transport is worn: new consumers go to a new one; this one closes once drained. */
  const retireWorn = (): void => {
    const worn = made !== null && made === link ? madeLink : null;
    if (!worn?.use.worn) return;
    [link, made, madeLink] = [null, null, null];
    retiring.add(worn);
    worn.use.retire();
  };
  const ensure = (): Promise<Link> => {
    if (!link) {
      current = open();
      link = current;
      const mine = current;
      mine.then(
        (value) => {
          if (link !== mine) return;
          made = mine;
          madeLink = value;
        },
        () => undefined,
      );
      // A failed set-up is not kept: the next tile tries again.
      current.catch(() => {
        if (link === current) link = null;
      });
    }
    return link;
  };

  return {
    linked: () => made !== null && made === link,
    prepare() {
      retireWorn();
      ensure().catch(() => undefined);
    },
    engine: () => engineName.get(),
    async consume(cameraId, stream, options = {}) {
      // On a made transport the consume goes out now, in the tile's own task, not a microtask later
      // (behind the rest of a wall's render).
      retireWorn();
      const mine = (made !== null && made === link ? madeLink : null) ?? (await ensure());
      const consumer = await consumeOn(call, mine, cameraId, stream);
      return consumers.add(consumer, mine.transport.id, options.hidden ?? false, () => {
        mine.use.end(true);
        if (mine.use.closed) retiring.delete(mine);
      });
    },
    close() {
      consumers.close();
      const closing = link;
      [link, made, madeLink] = [null, null, null];
      closing?.then((l) => l.transport.close()).catch(() => undefined);
      for (const old of retiring) old.transport.close();
      retiring.clear();
    },
  };
}
