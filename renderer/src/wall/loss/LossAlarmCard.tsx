import { CheckOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUser } from '../../stores/session';
import { formatDateTime } from '../../time/dayjs';
import { openAlarms, type LossAlarm } from './lossRules';
import { ackAllLoss, ackLoss, useLossStore } from './lossStore';

/** Acknowledged alarms shown under the open ones, for the record of who and when. */
const RECENT_ACKED = 3;

function AlarmLine({ alarm, onAck }: { alarm: LossAlarm; onAck: () => void }) {
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
      <Button size="small" icon={<CheckOutlined />} data-testid="wall-loss-ack" onClick={onAck}>
        {t('wallLoss.ack')}
      </Button>
    </li>
  );
}

/**
 * The video-loss alarm card over the wall (issue 12 item 6): every camera on this console's wall
 * that went dark and nobody has acknowledged yet — which camera, its group, since when, recovered
 * or not — and the last few acknowledgements with who and when. Inside the wall's box, so it shows
 * in the wall's full screen too.
 */
export function LossAlarmCard() {
  const { t } = useTranslation();
  const user = useUser();
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
            onClick={() => {
              ackAllLoss(user.displayName);
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
            onAck={() => {
              ackLoss(a.cameraId, user.displayName);
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
