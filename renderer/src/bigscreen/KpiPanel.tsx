import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../common/contract';
import { formatChange, formatKpi, kpiViews, type KpiView } from '../../../common/domain/kpi/kpi-format';

/** The indicators read from a distance: the counts and the rates the center is judged by. */
const SHOWN = [
  'accepted',
  'filed',
  'closeRate',
  'onTimeCloseRate',
  'onTimeHandleRate',
  'returnRate',
  'reworkRate',
  'satisfactionRate',
] as const;

function KpiTile({ view }: { view: KpiView }) {
  const { t } = useTranslation();
  const change = formatChange(view.kind, view.value, view.previous);
  const changeText = view.kind === 'ratio' && change !== '—' ? t('dashboard.kpi.points', { value: change }) : change;
  return (
    <div
      className="bigscreen-tile"
      data-testid={`bigscreen-kpi-${view.key}`}
      data-value={view.value ?? ''}
      data-previous={view.previous ?? ''}
    >
      <div className="bigscreen-label">{t(`dashboard.kpi.${view.key as (typeof SHOWN)[number]}`)}</div>
      <div className="bigscreen-number" data-testid="bigscreen-kpi-value">
        {formatKpi(view.kind, view.value)}
      </div>
      <div className="bigscreen-sub">
        {t('bigscreen.vsYesterday', { change: changeText })} ·{' '}
        {t('bigscreen.yesterday', { value: formatKpi(view.kind, view.previous) })}
      </div>
    </div>
  );
}

/** Today's KPI cards (the dashboard's definitions and formats) against yesterday. */
export function KpiPanel({ dashboard }: { dashboard: Dashboard }) {
  const views = kpiViews(dashboard.kpis, dashboard.previousKpis).filter((v) =>
    (SHOWN as readonly string[]).includes(v.key),
  );
  return (
    <div className="bigscreen-grid" style={{ gridTemplateColumns: 'repeat(4, 1fr)', gridAutoRows: '1fr' }}>
      {views.map((v) => (
        <KpiTile key={v.key} view={v} />
      ))}
    </div>
  );
}
