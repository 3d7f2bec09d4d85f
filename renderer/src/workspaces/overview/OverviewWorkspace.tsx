import { Alert, Col, Flex, Row, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { BigScreenButton } from '../../bigscreen/BigScreenButton';
import { WorkspaceTitle } from '../../components/WorkspaceTitle';
import { useErrorText } from '../../i18n/useDisplay';
import { formatDateTime } from '../../time/dayjs';
import { useNow } from '../../time/useNow';
import { ApprovalsCard, OpenCard, OverdueCard, StatesCard } from './OverviewOrders';
import { StationsCard, WorkstationsCard } from './OverviewPlaces';
import { CamerasCard, IncidentsCard, ShiftCard } from './OverviewRoom';
import { useOverview } from '../../stats/useOverview';

/**
 * 态势总览: the room at a glance for the duty chief, the coordinator and a station chief (their
 * station). Live: refetched on every change that matters, at most once per 2 s; every order count
 * opens the order list filtered to exactly those orders.
 */
export function OverviewWorkspace() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const now = useNow(1000);
  const overview = useOverview();
  const data = overview.data;
  const station = data?.stationId ? data.stations.find((s) => s.id === data.stationId)?.name : undefined;
  return (
    <div data-testid="overview" data-at={data?.at ?? ''}>
      <WorkspaceTitle
        extra={
          <Flex align="center" gap={12}>
            {data && (
              <Typography.Text type="secondary" data-testid="overview-updated">
                {t('overview.updated', { time: formatDateTime(data.at) })}
              </Typography.Text>
            )}
            <BigScreenButton />
          </Flex>
        }
      >
        {station ? t('overview.titleStation', { station }) : t('overview.title')}
      </WorkspaceTitle>
      {overview.error && <Alert type="error" showIcon title={errorText(overview.error)} style={{ marginBottom: 12 }} />}
      {!data ? (
        <Skeleton active />
      ) : (
        <Row gutter={[12, 12]}>
          <Col xs={24} xl={16}>
            <OpenCard data={data} />
          </Col>
          <Col xs={24} xl={8}>
            <ApprovalsCard data={data} />
          </Col>
          <Col xs={24}>
            <StatesCard data={data} />
          </Col>
          <Col xs={24} xl={12}>
            <OverdueCard data={data} now={now} />
          </Col>
          <Col xs={24} xl={12}>
            <IncidentsCard data={data} now={now} />
          </Col>
          <Col xs={24} lg={12} xl={8}>
            <StationsCard data={data} />
            <div style={{ height: 12 }} />
            <CamerasCard data={data} />
          </Col>
          <Col xs={24} lg={12} xl={8}>
            <WorkstationsCard data={data} />
          </Col>
          <Col xs={24} xl={8}>
            <ShiftCard data={data} />
          </Col>
        </Row>
      )}
    </div>
  );
}
