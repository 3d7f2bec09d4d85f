/** The wall's player layer: see types.ts for the contract. */
export * from './types';
export { createPlayerManager, type PlayerFactory, type PlayerManagerOptions } from './player-manager';
export { HlsPlayer, PlayerError, sameSource, type DisposablePlayer } from './hls-player';
export { mountPlayerVideo } from './mount';
export { STALL_AFTER_MS, CONNECT_TIMEOUT_MS, type Reason } from './health-machine';
export { WALL_HLS_CONFIG } from './hls-config';
export { PlayerManagerProvider, usePlayerManager, usePlayerHealth, useRtcSession } from './PlayerManagerContext';
