import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { EmbeddedEngine, type EmbeddedEngineOptions } from './embedded/engine';
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

/** This module's URL; in a CommonJS bundle (Electron's main) import.meta is empty: the app's folder. */
function moduleBase(): string {
  return (import.meta as { url?: string }).url ?? path.join(process.cwd(), 'index.js');
}

/**
 * The hub's WebRTC engine: mediasoup when a worker exists, else the embedded werift engine.
 * Only the embedded engine is built so far, so a found worker is reported and not used yet.
 */
export function createEngine(options: EmbeddedEngineOptions = {}, env: NodeJS.ProcessEnv = process.env): EngineChoice {
  const worker = findMediasoupWorker(env);
  const reason = worker.bin
    ? `embedded (werift): a mediasoup worker exists (${worker.reason}) but the mediasoup engine is not built in`
    : `embedded (werift): no mediasoup worker — ${worker.reason}`;
  return { engine: new EmbeddedEngine(options), reason };
}
