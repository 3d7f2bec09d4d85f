import { CheckCircleFilled, CheckCircleOutlined, ClockCircleOutlined } from '@ant-design/icons';
import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RosterEntry } from '../../../../../common/contract';
import { formatDateTime } from '../../../time/dayjs';

/** Check-in state of one assignment, for the data attribute tests and automation read. */
export function checkState(e: RosterEntry): 'in' | 'out' | 'none' {
  if (e.checkedOutAt !== null) return 'out';
  return e.checkedInAt !== null ? 'in' : 'none';
}

/**
 * One person on a post: name and a check-in mark — green filled when checked in, grey outline
 * once checked out, a clock while not yet (red when `late`).
 */
export function PersonChip({
  entry,
  postLabel,
  late = false,
}: {
  entry: RosterEntry;
  postLabel?: string;
  late?: boolean;
}) {
  const { t } = useTranslation();
  const state = checkState(entry);
  const tip =
    state === 'none'
      ? t(late ? 'roster.check.late' : 'roster.check.notYet')
      : state === 'in'
        ? t('roster.check.inAt', { time: formatDateTime(entry.checkedInAt ?? 0).slice(5, 16) })
        : t('roster.check.outAt', {
            in: formatDateTime(entry.checkedInAt ?? 0).slice(5, 16),
            out: formatDateTime(entry.checkedOutAt ?? 0).slice(5, 16),
          });
  const icon =
    state === 'in' ? (
      <CheckCircleFilled style={{ color: '#3aa57a' }} />
    ) : state === 'out' ? (
      <CheckCircleOutlined style={{ color: '#8393aa' }} />
    ) : (
      <ClockCircleOutlined style={{ color: late ? '#e5484d' : '#6b7a90' }} />
    );
  return (
    <Tooltip title={tip}>
      <span
        data-testid="roster-person"
        data-user={entry.userId}
        data-post={entry.postCode}
        data-check={state}
        data-late={late}
        style={{ display: 'inline-flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 4 }}
      >
        {postLabel !== undefined && <span style={{ color: '#8393aa', fontSize: 12 }}>{postLabel}</span>}
        <span style={{ color: late ? '#ff7875' : '#e3eaf4' }}>{entry.userName}</span>
        <span aria-label={tip}>{icon}</span>
      </span>
    </Tooltip>
  );
}
