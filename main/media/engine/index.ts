import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { EmbeddedEngine, type EmbeddedEngineOptions } from './embedded/engine';
import type { MediasoupModule } from './mediasoup/api';
import { MediasoupEngine } from './mediasoup/engine';
import { loadMediasoup } from './mediasoup/load';
import type { RtcNetwork } from './rtc-network';
import type { MediaEngine } from './types';

export interface EngineChoice {
  engine: MediaEngine;
  /** Why this engine: shown in the console's status and the hub's log. */
  reason: string;
}

/**
 * Where a mediasoup worker binary would be: MEDIASOUP_WORKER_BIN, else the npm package's own
 * build. Undefined with the reason when there is none.
 */
export function findMediasoupWorker(env: NodeJS.ProcessEnv = process.env): { bin?: string; reason: string } {
  const fromEnv = env['MEDIASOUP_WORKER_BIN'];
  if (fromEnv) {
    return fs.existsSync(fromEnv)
      ? { bin: fromEnv, reason: `MEDIASOUP_WORKER_BIN=${fromEnv}` }
      : { reason: `MEDIASOUP_WORKER_BIN=${fromEnv} does not exist` };
  }
  try {
    const pkg = createRequire(moduleBase()).resolve('mediasoup/package.json');
    const bin = path.join(
      path.dirname(pkg),
      'worker',
      'out',
      'Release',
      process.platform === 'win32' ? 'mediasoup-worker.exe' : 'mediasoup-worker',
    );
    return fs.existsSync(bin)
      ? { bin, reason: `mediasoup package worker ${bin}` }
      : { reason: 'the mediasoup package has no built worker' };
  } catch {
    return { reason: 'the mediasoup package is not installed and MEDIASOUP_WORKER_BIN is not set' };
  }
}

/**
 * Where `mediasoup` is looked up from: this module's URL; in a CommonJS bundle (Electron's main)
 * import.meta is empty, and the bundle's own file stands in (else the working folder).
 */
function moduleBase(): string {
  const url = (import.meta as { url?: string }).url;
  if (url) return url;
  return typeof __filename === 'string' ? __filename : path.join(process.cwd(), 'index.js');
}

export interface EngineSettings {
  /** Port range, announced addresses and TCP for consoles' media (both engines). */
  network?: RtcNetwork;
  /** mediasoup workers (default: one per core). */
  workers?: number;
  /** The embedded engine's own options (tests). */
  embedded?: EmbeddedEngineOptions;
  /** Loads the mediasoup module (tests pass a double); default: the installed package. */
  loadMediasoup?: () => MediasoupModule;
  log?: (line: string) => void;
}

/** The embedded engine with the network settings. */
function embeddedEngine(settings: EngineSettings): EmbeddedEngine {
  const network = settings.network;
  return new EmbeddedEngine({
    ...(network?.portRange ? { portRange: network.portRange } : {}),
    ...(network && network.announcedAddresses.length > 0 ? { announcedAddresses: network.announcedAddresses } : {}),
    ...(network?.tcp ? { tcp: true } : {}),
    ...settings.embedded,
  });
}

/**
 * The hub's WebRTC engine: mediasoup when its package and a worker binary exist and the workers
 * start, else the embedded werift engine; `reason` says which and why.
 */
export async function createEngine(
  settings: EngineSettings = {},
  env: NodeJS.ProcessEnv = process.env,
): Promise<EngineChoice> {
  const worker = findMediasoupWorker(env);
  if (!worker.bin) {
    return { engine: embeddedEngine(settings), reason: `embedded (werift): no mediasoup worker — ${worker.reason}` };
  }
  const workers = settings.workers ?? os.availableParallelism();
  try {
    const ms = (settings.loadMediasoup ?? (() => loadMediasoup(moduleBase())))();
    const engine = await MediasoupEngine.start(ms, {
      workers,
      ...(settings.network ? { network: settings.network } : {}),
      ...(settings.log ? { log: settings.log } : {}),
    });
    return { engine, reason: `mediasoup ${ms.version}: ${workers} worker(s), ${worker.reason}` };
  } catch (error) {
    // First line only: a missing module's message goes on with its require stack.
    const why = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    return {
      engine: embeddedEngine(settings),
      reason: `embedded (werift): a mediasoup worker exists (${worker.reason}) but mediasoup did not start — ${why}`,
    };
  }
}
