import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HandoverState } from '../../../../../common/contract/duty-handover';
import { formatDateTime } from '../../../time/dayjs';
import { SealInfo } from './SealInfo';

/** A sealed handover: both signatures and the seal. */
export function SealedCard({ state, seal }: { state: HandoverState; seal: NonNullable<HandoverState['seal']> }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('duty.handover.sealed', { at: formatDateTime(seal.sealedAt) })}>
      <Flex vertical gap={8}>
        {state.signatures.map((s) => (
          <Typography.Text key={s.side} data-testid={`signed-${s.side}`}>
            {t(`duty.handover.${s.side}`)}：
            {t('duty.handover.signedBy', { name: s.userName, at: formatDateTime(s.signedAt) })}
          </Typography.Text>
        ))}
        <SealInfo seal={seal} />
      </Flex>
    </Card>
  );
}
