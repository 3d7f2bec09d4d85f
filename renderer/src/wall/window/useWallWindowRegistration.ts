import { useEffect, useState } from 'react';
import type { WallWindow } from '../../../../common/contract';
import { useApi } from '../../api';

/**
 * Lists this window on the hub as a wall window consoles can push to. The hub keeps the listing per
 * connection, so it is made again after every reconnect (the new connection is a new window to it),
 * and withdrawn when the wall route closes.
 */
export function useWallWindowRegistration(
  name: string,
  alarmMark: () => boolean,
): { window: WallWindow | null; error: unknown } {
  const api = useApi();
  const [state, setState] = useState<{ window: WallWindow | null; error: unknown }>({ window: null, error: null });
  useEffect(() => {
    let active = true;
    const register = () => {
      // The mark the window keeps, so a reconnect (a new connection) is an alarm window again.
      api.call('wall.windows.register', { name, alarm: alarmMark() }).then(
        (window) => {
          if (active) setState({ window, error: null });
        },
        (error: unknown) => {
          if (active) setState({ window: null, error });
        },
      );
    };
    register();
    let previous = api.connectionState.get();
    const off = api.connectionState.subscribe((next) => {
      if (next === 'connected' && previous !== 'connected') register();
      previous = next;
    });
    return () => {
      active = false;
      off();
      api.call('wall.windows.unregister', {}).catch(() => undefined);
    };
  }, [api, name, alarmMark]);
  return state;
}
