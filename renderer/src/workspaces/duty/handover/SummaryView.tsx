import { Descriptions, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HandoverSummary } from '../../../../../common/contract/duty-handover';
import { formatDateTime } from '../../../time/dayjs';
import { useEntryLabels } from '../entryRef';
import { OrderLinks } from './OrderLinks';
import { ChecklistAnswers, OrdersByState } from './SummaryParts';

/** A handover summary as the incoming chief reads it: orders, incident, cameras, tasks, checklist, notes. */
export function SummaryView({ summary, showInputs = true }: { summary: HandoverSummary; showInputs?: boolean }) {
  const { t } = useTranslation();
  const labels = useEntryLabels();
  const { orders } = summary;
  return (
    <Descriptions bordered size="small" column={1} data-testid="handover-summary" styles={{ label: { width: 180 } }}>
      <Descriptions.Item label={t('duty.summary.orders')}>
        <OrdersByState orders={orders} />
      </Descriptions.Item>
      <Descriptions.Item label={t('duty.summary.overdue', { count: orders.overdueTotal })}>
        <OrderLinks rows={orders.overdue} total={orders.overdueTotal} testId="handover-overdue" />
      </Descriptions.Item>
      <Descriptions.Item label={t('duty.summary.supervised', { count: orders.supervisedTotal })}>
        <OrderLinks rows={orders.supervised} total={orders.supervisedTotal} testId="handover-supervised" />
      </Descriptions.Item>
      <Descriptions.Item label={t('duty.summary.parked', { count: orders.parkedTotal })}>
        <OrderLinks rows={orders.parked} total={orders.parkedTotal} testId="handover-parked" />
      </Descriptions.Item>
      {summary.incident !== undefined && (
        <Descriptions.Item label={t('duty.summary.incident')}>
          {summary.incident === null
            ? t('duty.summary.incidentNone')
            : `${summary.incident.name}（${summary.incident.level}）${
                typeof summary.incident.closedAt === 'number' ? t('duty.summary.incidentClosed') : ''
              }`}
        </Descriptions.Item>
      )}
      {summary.camerasOffline !== undefined && (
        <Descriptions.Item label={t('duty.summary.cameras', { count: summary.camerasOffline.length })}>
          {summary.camerasOffline.length === 0
            ? t('duty.summary.none')
            : summary.camerasOffline.map((c) => c.name).join('、')}
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('duty.handover.pending')}>
        {summary.pendingAssigned.length === 0 ? (
          <Typography.Text type="secondary">{t('duty.handover.pendingNone')}</Typography.Text>
        ) : (
          <List
            size="small"
            dataSource={summary.pendingAssigned}
            renderItem={(p) => (
              <List.Item data-testid="handover-pending-item">
                {labels.assigned(p, summary.shift)} {formatDateTime(p.at)} {p.authorName}：{p.text}
              </List.Item>
            )}
          />
        )}
      </Descriptions.Item>
      {showInputs && (
        <>
          {summary.doneAssigned.length > 0 && (
            <Descriptions.Item label={t('duty.handover.done')}>
              {summary.doneAssigned.map((p) => (
                <div key={p.entryId}>
                  {labels.assigned(p, summary.shift)} {p.text}
                </div>
              ))}
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('duty.handover.checklist')}>
            <ChecklistAnswers checklist={summary.checklist} />
          </Descriptions.Item>
          <Descriptions.Item label={t('duty.handover.notes')}>
            <span style={{ whiteSpace: 'pre-wrap' }} data-testid="handover-notes">
              {summary.notes === '' ? t('duty.summary.none') : summary.notes}
            </span>
          </Descriptions.Item>
        </>
      )}
    </Descriptions>
  );
}
