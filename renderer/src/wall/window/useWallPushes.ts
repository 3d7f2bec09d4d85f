import { App } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { WallPushed } from '../../../../common/contract';
import { useApi } from '../../api';
import { place, placeAnywhere, useWallStore } from '../store';
import { startTour, stopTour, useTourStore } from '../tours/tourStore';
import { showView } from '../views/showView';

/** Shows what a console pushed: a camera (in its tile, or the first free one), a view, or a tour. */
function apply(target: WallPushed['target']): void {
  switch (target.kind) {
    case 'camera': {
      // A whole-wall tour would overwrite the pushed camera at its next step.
      if (useTourStore.getState().run?.tour.mode === 'wall') stopTour();
      const { cells } = useWallStore.getState();
      if (target.slot !== undefined && target.slot < cells.length) place(target.slot, target.cameraId);
      else placeAnywhere(target.cameraId);
      return;
    }
    case 'view':
      showView(target.view);
      return;
    case 'tour':
      startTour(target.tourId, target.tour, target.slot ?? useWallStore.getState().selected);
  }
}

/** A wall window applies the pushes addressed to it (the hub sends them to its connection only). */
export function useWallPushes(windowId: string | null): void {
  const api = useApi();
  const { t } = useTranslation();
  const { message } = App.useApp();
  useEffect(() => {
    if (windowId === null) return;
    return api.subscribe('wall.pushed', (pushed) => {
      if (pushed.windowId !== windowId) return;
      apply(pushed.target);
      const { target } = pushed;
      const what =
        target.kind === 'camera'
          ? `${t('wall.push.camera')} ${target.cameraId}`
          : target.kind === 'view'
            ? `${t('wall.push.view')}“${target.view.name}”`
            : `${t('wall.push.tour')}“${target.tour.name}”`;
      void message.info(t('wall.window.pushedBy', { user: pushed.by.userName, what }));
    });
  }, [api, windowId, message, t]);
}
