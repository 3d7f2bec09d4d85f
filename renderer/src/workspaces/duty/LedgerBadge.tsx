import { SafetyCertificateOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api';
import { useBilingual, useErrorText } from '../../i18n/useDisplay';

/**
 * Checks the hash chain of the sealed shifts (the same check as `npm run verify-ledger`) and says
 * whether the ledger is intact or names the first shift where it breaks.
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
  return (
    <span>
      {result.ok ? (
        <Tag color="green" icon={<SafetyCertificateOutlined />} data-testid="ledger-badge" data-ok="true">
          {t('duty.ledger.intact', { count: result.sealed })}
        </Tag>
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
