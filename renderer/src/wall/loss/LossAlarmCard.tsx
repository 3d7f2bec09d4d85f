import { CheckOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiCallError, useApi } from '../../api';
import { useUser } from '../../stores/session';
import { formatDateTime } from '../../time/dayjs';
import { useAnyErrorText } from '../forms/useAnyErrorText';
import { openAlarms, type LossAlarm } from './lossRules';
import { ackedLoss, dropLoss, useLossStore } from './lossStore';

/** Acknowledged alarms shown under the open ones, for the record of who and when. */
const RECENT_ACKED = 3;

/**
 * 确认 is the hub's (wall.lossAlarms.ack, audited): the answer clears the alarm here, and the hub's
 * wall.lossAcked clears it on every other console and wall window showing it. A camera deleted from
 * the registry meanwhile cannot be acknowledged there (E_NOT_FOUND): it is cleared here only, so its
 * alarm does not ring on for a camera that no longer exists.
 */
function useAck(): { ack: (alarms: readonly LossAlarm[]) => Promise<void>; pending: boolean } {
  const { t } = useTranslation();
  const api = useApi();
  const user = useUser();
  const { message } = App.useApp();
  const errorText = useAnyErrorText();
  const [pending, setPending] = useState(false);
  const ack = useCallback(
    async (alarms: readonly LossAlarm[]) => {
      setPending(true);
      try {
        for (const a of alarms) {
          try {
            ackedLoss(await api.call('wall.lossAlarms.ack', { cameraId: a.cameraId, stream: a.stream }));
          } catch (error) {
            if (isApiCallError(error) && error.code === 'E_NOT_FOUND') {
              dropLoss(a.cameraId, user.displayName);
            } else {
              void message.error(t('wallLoss.ackFailed', { message: errorText(error) }));
              return;
            }
          }
        }
      } finally {
        setPending(false);
      }
    },
    [api, user.displayName, message, errorText, t],
  );
  return { ack, pending };
}

function AlarmLine({ alarm, onAck, pending }: { alarm: LossAlarm; onAck: () => void; pending: boolean }) {
  const { t } = useTranslation();
  return (
    <li
      className="wall-loss-item"
      data-testid="wall-loss-alarm"
      data-camera-id={alarm.cameraId}
      data-recovered={alarm.recoveredAt !== null}
    >
      <div className="wall-loss-what">
        <strong data-testid="wall-loss-camera">{alarm.name}</strong>
        <span data-testid="wall-loss-group">{alarm.groupName ?? t('wallLoss.noGroup')}</span>
      </div>
      <div className="wall-loss-when">
        {t('wallLoss.since', { time: formatDateTime(alarm.offlineSince) })}
        {alarm.recoveredAt !== null && (
          <span className="wall-loss-recovered" data-testid="wall-loss-recovered">
            {t('wallLoss.recovered', { time: formatDateTime(alarm.recoveredAt) })}
          </span>
        )}
      </div>
      <Button size="small" icon={<CheckOutlined />} data-testid="wall-loss-ack" loading={pending} onClick={onAck}>
        {t('wallLoss.ack')}
      </Button>
    </li>
  );
}

/**
 * The video-loss alarm card over the wall: every camera on this console's wall
 * that went dark and nobody has acknowledged yet — which camera, its group, since when, recovered
 * or not — and the last few acknowledgements with who and when (from any console). Inside the
 * wall's box, so it shows in the wall's full screen too; the console and each wall window show it.
 */
export function LossAlarmCard() {
  const { t } = useTranslation();
  const { ack, pending } = useAck();
  const state = useLossStore((s) => s.state);
  const open = openAlarms(state);
  if (open.length === 0) return null;
  const acked = state.alarms.filter((a) => a.ack !== null).slice(0, RECENT_ACKED);
  return (
    <section className="wall-loss-card" role="alert" data-testid="wall-loss-card" data-count={open.length}>
      <header className="wall-loss-head">
        <VideoCameraOutlined />
        <span className="wall-loss-title">{t('wallLoss.title', { n: open.length })}</span>
        {open.length > 1 && (
          <Button
            size="small"
            type="primary"
            danger
            data-testid="wall-loss-ack-all"
            loading={pending}
            onClick={() => {
              void ack(open);
            }}
          >
            {t('wallLoss.ackAll')}
          </Button>
        )}
      </header>
      <ul className="wall-loss-list">
        {open.map((a) => (
          <AlarmLine
            key={`${a.cameraId}:${a.raisedAt}`}
            alarm={a}
            pending={pending}
            onAck={() => {
              void ack([a]);
            }}
          />
        ))}
      </ul>
      {acked.length > 0 && (
        <ul className="wall-loss-acked" data-testid="wall-loss-acked">
          {acked.map((a) => (
            <li key={`${a.cameraId}:${a.raisedAt}`}>
              {t('wallLoss.acked', { camera: a.name, by: a.ack?.by ?? '', time: formatDateTime(a.ack?.at ?? 0) })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
