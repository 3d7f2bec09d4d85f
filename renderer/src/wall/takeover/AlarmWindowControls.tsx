import { AlertOutlined } from '@ant-design/icons';
import { App, Select, Switch, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api';
import { useAnyErrorText } from '../forms/useAnyErrorText';
import { LAYOUT_IDS, type LayoutId } from '../layouts';
import type { AlarmSettings } from './alarmSettings';

/**
 * On a wall window: 报警窗口 on/off (kept by the hub for this connection, audited) and the layout its
 * alarms use. `marked` is the hub's answer; `settings` what this window registers with.
 */
export function AlarmWindowControls({
  windowId,
  marked,
  settings,
  onChange,
}: {
  windowId: string | null;
  marked: boolean;
  settings: AlarmSettings;
  onChange: (next: AlarmSettings) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useAnyErrorText();
  const setAlarm = useApiMutation('wall.windows.setAlarm', {
    invalidates: ['wall.windows.list'],
    onSuccess: (w) => {
      onChange({ ...settings, alarm: w.alarm });
    },
    onError: (error) => void message.error(t('wall.alarm.setFailed', { message: errorText(error) })),
  });
  return (
    <>
      <Tooltip title={t('wall.alarm.windowHint')}>
        <span className="wall-window-alarm-toggle">
          <AlertOutlined />
          <span>{t('wall.alarm.window')}</span>
          <Switch
            size="small"
            checked={marked}
            disabled={windowId === null}
            loading={setAlarm.isPending}
            data-testid="wall-window-alarm"
            aria-label={t('wall.alarm.window')}
            onChange={(alarm) => {
              if (windowId !== null) setAlarm.mutate({ windowId, alarm });
            }}
          />
        </span>
      </Tooltip>
      {marked && (
        <Select<LayoutId | 'auto'>
          size="small"
          value={settings.layout}
          style={{ width: 96 }}
          aria-label={t('wall.alarm.layout')}
          data-testid="wall-window-alarm-layout"
          popupMatchSelectWidth={false}
          options={[
            { value: 'auto', label: `${t('wall.alarm.layout')}：${t('wall.alarm.layoutAuto')}` },
            ...LAYOUT_IDS.map((id) => ({ value: id, label: `${t('wall.alarm.layout')}：${id}` })),
          ]}
          onChange={(layout) => {
            onChange({ ...settings, layout });
          }}
        />
      )}
    </>
  );
}
