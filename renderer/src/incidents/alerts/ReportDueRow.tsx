import { Button, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InboxReport } from '../../../../common/contract';
import { navigate } from '../../stores/route';
import { formatDateTime } from '../../time/dayjs';
import { useNow } from '../../time/useNow';
import { countdownText } from '../clockText';
import { useIncidentNames } from '../display';
import { incidentPath } from '../route';
import { recordReport } from './recordStore';

function Countdown({ dueAt }: { dueAt: number }) {
  const now = useNow(1000);
  return (
    <Typography.Text className="tabular" type={dueAt <= now ? 'danger' : 'warning'} data-testid="report-due-countdown">
      {countdownText(dueAt - now)}
    </Typography.Text>
  );
}

/**
 * One incident report to send (初报 / 书面报告 / 续报 due within 5 minutes or missed), as the alert
 * drawer and the 待办 show it: what and for which incident, the deadline with a live countdown,
 * 查看事件 and 记录报告 (the frame's one form). `onLeave` runs before either (the drawer closes).
 */
export function ReportDueRow({ item, testId, onLeave }: { item: InboxReport; testId: string; onLeave?: () => void }) {
  const { t } = useTranslation();
  const names = useIncidentNames();
  const { report } = item;
  const kind = names.report(report.kind);
  return (
    <Flex
      vertical
      gap={4}
      data-testid={testId}
      data-report-id={report.id}
      data-incident-id={item.incidentId}
      data-status={report.status}
      style={{ padding: '6px 0', borderBottom: '1px solid rgba(255,255,255,0.06)' }}
    >
      <Flex align="center" gap={8} wrap>
        <Tag color={report.status === 'missed' ? 'red' : 'gold'} style={{ marginInlineEnd: 0 }}>
          {t(`inbox.reportStatus.${report.status === 'missed' ? 'missed' : 'soon'}`, { kind })}
        </Tag>
        <Typography.Text ellipsis style={{ flex: 1, minWidth: 0 }}>
          {item.drill && `${t('incidents.drill')} · `}
          {item.incidentName}
        </Typography.Text>
      </Flex>
      <Flex align="center" gap={8} wrap>
        <Typography.Text type="secondary" className="tabular" style={{ fontSize: 12 }}>
          {t('incidents.alert.dueAt', { at: formatDateTime(report.dueAt).slice(0, 16) })}
        </Typography.Text>
        <Countdown dueAt={report.dueAt} />
        <span style={{ flex: 1 }} />
        <Button
          size="small"
          data-testid={`${testId}-open`}
          onClick={() => {
            onLeave?.();
            navigate(incidentPath(item.incidentId));
          }}
        >
          {t('incidents.alert.open')}
        </Button>
        <Button
          size="small"
          type="primary"
          data-testid={`${testId}-record`}
          onClick={() => {
            onLeave?.();
            recordReport({ incidentId: item.incidentId, report });
          }}
        >
          {t('incidents.alert.record')}
        </Button>
      </Flex>
    </Flex>
  );
}
