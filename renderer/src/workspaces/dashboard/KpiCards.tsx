import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../../common/contract';
import { formatChange, formatKpi, kpiViews, type KpiView } from '../../../../common/domain/kpi/kpi-format';

function KpiCard({ view }: { view: KpiView }) {
  const { t } = useTranslation();
  const value = formatKpi(view.kind, view.value);
  const change = formatChange(view.kind, view.value, view.previous);
  // Hours carry their unit; a ratio's change is in percentage points.
  const unit = (text: string) =>
    view.kind === 'hours' && text !== '—' ? t('dashboard.kpi.hours', { value: text }) : text;
  const changeText =
    view.kind === 'ratio' && change !== '—' ? t('dashboard.kpi.points', { value: change }) : unit(change);
  return (
    <Card
      size="small"
      data-testid={`dashboard-kpi-${view.key}`}
      data-value={view.value ?? ''}
      data-previous={view.previous ?? ''}
      data-numerator={view.numerator ?? ''}
      data-denominator={view.denominator ?? ''}
    >
      <Statistic
        title={t(`dashboard.kpi.${view.key as 'accepted'}`)}
        value={unit(value)}
        valueRender={() => <span data-testid="dashboard-kpi-value">{unit(value)}</span>}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {view.denominator !== undefined && (
          <span data-testid="dashboard-kpi-ratio">
            {t('dashboard.kpi.ratioOf', { numerator: view.numerator, denominator: view.denominator })} ·{' '}
          </span>
        )}
        <span data-testid="dashboard-kpi-change">{t('dashboard.kpi.change', { change: changeText })}</span>
        {' · '}
        {t('dashboard.kpi.previous', { value: unit(formatKpi(view.kind, view.previous)) })}
      </Typography.Text>
    </Card>
  );
}

/** The KPI cards of the period, each with its change against the period before; 在办超期 as it stands now. */
export function KpiCards({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  const { red, yellow } = dashboard.overdueNow;
  return (
    <Row gutter={[8, 8]} style={{ marginBottom: 12 }} data-testid="dashboard-kpis">
      {kpiViews(dashboard.kpis, dashboard.previousKpis).map((view) => (
        <Col key={view.key} xs={12} md={8} xl={6} xxl={4}>
          <KpiCard view={view} />
        </Col>
      ))}
      <Col xs={12} md={8} xl={6} xxl={4}>
        <Card size="small" data-testid="dashboard-kpi-overdue" data-red={red} data-yellow={yellow}>
          <Statistic title={t('dashboard.kpi.overdue')} value={t('dashboard.kpi.overdueValue', { red, yellow })} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('dashboard.kpi.now')}
          </Typography.Text>
        </Card>
      </Col>
    </Row>
  );
}
