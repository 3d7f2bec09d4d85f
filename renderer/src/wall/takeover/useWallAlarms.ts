import { App } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { WallAlarm } from '../../../../common/contract';
import { useApi } from '../../api';
import type { LayoutId } from '../layouts';
import { fittingLayout } from './layers';
import { hasAlarm, takeOver } from './takeoverStore';

/**
 * An alarm window shows the alarms addressed to it (event wall.alarm, sent to its connection only):
 * the cameras in the preset view's layout, else the window's alarm layout, else a fitting one. Once
 * it listens, it asks the hub for those still unacknowledged (wall.alarm.pending): after a reload
 * or a hub restart it is a new window to the hub, and what was on it comes back. One it shows
 * already (its takeover kept in sessionStorage) stays as it is.
 */
export function useWallAlarms(windowId: string | null, alarmLayout: () => LayoutId | 'auto', marked: boolean): void {
  const api = useApi();
  const { t } = useTranslation();
  const { message } = App.useApp();
  useEffect(() => {
    if (windowId === null) return;
    const show = (alarm: WallAlarm, announce: boolean) => {
      if (alarm.windowId !== windowId || hasAlarm(alarm.alarmId)) return;
      const configured = alarmLayout();
      const layoutId = alarm.layout ?? (configured === 'auto' ? fittingLayout(alarm.cameras.length) : configured);
      takeOver({
        kind: 'alarm',
        alarmId: alarm.alarmId,
        reason: alarm.reason,
        byName: alarm.by?.userName ?? null,
        shown: { layoutId, cells: alarm.cameras },
      });
      if (announce) void message.warning(t('wall.alarm.arrived'));
    };
    let active = true;
    const off = api.subscribe('wall.alarm', (alarm) => {
      show(alarm, true);
    });
    if (marked) {
      api.call('wall.alarm.pending', {}).then(
        ({ rows }) => {
          if (active) for (const alarm of rows) show(alarm, false);
        },
        // Not fatal: new alarms still arrive; the kept ones show again at the next registration.
        () => undefined,
      );
    }
    return () => {
      active = false;
      off();
    };
  }, [api, windowId, alarmLayout, marked, message, t]);
}
