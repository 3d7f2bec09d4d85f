import { Empty, Flex, Tag, Timeline, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../../../../common/contract';
import { formatDateTime } from '../../time/dayjs';
import { AttachmentGallery } from '../attachments/AttachmentPreview';
import { useOrderNames } from '../display/useOrderNames';
import { categoryPath, useOrderReference } from '../reference/useOrderReference';
import { describeDetail, type DetailContext } from './describeDetail';

const COLORS: Partial<Record<HistoryEntry['action'], string>> = {
  create: 'blue',
  verify_fail: 'red',
  reject_return: 'red',
  reject_extension: 'red',
  reject_park: 'red',
  void: 'gray',
  close: 'green',
  verify_pass: 'green',
  archive: 'green',
  supervise: 'orange',
  request_return: 'orange',
};

/** Every step of the order (and of orders merged into it), oldest first. */
export function OrderTimeline({ history, code }: { history: readonly HistoryEntry[]; code: string }) {
  const { t } = useTranslation();
  const names = useOrderNames();
  const ref = useOrderReference();
  const context: DetailContext = {
    names,
    t,
    categoryLabel: (id) => {
      const c = ref.categoryById.get(id);
      return c ? categoryPath(c, ref.categoryById) : id;
    },
  };
  const sorted = useMemo(() => [...history].sort((a, b) => a.at - b.at || a.id - b.id), [history]);
  if (sorted.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <div data-testid="order-timeline">
      <Timeline
        items={sorted.map((h) => ({
          key: h.id,
          color: COLORS[h.action] ?? 'blue',
          content: (
            <Flex vertical gap={2} data-testid="timeline-item" data-action={h.action} data-to={h.toState}>
              <Flex wrap gap={8} align="baseline">
                <Typography.Text strong>{names.action(h.action)}</Typography.Text>
                <Typography.Text type="secondary" className="tabular">
                  {formatDateTime(h.at)}
                </Typography.Text>
                <Typography.Text type="secondary">{h.actorName}</Typography.Text>
                {h.orderCode !== code && (
                  <Tag color="purple">{t('orders.drawer.fromChild', { code: h.orderCode })}</Tag>
                )}
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {h.fromState && h.fromState !== h.toState
                  ? `${names.state(h.fromState)} → ${names.state(h.toState)}`
                  : names.state(h.toState)}
              </Typography.Text>
              {h.reason && (
                <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} data-testid="timeline-reason">
                  {h.reason}
                </Typography.Paragraph>
              )}
              {describeDetail(h.detail, context).map((line) => (
                <Typography.Text key={line} style={{ fontSize: 12 }}>
                  {line}
                </Typography.Text>
              ))}
              {h.attachments.length > 0 && <AttachmentGallery items={h.attachments} />}
            </Flex>
          ),
        }))}
      />
    </div>
  );
}
