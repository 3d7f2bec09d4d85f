import { Button, Flex, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DutyLogEntry } from '../../../../../common/contract/duty-log';
import { AttachmentPreview } from '../../../orders/attachments/AttachmentPreview';
import { openOrder } from '../../../orders/drawer/store';
import { formatDateTime } from '../../../time/dayjs';
import { useEntryLabels } from '../entryRef';
import { KIND_COLORS, useKindName } from '../kinds';

interface EntryProps {
  entry: DutyLogEntry;
  shiftStartsAt: number;
  onCorrect: ((entry: DutyLogEntry) => void) | undefined;
}

/** One entry as written: its header line, text, and what it links to. */
export function EntryItem({ entry: e, shiftStartsAt, onCorrect }: EntryProps) {
  return (
    <div
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
      <EntryHeader entry={e} shiftStartsAt={shiftStartsAt} onCorrect={onCorrect} />
      <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }} data-testid="duty-entry-text">
        {e.text}
      </Typography.Paragraph>
      <EntryLinks entry={e} />
    </div>
  );
}

/** Number, time, kind, author, correction marks and the 更正 action. */
function EntryHeader({ entry: e, shiftStartsAt, onCorrect }: EntryProps) {
  const { t } = useTranslation();
  const kindName = useKindName();
  const labels = useEntryLabels();
  return (
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
  );
}

/** The orders (each opening its drawer), cameras and attachments an entry links to. */
function EntryLinks({ entry: e }: { entry: DutyLogEntry }) {
  const { t } = useTranslation();
  return (
    <>
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
    </>
  );
}
