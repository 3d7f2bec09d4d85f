import { createRequire } from 'node:module';
import type { MediasoupModule } from './api';

/**
 * The `mediasoup` package where an administrator installed it, resolved at run time from `base` (the
 * app's folder): it is no dependency of the app, so the bundler never sees the name.
 */
export function loadMediasoup(base: string): MediasoupModule {
  // Not the bundle's `require`: esbuild leaves this call alone.
  const loaded = createRequire(base)('mediasoup') as Partial<MediasoupModule>;
  if (typeof loaded.createWorker !== 'function') throw new Error('the mediasoup package has no createWorker()');
  return loaded as MediasoupModule;
}
