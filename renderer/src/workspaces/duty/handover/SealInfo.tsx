import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SealInfo as Seal } from '../../../../../common/contract/duty-handover';
import { formatDateTime } from '../../../time/dayjs';

/** The seal of a shift: when, and the hashes that chain it (shown whole, so they can be compared). */
export function SealInfo({ seal }: { seal: Seal }) {
  const { t } = useTranslation();
  const hash = (h: string, testId?: string) => (
    <Typography.Text code copyable style={{ wordBreak: 'break-all' }} data-testid={testId}>
      {h}
    </Typography.Text>
  );
  return (
    <Descriptions bordered size="small" column={1} data-testid="handover-seal" styles={{ label: { width: 180 } }}>
      <Descriptions.Item label={t('duty.status.sealed')}>{formatDateTime(seal.sealedAt)}</Descriptions.Item>
      <Descriptions.Item label={t('duty.handover.sealHash')}>{hash(seal.sealHash, 'seal-hash')}</Descriptions.Item>
      <Descriptions.Item label={t('duty.handover.prevHash')}>{hash(seal.prevSealHash)}</Descriptions.Item>
      <Descriptions.Item label={t('duty.handover.entriesHash')}>{hash(seal.entriesHash)}</Descriptions.Item>
    </Descriptions>
  );
}
