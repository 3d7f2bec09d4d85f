import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WallPushTarget } from '../../../../common/contract';
import { useApiMutation, useApiQuery } from '../../api';

export type PushKind = WallPushTarget['kind'];

/** The push dialog's fields. */
export interface PushFields {
  windowId?: string;
  kind: PushKind;
  cameraId?: string;
  viewId?: number;
  tourId?: number;
  /** The big screen's panels: seconds each. */
  dwellSeconds?: number;
  /** -1: the window decides (first free tile, or its selected tile for a tour). */
  slot: number;
}

/**
 * The push dialog's data: the wall windows (asked again each time it opens) and the push itself,
 * which names the window it reached and closes the dialog.
 */
export function usePushToWindow(open: boolean, onClose: () => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const windows = useApiQuery('wall.windows.list', {}, { enabled: open, refetchOnMount: 'always' });
  const push = useApiMutation('wall.push', {
    onSuccess: (pushed) => {
      const name = windows.data?.rows.find((w) => w.windowId === pushed.windowId)?.name ?? pushed.windowId;
      void message.success(t('wall.push.done', { name }));
      onClose();
    },
  });

  const submit = (f: PushFields) => {
    if (!f.windowId) return;
    const slot = f.slot >= 0 ? { slot: f.slot } : {};
    let target: WallPushTarget | null = null;
    if (f.kind === 'camera' && f.cameraId) target = { kind: 'camera', cameraId: f.cameraId, ...slot };
    if (f.kind === 'view' && f.viewId !== undefined) target = { kind: 'view', viewId: f.viewId };
    if (f.kind === 'tour' && f.tourId !== undefined) target = { kind: 'tour', tourId: f.tourId, ...slot };
    if (f.kind === 'bigscreen') {
      target = { kind: 'bigscreen', ...(f.dwellSeconds === undefined ? {} : { dwellSeconds: f.dwellSeconds }) };
    }
    if (target) push.mutate({ windowId: f.windowId, target });
  };

  return { windows, push, submit };
}
