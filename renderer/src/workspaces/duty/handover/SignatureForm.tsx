import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../i18n/useDisplay';
import { OverrideReasonCard } from './OverrideReasonCard';
import { useSignature, type Side } from './useSignature';

/** One chief's signature: their username and their own password, typed at this console. */
export function SignatureForm({
  shiftId,
  side,
  initialUsername,
}: {
  shiftId: number;
  side: Side;
  initialUsername: string;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { username, password, reason, overriding, reasonOk, sign, submit, changeUsername, setPassword, setReason } =
    useSignature(shiftId, side, initialUsername);
  return (
    <Form layout="vertical" data-testid={`sign-${side}`} onFinish={submit}>
      <Form.Item label={t('duty.handover.username')} style={{ marginBottom: 8 }}>
        <Input
          value={username}
          autoComplete="off"
          data-testid={`sign-${side}-username`}
          onChange={(e) => {
            changeUsername(e.target.value);
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
      {overriding && <OverrideReasonCard side={side} reason={reason} setReason={setReason} />}
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
