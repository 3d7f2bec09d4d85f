import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { useApi } from '../../api';
import { createGateway } from './gateway';
import { createPlayerManager } from './player-manager';
import { createRtcSession, type RtcSession } from './rtc-session';
import type { Player, PlayerManager, TileHealth } from './types';

const PlayerManagerContext = createContext<PlayerManager | null>(null);
const RtcSessionContext = createContext<RtcSession | null>(null);

/** The window's WebRTC session (null where the browser has no WebRTC). */
export function useRtcSession(): RtcSession | null {
  return useContext(RtcSessionContext);
}

/** One player manager for the window (wrap the wall route once): made once, freed on unmount. */
export function PlayerManagerProvider({ children }: { children: ReactNode }) {
  // Creating a manager costs nothing until acquire(), so StrictMode's second call is harmless,
  // and destroy() leaves it usable for StrictMode's second mount.
  const api = useApi();
  // One WebRTC session per window; its transport is made as the wall opens (rtc-session.ts).
  const [rtc] = useState<RtcSession | null>(() =>
    typeof RTCPeerConnection === 'function' ? createRtcSession((method, input) => api.call(method, input)) : null,
  );
  const [manager] = useState(() =>
    createPlayerManager({
      ...(rtc
        ? { rtc: { session: rtc, fellBack: new Map<string, number>(), offered: new Map<string, boolean>() } }
        : {}),
      gateway: createGateway({
        open: (cameraId, stream, hevc) => api.call('media.open', { cameraId, stream, hevc }),
        release: (cameraId, stream) => api.call('media.release', { cameraId, stream }),
        onState: (listener) => api.subscribe('media.state', listener),
      }),
    }),
  );
  useEffect(() => () => manager.destroy(), [manager]);
  useEffect(() => rtc?.prepare(), [rtc]);
  return (
    <PlayerManagerContext.Provider value={manager}>
      <RtcSessionContext.Provider value={rtc}>{children}</RtcSessionContext.Provider>
    </PlayerManagerContext.Provider>
  );
}

/** The window's player manager (inside PlayerManagerProvider). */
export function usePlayerManager(): PlayerManager {
  const manager = useContext(PlayerManagerContext);
  if (!manager) throw new Error('usePlayerManager outside PlayerManagerProvider');
  return manager;
}

const noop = (): void => undefined;

/** A player's health, re-rendering on each change (null without a player). */
export function usePlayerHealth(player: Player | null): TileHealth | null {
  const subscribe = useCallback((onChange: () => void) => (player ? player.onHealth(onChange) : noop), [player]);
  // health() answers the same object until the health changes, as useSyncExternalStore requires.
  const snapshot = useCallback(() => (player ? player.health() : null), [player]);
  return useSyncExternalStore(subscribe, snapshot);
}
