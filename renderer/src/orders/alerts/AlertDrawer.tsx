import { Button, Drawer, Empty, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InboxItem, InboxReport } from '../../../../common/contract';
import { navigate } from '../../stores/route';
import { formatDateTime } from '../../time/dayjs';
import { ReportDueRow } from '../../incidents/alerts/ReportDueRow';
import { openOrder } from '../drawer/store';
import { InboxKindTag } from '../inbox/InboxKindTag';
import { useInbox } from '../inbox/useInbox';
import { setAlertDrawerOpen, useAlertDrawer } from './toast';
import type { OrderAlert } from './types';
import { useAckAlert, useAlerts } from './useAlerts';

const TAG_COLORS = { yellow: 'gold', red: 'red', critical: 'magenta' } as const;
/** 待办 rows in the drawer; the inbox workspace has them all. */
const MAX_TASKS = 30;

function open(orderId: number, code: string) {
  setAlertDrawerOpen(false);
  openOrder(orderId, code);
}

/** Incident reports to send; each goes once recorded. */
function ReportsSection({ reports }: { reports: readonly InboxReport[] }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={2} data-testid="alert-reports">
      <Typography.Text strong>{t('inbox.drawer.reports')}</Typography.Text>
      {reports.map((r) => (
        <ReportDueRow
          key={r.key}
          item={r}
          testId="incident-report-alert"
          onLeave={() => {
            setAlertDrawerOpen(false);
          }}
        />
      ))}
    </Flex>
  );
}

/** Deadline alerts, each opened or acknowledged from its row. */
function AlertsSection({ alerts }: { alerts: readonly OrderAlert[] }) {
  const { t } = useTranslation();
  const ack = useAckAlert();
  return (
    <Flex vertical gap={6} data-testid="alert-list">
      <Typography.Text strong>{t('inbox.drawer.alerts')}</Typography.Text>
      {alerts.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('alerts.none')} />}
      {alerts.map((a) => (
        <Flex
          key={a.id}
          align="center"
          gap={8}
          data-testid="order-alert"
          data-kind={a.kind}
          data-order-code={a.orderCode}
        >
          <Tag color={TAG_COLORS[a.kind]} style={{ marginInlineEnd: 0 }}>
            {t(`alerts.kind.${a.kind}`)}
          </Tag>
          <Typography.Text className="tabular" type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(a.at).slice(5, 16)}
          </Typography.Text>
          <Typography.Link
            ellipsis
            style={{ flex: 1, minWidth: 0 }}
            data-testid="alert-open"
            onClick={() => {
              open(a.orderId, a.orderCode);
            }}
          >
            {a.orderCode} {a.orderTitle}
          </Typography.Link>
          <Button
            size="small"
            data-testid="alert-ack"
            loading={ack.isPending && ack.variables.id === a.id}
            onClick={() => {
              ack.mutate({ id: a.id });
            }}
          >
            {t('alerts.ack')}
          </Button>
        </Flex>
      ))}
    </Flex>
  );
}

/** The first 待办 items, and the way to the inbox workspace for all of them. */
function TasksSection({ tasks }: { tasks: readonly InboxItem[] }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={6} data-testid="alert-tasks">
      <Flex justify="space-between" align="center">
        <Typography.Text strong>{t('inbox.drawer.tasks')}</Typography.Text>
        <Button
          size="small"
          type="link"
          data-testid="alert-tasks-all"
          onClick={() => {
            setAlertDrawerOpen(false);
            navigate('/inbox');
          }}
        >
          {t('inbox.drawer.viewAll')}
        </Button>
      </Flex>
      {tasks.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inbox.empty')} />}
      {tasks.slice(0, MAX_TASKS).map((i) => (
        <Flex key={i.key} align="center" gap={8} data-testid="alert-task" data-code={i.orderCode} data-kind={i.kind}>
          <InboxKindTag item={i} />
          <Typography.Link
            ellipsis
            style={{ flex: 1, minWidth: 0 }}
            onClick={() => {
              open(i.orderId, i.orderCode);
            }}
          >
            {i.orderCode} {i.orderTitle}
          </Typography.Link>
        </Flex>
      ))}
    </Flex>
  );
}

/**
 * The drawer the alerts stack in: incident reports to send (they go once recorded),
 * deadline alerts to acknowledge, then the 待办.
 */
export function AlertDrawer() {
  const { t } = useTranslation();
  const isOpen = useAlertDrawer((s) => s.open);
  const { alerts } = useAlerts();
  const inbox = useInbox();
  const reports = inbox.data?.reports ?? [];
  return (
    <Drawer
      open={isOpen}
      title={t('inbox.drawer.title')}
      size={420}
      onClose={() => {
        setAlertDrawerOpen(false);
      }}
      data-testid="alert-drawer"
    >
      <Flex vertical gap={16}>
        {reports.length > 0 && <ReportsSection reports={reports} />}
        <AlertsSection alerts={alerts} />
        {inbox.data && <TasksSection tasks={inbox.data.items} />}
      </Flex>
    </Drawer>
  );
}
