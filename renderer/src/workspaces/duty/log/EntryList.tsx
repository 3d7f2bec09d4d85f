import { Button, Empty, Flex, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DutyLogEntry } from '../../../../../common/contract/duty-log';
import { AttachmentPreview } from '../../../orders/attachments/AttachmentPreview';
import { openOrder } from '../../../orders/drawer/store';
import { formatDateTime } from '../../../time/dayjs';
import { useEntryLabels } from '../entryRef';
import { KIND_COLORS, useKindName } from '../kinds';

/**
 * The entries of a shift, oldest first, as written: corrections stand as entries of their own and
 * both ends of a correction say so; system entries are marked. Entries cannot be edited or removed.
 */
export function EntryList({
  entries,
  shiftStartsAt,
  onCorrect,
}: {
  entries: readonly DutyLogEntry[];
  /** The shift's start: entries written before it were written during the previous shift's handover. */
  shiftStartsAt: number;
  /** Absent when the shift takes no more entries. */
  onCorrect?: (entry: DutyLogEntry) => void;
}) {
  const { t } = useTranslation();
  const kindName = useKindName();
  const labels = useEntryLabels();
  if (entries.length === 0) return <Empty description={t('duty.log.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Flex vertical gap={8} data-testid="duty-entries">
      {entries.map((e) => (
        <div
          key={e.id}
          className="duty-entry"
          data-testid="duty-entry"
          data-kind={e.kind}
          data-entry-id={e.id}
          data-seq={e.seq}
          style={{
            padding: '8px 12px',
            borderRadius: 6,
            background: e.kind === 'system' ? 'rgba(19, 194, 194, 0.08)' : 'rgba(255, 255, 255, 0.04)',
            borderInlineStart: `3px solid ${e.correctedBy.length > 0 ? '#faad14' : 'transparent'}`,
          }}
        >
          <Flex gap={8} align="center" wrap>
            <Typography.Text type="secondary" className="tabular">
              {t('duty.log.entryNo', { no: labels.no(e.seq) })}
            </Typography.Text>
            <Typography.Text className="tabular">{formatDateTime(e.at)}</Typography.Text>
            <Tag color={KIND_COLORS[e.kind]}>{kindName(e.kind)}</Tag>
            {e.at < shiftStartsAt && (
              <Tooltip title={t('duty.turn.earlyTitle', { at: formatDateTime(shiftStartsAt) })}>
                <Tag color="orange" data-testid="duty-entry-early">
                  {t('duty.turn.early')}
                </Tag>
              </Tooltip>
            )}
            <Typography.Text strong>{e.kind === 'system' ? t('duty.log.system') : e.authorName}</Typography.Text>
            {e.correctsRef !== null && (
              <Tag color="warning" data-testid="duty-corrects">
                {t('duty.log.corrects', { ref: labels.ref(e.correctsRef, e.shiftId) })}
              </Tag>
            )}
            {e.correctedBy.length > 0 && (
              <Tag color="warning" data-testid="duty-corrected-by">
                {t('duty.log.correctedBy', { ids: e.correctedByRefs.map((r) => labels.ref(r, e.shiftId)).join('、') })}
              </Tag>
            )}
            {onCorrect && e.kind !== 'system' && (
              <Button
                size="small"
                type="link"
                data-testid="duty-correct"
                onClick={() => {
                  onCorrect(e);
                }}
              >
                {t('duty.log.correct')}
              </Button>
            )}
          </Flex>
          <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }} data-testid="duty-entry-text">
            {e.text}
          </Typography.Paragraph>
          {e.orders.length > 0 && (
            <Flex gap={4} align="center" wrap style={{ marginTop: 4 }}>
              <Typography.Text type="secondary">{t('duty.log.orders')}</Typography.Text>
              {e.orders.map((o) => (
                <Button
                  key={o.id}
                  size="small"
                  title={o.title}
                  data-testid="duty-entry-order"
                  onClick={() => {
                    openOrder(o.id);
                  }}
                >
                  {o.code}
                </Button>
              ))}
            </Flex>
          )}
          {e.cameras.length > 0 && (
            <Flex gap={4} align="center" wrap style={{ marginTop: 4 }}>
              <Typography.Text type="secondary">{t('duty.log.cameras')}</Typography.Text>
              {e.cameras.map((c) => (
                <Tag key={c.id} data-testid="duty-entry-camera">
                  {c.name}
                </Tag>
              ))}
            </Flex>
          )}
          {e.attachments.length > 0 && (
            <Flex gap={8} wrap style={{ marginTop: 6 }}>
              {e.attachments.map((a) => (
                <AttachmentPreview key={a.id} info={a} />
              ))}
            </Flex>
          )}
        </div>
      ))}
    </Flex>
  );
}
