import { App } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { WallPushed } from '../../../../common/contract';
import { useApi } from '../../api';
import { bigScreenOf, routeOf, withBigScreen } from '../../bigscreen/route';
import { redirect, useRouteStore } from '../../stores/route';
import { place, placeAnywhere, useWallStore } from '../store';
import { startTour, stopTour, useTourStore } from '../tours/tourStore';
import { showView } from '../views/showView';

/**
 * Shows what a console pushed: a camera (in its tile, or the first free one), a view, a tour, or the
 * big screen — which stays until something else is pushed (the window's address carries it).
 */
function apply(target: WallPushed['target']): void {
  const path = useRouteStore.getState().path;
  if (target.kind === 'bigscreen') {
    redirect(withBigScreen(path, target.dwellSeconds));
    return;
  }
  if (bigScreenOf(path)) redirect(routeOf(path));
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
            : target.kind === 'tour'
              ? `${t('wall.push.tour')}“${target.tour.name}”`
              : t('bigscreen.open');
      void message.info(t('wall.window.pushedBy', { user: pushed.by.userName, what }));
    });
  }, [api, windowId, message, t]);
}
