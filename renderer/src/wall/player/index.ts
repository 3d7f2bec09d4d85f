/** The wall's player layer: see types.ts for the contract. */
export * from './types';
export { createPlayerManager, type PlayerFactory, type PlayerManagerOptions } from './player-manager';
export { HlsPlayer, type DisposablePlayer } from './hls-player';
export { PlayerError, sameSource } from './switch-waiters';
export { mountPlayerVideo } from './mount';
export { STALL_AFTER_MS, CONNECT_TIMEOUT_MS, type Reason } from './health-machine';
export { WALL_HLS_CONFIG } from './hls-config';
export { PlayerManagerProvider, usePlayerManager, usePlayerHealth, useRtcSession } from './PlayerManagerContext';
