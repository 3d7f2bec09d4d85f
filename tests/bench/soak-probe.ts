/**
 * What the wall soak measures, from outside the page's own code: the renderer's figures over
 * DevTools (after a garbage collection, so a sample shows what is kept, not when the collector
 * last ran), the media objects the page holds (counted by a script put in before the console's
 * own), and the resident memory of the renderer and hub processes from /proc.
 */
import fs from 'node:fs';
import type { CdpPage } from './soak-cdp';

export interface Sample {
  /** Seconds since the soak started. */
  at: number;
  heapMb: number;
  nodes: number;
  listeners: number;
  videos: number;
  /** <video> elements playing a MediaSource (an HLS player's blob: URL). */
  mseVideos: number;
  /** <video> elements playing a MediaStream (WebRTC). */
  rtcVideos: number;
  /** MediaSources not closed (attached to a <video>). */
  mediaSources: number;
  /** MediaSources the page still holds (not yet collected, open or not). */
  mediaSourcesHeld: number;
  /** RTCPeerConnections not closed. */
  peers: number;
  /**
   * React roots in the document: the console's own, and one per antd click ripple on screen (a
   * <div> with a root of its own and React's ≈147 event listeners on it, until its animation ends).
   */
  roots: number;
  /** Their RTCRtpTransceivers (one per consumer a transport made, until the browser drops it). */
  transceivers: number;
  rendererMb: number;
  renderers: number;
  hubMb: number;
}

/**
 * Put in every document before its scripts: notes each MediaSource given a URL (how hls.js attaches
 * one) and each RTCPeerConnection made, by weak reference, so counting them keeps none alive.
 */
export const PROBE_SCRIPT = `(() => {
  const sources = [];
  const peers = [];
  const createObjectURL = URL.createObjectURL;
  URL.createObjectURL = function (object) {
    if (typeof MediaSource !== 'undefined' && object instanceof MediaSource) sources.push(new WeakRef(object));
    return createObjectURL.call(URL, object);
  };
  if (typeof RTCPeerConnection === 'function') {
    window.RTCPeerConnection = new Proxy(RTCPeerConnection, {
      construct(target, args, newTarget) {
        const pc = Reflect.construct(target, args, newTarget);
        peers.push(new WeakRef(pc));
        return pc;
      },
    });
  }
  const live = (refs) => {
    const kept = refs.map((r) => r.deref()).filter(Boolean);
    refs.splice(0, refs.length, ...kept.map((o) => new WeakRef(o)));
    return kept;
  };
  Object.defineProperty(window, '__soakCount', {
    value: () => {
      const videos = [...document.querySelectorAll('video')];
      const held = live(sources);
      return {
        videos: videos.length,
        mseVideos: videos.filter((v) => v.src.startsWith('blob:')).length,
        rtcVideos: videos.filter((v) => v.srcObject instanceof MediaStream).length,
        mediaSources: held.filter((m) => m.readyState !== 'closed').length,
        mediaSourcesHeld: held.length,
        roots: [...document.querySelectorAll('div')].filter((d) =>
          Object.keys(d).some((k) => k.startsWith('__reactContainer$')),
        ).length,
        peers: live(peers).filter((p) => p.connectionState !== 'closed').length,
        transceivers: live(peers)
          .filter((p) => p.connectionState !== 'closed')
          .reduce((sum, p) => sum + p.getTransceivers().length, 0),
      };
    },
  });
})();`;

/** Resident memory of a process in MB (0 when it is gone). */
export function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m?.[1] ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

function parentOf(pid: number): number {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(text.slice(text.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return 0;
  }
}

/** Chromium's renderer processes under `browserPid` (its only page's, with no spare renderer). */
export function rendererPids(browserPid: number): number[] {
  const pids: number[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    let cmdline = '';
    try {
      cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (!cmdline.includes('--type=renderer')) continue;
    for (let p = parentOf(pid); p > 1; p = parentOf(p)) {
      if (p === browserPid) {
        pids.push(pid);
        break;
      }
    }
  }
  return pids;
}

type PageCounts = Pick<
  Sample,
  'videos' | 'mseVideos' | 'rtcVideos' | 'mediaSources' | 'mediaSourcesHeld' | 'peers' | 'transceivers' | 'roots'
>;

/** Every figure once, after a full garbage collection in the page. */
export async function takeSample(page: CdpPage, at: number, browserPid: number, hubPid: number): Promise<Sample> {
  await page.send('HeapProfiler.collectGarbage');
  const { metrics } = await page.send<{ metrics: { name: string; value: number }[] }>('Performance.getMetrics');
  const metric = (name: string): number => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
  const counts = await page.evaluate<PageCounts>('window.__soakCount()');
  const renderers = rendererPids(browserPid);
  return {
    at,
    heapMb: metric('JSHeapUsedSize') / 1024 / 1024,
    nodes: metric('Nodes'),
    listeners: metric('JSEventListeners'),
    ...counts,
    rendererMb: renderers.reduce((sum, pid) => sum + rssMb(pid), 0),
    renderers: renderers.length,
    hubMb: rssMb(hubPid),
  };
}
