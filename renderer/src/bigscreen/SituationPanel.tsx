import { useTranslation } from 'react-i18next';
import type { Overview } from '../../../common/contract';
import { elapsedText } from '../incidents/clockText';
import { useOrderNames } from '../orders/display/useOrderNames';

const LIGHTS = ['green', 'yellow', 'red'] as const;
/** The longest overdue orders listed; the total stays exact. */
const OVERDUE_ROWS = 6;

function Number_({ testId, value, light }: { testId: string; value: number; light?: string }) {
  return (
    <div className="bigscreen-number" data-testid={testId} data-count={value} data-light={light}>
      {value}
    </div>
  );
}

/** The room now: open orders, new today, overdue, cameras; lights and states; the longest overdue. */
export function SituationPanel({ data, now }: { data: Overview; now: number }) {
  const { t } = useTranslation();
  const names = useOrderNames();
  const online = data.cameras.reduce((n, g) => n + g.online, 0);
  const offline = data.cameras.reduce((n, g) => n + g.offline, 0);
  return (
    <div className="bigscreen-grid" style={{ gridTemplateColumns: 'repeat(4, 1fr)', gridTemplateRows: 'auto 1fr' }}>
      <div className="bigscreen-tile">
        <div className="bigscreen-label">{t('overview.open')}</div>
        <Number_ testId="bigscreen-open" value={data.orders.open} />
      </div>
      <div className="bigscreen-tile">
        <div className="bigscreen-label">{t('overview.newToday')}</div>
        <Number_ testId="bigscreen-new-today" value={data.orders.newToday} />
      </div>
      <div className="bigscreen-tile">
        <div className="bigscreen-label">{t('bigscreen.overdueTotal')}</div>
        <Number_ testId="bigscreen-overdue-total" value={data.overdue.total} light="red" />
      </div>
      <div className="bigscreen-tile">
        <div className="bigscreen-label">{t('bigscreen.camerasOnline')}</div>
        <Number_ testId="bigscreen-cameras-online" value={online} light="green" />
        <div className={offline > 0 ? 'bigscreen-sub bigscreen-up-bad' : 'bigscreen-sub'}>
          <span data-testid="bigscreen-cameras-offline" data-count={offline}>
            {t('bigscreen.camerasOffline', { count: offline })}
          </span>
        </div>
      </div>
      <div className="bigscreen-tile" style={{ gridColumn: 'span 2', justifyContent: 'flex-start' }}>
        <div className="bigscreen-label">{t('bigscreen.lights')}</div>
        <div style={{ display: 'flex', gap: '3vw' }}>
          {LIGHTS.map((l) => (
            <div key={l}>
              <div className="bigscreen-sub">{t(`orders.light.${l}`)}</div>
              <Number_ testId={`bigscreen-light-${l}`} value={data.orders.byLight[l]} light={l} />
            </div>
          ))}
          <div>
            <div className="bigscreen-sub">{t('overview.paused')}</div>
            <Number_ testId="bigscreen-light-paused" value={data.orders.byLight.paused} />
          </div>
        </div>
        <div className="bigscreen-label">{t('overview.byState')}</div>
        <div className="bigscreen-sub" style={{ display: 'flex', flexWrap: 'wrap', columnGap: '2vw' }}>
          {data.orders.byState.map((s) => (
            <span key={s.state} data-testid={`bigscreen-state-${s.state}`} data-count={s.count}>
              {names.state(s.state)} {s.count}
            </span>
          ))}
        </div>
      </div>
      <div className="bigscreen-tile" style={{ gridColumn: 'span 2', justifyContent: 'flex-start' }}>
        <div className="bigscreen-label">{t('bigscreen.oldestOverdue')}</div>
        <div className="bigscreen-list">
          {data.overdue.rows.length === 0 && <div className="bigscreen-sub">{t('bigscreen.overdueNone')}</div>}
          {data.overdue.rows.slice(0, OVERDUE_ROWS).map((r) => (
            <div key={r.id} className="bigscreen-list-row" data-testid="bigscreen-overdue-row" data-code={r.code}>
              <span>{r.code}</span>
              <span className="grow">{r.title}</span>
              <span className="bigscreen-up-bad">
                {t('overview.overdueBy', { time: elapsedText(now - r.deadlineAt, t('incidents.dayUnit')) })}
              </span>
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
