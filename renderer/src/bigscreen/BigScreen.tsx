import { useTranslation } from 'react-i18next';
import { inShanghai } from '../time/dayjs';
import { useNow } from '../time/useNow';
import { TrendsPanel, DomainsPanel } from './ChartPanels';
import { IncidentPanel } from './IncidentPanel';
import { KpiPanel } from './KpiPanel';
import type { BigScreenPanel } from './rotation';
import { SituationPanel } from './SituationPanel';
import { useBigScreenData } from './useBigScreenData';
import { useRotation } from './useRotation';
import './bigscreen.css';

type Data = ReturnType<typeof useBigScreenData>;

/** The current panel's content, or nothing while its data is still on its way. */
function PanelBody({ panel, data, now }: { panel: BigScreenPanel; data: Data; now: number }) {
  const { overview, dashboard, trend } = data;
  if (panel === 'incident') return overview ? <IncidentPanel incidents={overview.incidents} now={now} /> : null;
  if (panel === 'situation') return overview ? <SituationPanel data={overview} now={now} /> : null;
  if (panel === 'kpis') return dashboard ? <KpiPanel dashboard={dashboard} /> : null;
  if (!dashboard || !trend) return null;
  return panel === 'trends' ? (
    <TrendsPanel today={dashboard} week={trend} />
  ) : (
    <DomainsPanel today={dashboard} week={trend} />
  );
}

/**
 * 大屏: the room's situation, today's indicators and the order trends for a wall display, read-only —
 * no control to click; the panels follow each other every `dwellSeconds` (the incident's first
 * while one is active). A clock, the data's time and a stale mark when the hub is out of reach.
 */
export function BigScreen({ dwellSeconds }: { dwellSeconds: number }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  const data = useBigScreenData(now);
  const { overview } = data;
  const incidentActive = (overview?.incidents.length ?? 0) > 0;
  const { panels, panel } = useRotation(incidentActive, now, dwellSeconds * 1000);
  const station = overview?.stationId ? overview.stations.find((s) => s.id === overview.stationId)?.name : undefined;
  const clock = inShanghai(now);
  return (
    <div
      className="bigscreen"
      data-testid="bigscreen"
      data-panel={panel}
      data-panels={panels.join(',')}
      data-dwell={dwellSeconds}
      data-from={data.today.from}
      data-to={data.today.to}
      data-at={overview?.at ?? ''}
      data-stale={data.stale}
    >
      <header className="bigscreen-header">
        <div className="bigscreen-title" data-testid="bigscreen-title">
          {station ? t('bigscreen.titleStation', { station }) : t('bigscreen.title')}
        </div>
        <div className="bigscreen-meta">
          {data.stale && (
            <span className="bigscreen-stale" data-testid="bigscreen-stale">
              {t('bigscreen.stale')} ·{' '}
            </span>
          )}
          <span data-testid="bigscreen-asof">
            {overview
              ? t('bigscreen.asOf', { time: inShanghai(overview.at).format('HH:mm:ss') })
              : t('bigscreen.loading')}
          </span>
        </div>
        <div className="bigscreen-clock" data-testid="bigscreen-clock">
          <span className="bigscreen-meta">{clock.format('YYYY-MM-DD')} </span>
          {clock.format('HH:mm:ss')}
        </div>
      </header>
      <section className="bigscreen-panel" data-testid={`bigscreen-panel-${panel}`}>
        <div className="bigscreen-panel-title">{t(`bigscreen.panel.${panel}`)}</div>
        <PanelBody panel={panel} data={data} now={now} />
      </section>
      <footer className="bigscreen-footer">
        <div className="bigscreen-dots" aria-hidden>
          {panels.map((p) => (
            <span key={p} className="bigscreen-dot" data-current={p === panel} />
          ))}
        </div>
        <div className="bigscreen-meta">{t('bigscreen.every', { seconds: dwellSeconds })}</div>
      </footer>
    </div>
  );
}
