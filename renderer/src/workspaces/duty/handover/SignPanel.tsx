import { Alert, Button, Card, Flex, Popconfirm, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HandoverState } from '../../../../../common/contract/duty-handover';
import { useApiMutation } from '../../../api';
import { useErrorText } from '../../../i18n/useDisplay';
import { useUser } from '../../../stores/session';
import { formatDateTime } from '../../../time/dayjs';
import { SignatureForm } from './SignatureForm';
import type { Side } from './useSignature';

/** During the handover: the frozen summary is above; here the two chiefs sign, or the handover is called off. */
export function SignPanel({ state }: { state: HandoverState }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const user = useUser();
  const cancel = useApiMutation('duty.handover.cancel', {
    invalidates: ['duty.handover.current', 'duty.handover.preview', 'duty.log.current'],
  });
  const signatureOf = (side: Side) => state.signatures.find((s) => s.side === side);
  return (
    <Flex vertical gap={12}>
      <Flex gap={12} wrap>
        {(['outgoing', 'incoming'] as const).map((side) => {
          const signature = signatureOf(side);
          return (
            <Card key={side} size="small" title={t(`duty.handover.${side}`)} style={{ flex: '1 1 320px' }}>
              {signature ? (
                <Typography.Text type="success" data-testid={`signed-${side}`}>
                  {t('duty.handover.signedBy', { name: signature.userName, at: formatDateTime(signature.signedAt) })}
                </Typography.Text>
              ) : (
                <SignatureForm
                  shiftId={state.shift.id}
                  side={side}
                  // The outgoing chief usually signs first at their own seat; the incoming chief types their name.
                  initialUsername={side === 'outgoing' ? user.username : ''}
                />
              )}
            </Card>
          );
        })}
      </Flex>
      {cancel.error && <Alert type="error" showIcon title={errorText(cancel.error)} />}
      <div>
        <Popconfirm
          title={t('duty.handover.cancelConfirm')}
          okButtonProps={{ 'data-testid': 'handover-cancel-confirm' }}
          onConfirm={() => {
            cancel.mutate({ shiftId: state.shift.id });
          }}
        >
          <Button danger loading={cancel.isPending} data-testid="handover-cancel">
            {t('duty.handover.cancel')}
          </Button>
        </Popconfirm>
      </div>
    </Flex>
  );
}
