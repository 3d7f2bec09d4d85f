import { Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { HANDOVER_OVERRIDE_REASON_MAX } from '../../../../../common/contract/duty-handover';
import type { Side } from './useSignature';

/** Why an incoming chief not rostered on the next shift signs anyway; the reason is kept in the ledger. */
export function OverrideReasonCard({
  side,
  reason,
  setReason,
}: {
  side: Side;
  reason: string;
  setReason: (reason: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Card size="small" type="inner" title={t('duty.turn.overrideTitle')} style={{ marginBottom: 8 }}>
      <Typography.Paragraph type="warning" style={{ marginBottom: 8 }}>
        {t('duty.turn.overrideHint')}
      </Typography.Paragraph>
      <Form.Item label={t('duty.turn.overrideReason')} style={{ marginBottom: 0 }}>
        <Input.TextArea
          value={reason}
          maxLength={HANDOVER_OVERRIDE_REASON_MAX}
          autoSize={{ minRows: 2, maxRows: 4 }}
          placeholder={t('duty.turn.overrideReasonPlaceholder')}
          data-testid={`sign-${side}-override-reason`}
          onChange={(e) => {
            setReason(e.target.value);
          }}
        />
      </Form.Item>
    </Card>
  );
}
