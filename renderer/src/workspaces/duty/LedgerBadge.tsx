import { SafetyCertificateOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api';
import { useBilingual, useErrorText } from '../../i18n/useDisplay';

/**
 * Checks the hash chain of the sealed shifts (the same check as `npm run verify-ledger`) and says
 * whether the ledger is intact or names the first shift where it breaks; the tooltip shows each
 * unit's chain head (seal number and first 16 hex), as printed on the handover reports.
 */
export function LedgerBadge() {
  const { t } = useTranslation();
  const bilingual = useBilingual();
  const errorText = useErrorText();
  const verify = useApiQuery('duty.ledger.verify', {});
  const recheck = (
    <Button
      size="small"
      type="link"
      loading={verify.isFetching}
      data-testid="ledger-verify"
      onClick={() => {
        void verify.refetch();
      }}
    >
      {t('duty.ledger.verify')}
    </Button>
  );
  if (verify.error) {
    return (
      <span>
        <Tag color="red">{t('duty.ledger.failed', { message: errorText(verify.error) })}</Tag>
        {recheck}
      </span>
    );
  }
  if (!verify.data) return <Tag data-testid="ledger-badge">{t('duty.ledger.checking')}</Tag>;
  const result = verify.data;
  // Each unit's chain head, to compare with the newest printed handover report (truncation shows).
  const heads = (result.heads ?? []).map((h) => (
    <div key={h.orgUnitId}>
      {t('duty.ledger.head', {
        unit: h.orgUnitId,
        seq: h.seq,
        date: h.date,
        code: h.code,
        hash: h.sealHash.slice(0, 16),
      })}
    </div>
  ));
  return (
    <span>
      {result.ok ? (
        <Tooltip title={heads}>
          <Tag color="green" icon={<SafetyCertificateOutlined />} data-testid="ledger-badge" data-ok="true">
            {t('duty.ledger.intact', { count: result.sealed })}
          </Tag>
        </Tooltip>
      ) : (
        <Tooltip title={bilingual(result.message)}>
          <Tag color="red" icon={<WarningOutlined />} data-testid="ledger-badge" data-ok="false">
            {t('duty.ledger.broken', { message: bilingual(result.message) })}
          </Tag>
        </Tooltip>
      )}
      {recheck}
    </span>
  );
}
