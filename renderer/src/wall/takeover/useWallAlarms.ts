import { App } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api';
import type { LayoutId } from '../layouts';
import { fittingLayout } from './layers';
import { takeOver } from './takeoverStore';

/**
 * An alarm window shows the alarms addressed to it (event wall.alarm, sent to its connection only):
 * the cameras in the preset view's layout, else the window's alarm layout, else a fitting one.
 */
export function useWallAlarms(windowId: string | null, alarmLayout: () => LayoutId | 'auto'): void {
  const api = useApi();
  const { t } = useTranslation();
  const { message } = App.useApp();
  useEffect(() => {
    if (windowId === null) return;
    return api.subscribe('wall.alarm', (alarm) => {
      if (alarm.windowId !== windowId) return;
      const configured = alarmLayout();
      const layoutId = alarm.layout ?? (configured === 'auto' ? fittingLayout(alarm.cameras.length) : configured);
      takeOver({
        kind: 'alarm',
        alarmId: alarm.alarmId,
        reason: alarm.reason,
        byName: alarm.by?.userName ?? null,
        shown: { layoutId, cells: alarm.cameras },
      });
      void message.warning(t('wall.alarm.arrived'));
    });
  }, [api, windowId, alarmLayout, message, t]);
}
