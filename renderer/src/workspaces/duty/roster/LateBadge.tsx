import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RosterEntry } from '../../../../../common/contract';

/** The red count of people not checked in 10 minutes into the shift; their names on hover. */
export function LateBadge({ late }: { late: readonly RosterEntry[] }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('roster.status.late', { names: late.map((e) => e.userName).join('、') })}>
      <span
        data-testid="on-duty-missing"
        data-count={late.length}
        style={{
          minWidth: 18,
          padding: '0 5px',
          borderRadius: 9,
          background: '#e5484d',
          color: '#fff',
          fontSize: 12,
          lineHeight: '18px',
          textAlign: 'center',
        }}
      >
        {t('roster.status.lateCount', { n: late.length })}
      </span>
    </Tooltip>
  );
}
