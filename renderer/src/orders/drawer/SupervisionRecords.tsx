import { Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Supervision } from '../../../../common/contract';
import { formatDateTime } from '../../time/dayjs';
import { useNow } from '../../time/useNow';

/** 督办 records of one order: the instruction, its due time, and the reply once given. */
export function SupervisionRecords({ items }: { items: readonly Supervision[] }) {
  const { t } = useTranslation();
  const now = useNow(60_000);
  return (
    <Flex vertical gap={8}>
      {items.map((s) => {
        const overdue = s.repliedAt === null && s.dueAt < now;
        return (
          <Card
            key={s.id}
            size="small"
            data-testid="supervision-record"
            data-replied={String(s.repliedAt !== null)}
            title={
              <Flex gap={8} align="center" wrap>
                <span>{s.createdByName}</span>
                <Typography.Text type="secondary" className="tabular">
                  {formatDateTime(s.createdAt)}
                </Typography.Text>
                {s.repliedAt !== null ? (
                  <Tag color="green">{t('supervision.replied')}</Tag>
                ) : overdue ? (
                  <Tag color="red">{t('supervision.overdue')}</Tag>
                ) : (
                  <Tag color="orange">{t('supervision.open')}</Tag>
                )}
              </Flex>
            }
            extra={
              <Typography.Text type="secondary" className="tabular">
                {t('supervision.due', { at: formatDateTime(s.dueAt) })}
              </Typography.Text>
            }
          >
            <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{s.note}</Typography.Paragraph>
            {s.followUps.map((f) => (
              <Typography.Paragraph
                key={f.at}
                style={{ margin: '8px 0 0', whiteSpace: 'pre-wrap' }}
                data-testid="supervision-followup"
              >
                <Typography.Text type="secondary">
                  {t('inbox.followUp')} · {f.byName} <span className="tabular">{formatDateTime(f.at)}</span>
                </Typography.Text>
                <br />
                {f.note}
              </Typography.Paragraph>
            ))}
            {s.reply !== null && (
              <Typography.Paragraph
                style={{ margin: '8px 0 0', whiteSpace: 'pre-wrap' }}
                data-testid="supervision-reply"
              >
                <Typography.Text type="secondary">
                  {t('supervision.replyBy', {
                    name: s.repliedByName ?? '',
                    at: s.repliedAt === null ? '' : formatDateTime(s.repliedAt),
                  })}
                </Typography.Text>
                <br />
                {s.reply}
              </Typography.Paragraph>
            )}
          </Card>
        );
      })}
    </Flex>
  );
}
