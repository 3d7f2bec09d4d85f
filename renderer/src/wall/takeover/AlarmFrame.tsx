import { RollbackOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiCallError, useApi } from '../../api';
import { useAnyErrorText } from '../forms/useAnyErrorText';
import type { WallLayer } from './layers';
import { AlarmMuteButton } from './AlarmMuteButton';
import { giveBack, useTakeoverStore } from './takeoverStore';

type AlarmLayer = Extract<WallLayer, { kind: 'alarm' }>;

/** The reason in one line: 特急工单 code「title」, or the incident activated / escalated. */
function useReasonText(): (layer: AlarmLayer) => string {
  const { t } = useTranslation();
  return ({ reason }) =>
    reason.kind === 'order'
      ? t('wall.alarm.order', { code: reason.orderCode, title: reason.orderTitle })
      : t(reason.what === 'level' ? 'wall.alarm.incidentLevel' : 'wall.alarm.incidentActivated', {
          title: reason.title,
          level: t(`wall.incident.level.${reason.level}`, { defaultValue: reason.level }),
          drill: reason.drill ? t('wall.incident.drillMark') : '',
        });
}

/**
 * The red frame over an alarm window while an alarm is on it: why, who, and
 * 确认/返回, which acknowledges on the hub and puts back what the window showed before. An alarm
 * the hub no longer knows (acknowledged elsewhere) still returns. `sound`: an alarm window's 静音
 * button (the window sounds, useAlarmSound); the console's own wall has none.
 */
export function AlarmFrame({ sound }: { sound?: { muted: boolean; onToggle: () => void } }) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = App.useApp();
  const errorText = useAnyErrorText();
  const reasonText = useReasonText();
  const stack = useTakeoverStore((s) => s.stack);
  const alarms = stack.filter((l): l is AlarmLayer => l.kind === 'alarm');
  const [busy, setBusy] = useState(false);
  const top = alarms[alarms.length - 1];
  if (!top) return null;
  const acknowledge = () => {
    setBusy(true);
    api.call('wall.alarm.ack', { alarmId: top.alarmId }).then(
      () => {
        setBusy(false);
        giveBack((l) => l.kind === 'alarm' && l.alarmId === top.alarmId);
      },
      (error: unknown) => {
        setBusy(false);
        if (isApiCallError(error) && error.body.code === 'E_NOT_FOUND') {
          giveBack((l) => l.kind === 'alarm' && l.alarmId === top.alarmId);
        } else {
          void message.error(t('wall.alarm.ackFailed', { message: errorText(error) }));
        }
      },
    );
  };
  return (
    <div className="wall-alarm-frame" data-testid="wall-alarm-frame" data-alarm-id={top.alarmId}>
      <div className="wall-alarm-bar" role="alert">
        <span className="wall-alarm-title">{t('wall.alarm.title')}</span>
        <span data-testid="wall-alarm-reason">{reasonText(top)}</span>
        {top.byName !== null && <span className="wall-alarm-by">{t('wall.alarm.by', { name: top.byName })}</span>}
        {alarms.length > 1 && <span>{t('wall.alarm.more', { n: alarms.length - 1 })}</span>}
        {sound && <AlarmMuteButton muted={sound.muted} onToggle={sound.onToggle} testId="wall-alarm-mute" />}
        <Button
          size="small"
          danger
          type="primary"
          icon={<RollbackOutlined />}
          loading={busy}
          data-testid="wall-alarm-ack"
          onClick={acknowledge}
        >
          {t('wall.alarm.ack')}
        </Button>
      </div>
    </div>
  );
}
