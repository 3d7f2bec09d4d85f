import { Alert, Col, Empty, Flex, Row, Spin, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dashboard, DashboardFilter } from '../../../../common/contract';
import { BigScreenButton } from '../../bigscreen/BigScreenButton';
import { WorkspaceTitle } from '../../components/WorkspaceTitle';
import { useBilingual, useErrorText } from '../../i18n/useDisplay';
import { formatDateTime } from '../../time/dayjs';
import { CategoryChart, DomainChart, WorkstationChart } from './charts/BreakdownCharts';
import { LightsChart, StatusChart } from './charts/StateCharts';
import { PerDayChart, PerHourChart } from './charts/TimeCharts';
import { ChiefScoreCard } from './ChiefScoreCard';
import { DashboardFilterBar } from './DashboardFilterBar';
import { KpiCards } from './KpiCards';
import { ReportsPanel } from './reports/ReportsPanel';
import { useDashboard, useDashboardFields } from './useDashboard';

/**
 * 统计分析: two tabs — the filter bar, the KPI cards with their change and the charts (each with its
 * table view); and 报表, the daily and weekly reports made from the same numbers.
 */
export function DashboardWorkspace() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const pick = useBilingual();
  const [fields, setFields] = useDashboardFields();
  const { query, filter, problem } = useDashboard(fields);
  const d = query.data;
  return (
    <>
      <WorkspaceTitle
        extra={
          <Flex align="center" gap={12}>
            {d && (
              <Typography.Text type="secondary" data-testid="dashboard-updated">
                {query.isFetching ? (
                  <Spin size="small" />
                ) : (
                  t('dashboard.updated', { time: formatDateTime(query.dataUpdatedAt) })
                )}
              </Typography.Text>
            )}
            <BigScreenButton />
          </Flex>
        }
      >
        {t('dashboard.title')}
      </WorkspaceTitle>
      <Tabs
        defaultActiveKey="charts"
        items={[
          {
            key: 'charts',
            label: <span data-testid="dashboard-tab-charts">{t('kpiReports.tabCharts')}</span>,
            children: (
              <>
                <DashboardFilterBar fields={fields} onChange={setFields} />
                {problem && (
                  <Alert
                    type="warning"
                    showIcon
                    title={pick(problem)}
                    style={{ marginBottom: 12 }}
                    data-testid="dashboard-range-problem"
                  />
                )}
                {query.error && (
                  <Alert type="error" showIcon title={errorText(query.error)} style={{ marginBottom: 12 }} />
                )}
                {!d && query.isLoading && <Spin />}
                {d && <DashboardBoard dashboard={d} filter={filter} />}
              </>
            ),
          },
          {
            key: 'reports',
            label: <span data-testid="dashboard-tab-reports">{t('kpiReports.tabReports')}</span>,
            children: <ReportsPanel />,
          },
        ]}
      />
    </>
  );
}

/** The KPI cards and the charts of one dashboard answer. */
function DashboardBoard({ dashboard, filter }: { dashboard: Dashboard; filter: DashboardFilter }) {
  const { t } = useTranslation();
  return (
    <div data-testid="dashboard" data-from={dashboard.period.from} data-to={dashboard.period.to}>
      <KpiCards dashboard={dashboard} />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('dashboard.note')}
      </Typography.Paragraph>
      {dashboard.perDay.every((r) => r.count === 0) && <Empty description={t('dashboard.chart.empty')} />}
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={12}>
          <PerDayChart rows={dashboard.perDay} />
        </Col>
        <Col xs={24} xl={12}>
          <PerHourChart rows={dashboard.perHour} />
        </Col>
        <Col xs={24} xl={12}>
          <DomainChart rows={dashboard.byDomain} filter={filter} />
        </Col>
        <Col xs={24} xl={12}>
          <StatusChart rows={dashboard.byState} />
        </Col>
        <Col xs={24}>
          <WorkstationChart rows={dashboard.byWorkstation} filter={filter} />
        </Col>
        <Col xs={24} xl={12}>
          <CategoryChart rows={dashboard.byCategory} filter={filter} />
        </Col>
        <Col xs={24} xl={12}>
          <LightsChart rows={dashboard.lights} />
        </Col>
        <Col xs={24}>
          <ChiefScoreCard table={dashboard.chiefScore} />
        </Col>
      </Row>
    </div>
  );
}
