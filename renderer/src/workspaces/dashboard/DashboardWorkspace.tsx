import { Alert, Col, Empty, Flex, Row, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
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
import { useDashboard, useDashboardFields } from './useDashboard';

/** 统计分析: the filter bar, the KPI cards with their change, and the charts, each with its table view. */
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
      {query.error && <Alert type="error" showIcon title={errorText(query.error)} style={{ marginBottom: 12 }} />}
      {!d && query.isLoading && <Spin />}
      {d && (
        <div data-testid="dashboard" data-from={d.period.from} data-to={d.period.to}>
          <KpiCards dashboard={d} />
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('dashboard.note')}
          </Typography.Paragraph>
          {d.perDay.every((r) => r.count === 0) && <Empty description={t('dashboard.chart.empty')} />}
          <Row gutter={[12, 12]}>
            <Col xs={24} xl={12}>
              <PerDayChart rows={d.perDay} />
            </Col>
            <Col xs={24} xl={12}>
              <PerHourChart rows={d.perHour} />
            </Col>
            <Col xs={24} xl={12}>
              <DomainChart rows={d.byDomain} filter={filter} />
            </Col>
            <Col xs={24} xl={12}>
              <StatusChart rows={d.byState} />
            </Col>
            <Col xs={24}>
              <WorkstationChart rows={d.byWorkstation} filter={filter} />
            </Col>
            <Col xs={24} xl={12}>
              <CategoryChart rows={d.byCategory} filter={filter} />
            </Col>
            <Col xs={24} xl={12}>
              <LightsChart rows={d.lights} />
            </Col>
            <Col xs={24}>
              <ChiefScoreCard table={d.chiefScore} />
            </Col>
          </Row>
        </div>
      )}
    </>
  );
}
