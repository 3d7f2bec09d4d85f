import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { methodKey, useApi } from '../../api';

// wall.lossAlarms.list: an administrator's change of a group's video-loss alarm is announced as cameras.changed.
const CAMERA_METHODS = ['cameras.list', 'cameras.tree', 'cameras.get', 'wall.lossAlarms.list'] as const;

/**
 * Keeps this window's camera data and wall lists in step with the hub: cameras going on- or offline
 * refresh the tree's dots, and views, tours and wall windows changed anywhere refetch their lists.
 */
export function useWallEvents(): void {
  const api = useApi();
  const queryClient = useQueryClient();
  useEffect(() => {
    const offCameras = api.subscribe('cameras.changed', () => {
      for (const method of CAMERA_METHODS) void queryClient.invalidateQueries({ queryKey: methodKey(method) });
    });
    const offWall = api.subscribe('wall.changed', ({ what }) => {
      const method = what === 'views' ? 'wall.views.list' : what === 'tours' ? 'wall.tours.list' : 'wall.windows.list';
      void queryClient.invalidateQueries({ queryKey: methodKey(method) });
    });
    return () => {
      offCameras();
      offWall();
    };
  }, [api, queryClient]);
}
