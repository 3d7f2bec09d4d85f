import { useEffect, useRef } from 'react';
import { useApi, type Api } from '../../api';
import type { StreamKind } from '../player/types';

export interface Shown {
  cameraId: string;
  stream: StreamKind;
}

const keyOf = (s: Shown) => `${s.stream}:${s.cameraId}`;

function end(api: Api, viewId: Promise<number | null>): void {
  void viewId.then((id) => {
    if (id !== null) api.call('cameras.viewEnd', { viewId: id }).catch(() => undefined);
  });
}

/**
 * The hub's record of who watched what: a viewing record opens when a tile starts
 * showing a camera on a stream and closes when it stops (camera removed, stream switched, wall or
 * window closed). A record that could not be opened (link down) is simply not closed.
 */
export function useViewRecords(shown: readonly Shown[]): void {
  const api = useApi();
  const open = useRef(new Map<string, Promise<number | null>>());
  const wanted = JSON.stringify(shown.map(keyOf).sort());

  useEffect(() => {
    const records = open.current;
    const next = new Set(JSON.parse(wanted) as string[]);
    for (const [key, viewId] of records) {
      if (next.has(key)) continue;
      end(api, viewId);
      records.delete(key);
    }
    for (const key of next) {
      if (records.has(key)) continue;
      const [stream, ...rest] = key.split(':');
      const cameraId = rest.join(':');
      records.set(
        key,
        api.call('cameras.viewStart', { cameraId, stream: stream === 'main' ? 'main' : 'sub' }).then(
          (view) => view.viewId,
          () => null,
        ),
      );
    }
  }, [api, wanted]);

  useEffect(() => {
    const records = open.current;
    const closeAll = () => {
      for (const viewId of records.values()) end(api, viewId);
      records.clear();
    };
    window.addEventListener('pagehide', closeAll);
    return () => {
      window.removeEventListener('pagehide', closeAll);
      closeAll();
    };
  }, [api]);
}
