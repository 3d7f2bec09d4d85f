import { Card, Empty, Flex, List, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Overview } from '../../../../common/contract';
import { elapsedText } from '../../incidents/clockText';
import { useOrderNames } from '../../orders/display/useOrderNames';
import { openOrder } from '../../orders/drawer/store';
import { CountLink } from './CountLink';

const LIGHTS = ['green', 'yellow', 'red'] as const;
const REQUESTS = ['extension', 'park', 'return'] as const;
/** A count in a Statistic: the Statistic's own value size. */
const BIG = { fontSize: 24 };

/** Open orders, new today and the traffic lights. */
export function OpenCard({ data }: { data: Overview }) {
  const { t } = useTranslation();
  const open = data.orders.byState.map((s) => s.state);
  return (
    <Card size="small" title={t('overview.open')} data-testid="overview-open">
      <Flex gap={32} wrap align="end">
        <Statistic
          title={t('overview.open')}
          valueRender={() => (
            <CountLink count={data.orders.open} filter={{ states: open }} testId="overview-open-total" style={BIG} />
          )}
        />
        <Statistic
          title={t('overview.newToday')}
          valueRender={() => (
            <CountLink
              count={data.orders.newToday}
              filter={{ createdFrom: data.todayFrom }}
              testId="overview-new-today"
              style={BIG}
            />
          )}
        />
        {LIGHTS.map((l) => (
          <Statistic
            key={l}
            title={
              <span>
                <span className="order-light" data-light={l} style={{ marginInlineEnd: 6 }} />
                {t(`orders.light.${l}`)}
              </span>
            }
            valueRender={() => (
              <CountLink
                count={data.orders.byLight[l]}
                filter={{ light: l }}
                testId={`overview-light-${l}`}
                style={BIG}
              />
            )}
          />
        ))}
        <Statistic
          title={t('overview.paused')}
          valueRender={() => (
            <CountLink
              count={data.orders.byLight.paused}
              filter={{ states: ['parked'] }}
              testId="overview-paused"
              style={BIG}
            />
          )}
        />
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('overview.drillsExcluded')}
      </Typography.Text>
    </Card>
  );
}

/** Open orders per state, in lifecycle order. */
export function StatesCard({ data }: { data: Overview }) {
  const { t } = useTranslation();
  const names = useOrderNames();
  return (
    <Card size="small" title={t('overview.byState')} data-testid="overview-states">
      <Flex wrap gap={12}>
        {data.orders.byState.map((s) => (
          <Flex key={s.state} vertical align="center" style={{ minWidth: 64 }}>
            <Typography.Text type="secondary">{names.state(s.state)}</Typography.Text>
            <CountLink
              count={s.count}
              filter={{ states: [s.state] }}
              testId={`overview-state-${s.state}`}
              style={{ fontSize: 20 }}
            />
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}

/** Requests waiting for a duty chief: 延时, 挂账, 退单. */
export function ApprovalsCard({ data }: { data: Overview }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('overview.approvals')} data-testid="overview-approvals">
      <Flex wrap gap={24}>
        <Statistic
          title={t('overview.approvalsTotal')}
          valueRender={() => (
            <CountLink
              count={data.approvals.total}
              filter={{ approval: 'any' }}
              testId="overview-approval-any"
              style={BIG}
            />
          )}
        />
        {REQUESTS.map((r) => (
          <Statistic
            key={r}
            title={t(`inbox.request.${r}`)}
            valueRender={() => (
              <CountLink
                count={data.approvals[r]}
                filter={{ approval: r }}
                testId={`overview-approval-${r}`}
                style={BIG}
              />
            )}
          />
        ))}
      </Flex>
    </Card>
  );
}

/** The most overdue open orders; a row opens the order, the total the whole list. */
export function OverdueCard({ data, now }: { data: Overview; now: number }) {
  const { t } = useTranslation();
  const names = useOrderNames();
  const { total, rows } = data.overdue;
  return (
    <Card
      size="small"
      title={t('overview.overdue')}
      extra={<CountLink count={total} filter={{ light: 'red' }} testId="overview-overdue-total" />}
      data-testid="overview-overdue"
    >
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('overview.overdueNone')} />
      ) : (
        <List
          size="small"
          dataSource={rows}
          renderItem={(r) => (
            <List.Item
              key={r.id}
              data-testid="overview-overdue-row"
              data-id={r.id}
              style={{ cursor: 'pointer' }}
              onClick={() => {
                openOrder(r.id, r.code);
              }}
            >
              <Flex gap={8} style={{ width: '100%', minWidth: 0 }}>
                <span className="order-light" data-light="red" />
                <Typography.Text className="tabular">{r.code}</Typography.Text>
                <Typography.Text ellipsis style={{ flex: 1 }}>
                  {r.title}
                </Typography.Text>
                <Typography.Text type="secondary">{names.state(r.state)}</Typography.Text>
                <Typography.Text type="danger" className="tabular">
                  {t('overview.overdueBy', { time: elapsedText(now - r.deadlineAt, t('incidents.dayUnit')) })}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
      {total > rows.length && (
        <Typography.Text type="secondary">{t('overview.overdueMore', { count: total - rows.length })}</Typography.Text>
      )}
    </Card>
  );
}
