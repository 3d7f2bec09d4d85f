import { Alert, Button, Card, Flex, Form, Input, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  HANDOVER_OVERRIDE_REASON_MAX,
  HANDOVER_OVERRIDE_REASON_MIN,
  type HandoverState,
} from '../../../../../common/contract/duty-handover';
import { useApiMutation } from '../../../api';
import { ApiCallError } from '../../../api/errors';
import { useErrorText } from '../../../i18n/useDisplay';
import { useUser } from '../../../stores/session';
import { formatDateTime } from '../../../time/dayjs';

type Side = 'outgoing' | 'incoming';

function notRostered(err: unknown): boolean {
  if (!(err instanceof ApiCallError)) return false;
  const details = err.body.details as { reason?: unknown } | undefined;
  return details?.reason === 'INCOMING_NOT_ROSTERED';
}

/** One chief's signature: their username and their own password, typed at this console. */
function SignatureForm({ shiftId, side, initialUsername }: { shiftId: number; side: Side; initialUsername: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [username, setUsername] = useState(initialUsername);
  const [password, setPassword] = useState('');
  const [reason, setReason] = useState('');
  /** The hub refused the incoming signer as not rostered on the next shift: offer the logged override. */
  const [overriding, setOverriding] = useState(false);
  const sign = useApiMutation('duty.handover.sign', {
    invalidates: [
      'duty.handover.current',
      'duty.handover.sealed',
      'duty.ledger.verify',
      'duty.log.current',
      'duty.log.search',
    ],
    onSettled: () => {
      setPassword('');
    },
    onError: (err) => {
      if (side === 'incoming' && notRostered(err)) setOverriding(true);
    },
  });
  const reasonOk = reason.trim().length >= HANDOVER_OVERRIDE_REASON_MIN;
  return (
    <Form
      layout="vertical"
      data-testid={`sign-${side}`}
      onFinish={() => {
        sign.mutate({
          shiftId,
          side,
          username,
          password,
          ...(overriding && reasonOk ? { override: { reason: reason.trim() } } : {}),
        });
      }}
    >
      <Form.Item label={t('duty.handover.username')} style={{ marginBottom: 8 }}>
        <Input
          value={username}
          autoComplete="off"
          data-testid={`sign-${side}-username`}
          onChange={(e) => {
            setUsername(e.target.value);
            // Another signer: the override was for the one refused.
            setOverriding(false);
            setReason('');
          }}
        />
      </Form.Item>
      <Form.Item
        label={t('duty.handover.password')}
        extra={t('duty.handover.passwordHint')}
        style={{ marginBottom: 8 }}
      >
        <Input.Password
          value={password}
          autoComplete="off"
          data-testid={`sign-${side}-password`}
          onChange={(e) => {
            setPassword(e.target.value);
          }}
        />
      </Form.Item>
      {sign.error && (
        <Alert
          type="error"
          showIcon
          title={errorText(sign.error)}
          style={{ marginBottom: 8 }}
          data-testid="sign-error"
        />
      )}
      {overriding && (
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
      )}
      <Button
        type="primary"
        htmlType="submit"
        danger={overriding}
        loading={sign.isPending}
        disabled={username.trim() === '' || password === '' || (overriding && !reasonOk)}
        data-testid={overriding ? `sign-${side}-override-submit` : `sign-${side}-submit`}
      >
        {overriding ? t('duty.turn.overrideSubmit') : t('duty.handover.signSubmit')}
      </Button>
    </Form>
  );
}

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
