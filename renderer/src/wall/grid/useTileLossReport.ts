import { useEffect, useMemo } from 'react';
import type { Camera } from '../../../../common/contract';
import { forgetTile, reportTileHealth } from '../loss/lossStore';
import type { StreamKind, TileState } from '../player/types';

/** The video-loss alarm watches what this tile's health machine says; the tile leaving is forgotten. */
export function useTileLossReport(
  cameraId: string,
  camera: Camera | undefined,
  stream: StreamKind,
  state: TileState,
): void {
  const name = camera?.name ?? cameraId;
  const groupId = camera?.gridId ?? null;
  const groupName = camera?.gridName ?? null;
  const lossCamera = useMemo(
    () => ({ cameraId, name, groupId, groupName, stream }),
    [cameraId, name, groupId, groupName, stream],
  );
  useEffect(() => {
    reportTileHealth(lossCamera, state);
  }, [lossCamera, state]);
  useEffect(
    () => () => {
      forgetTile(cameraId);
    },
    [cameraId],
  );
}
