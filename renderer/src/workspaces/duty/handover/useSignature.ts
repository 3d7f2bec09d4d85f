import { useState } from 'react';
import { HANDOVER_OVERRIDE_REASON_MIN } from '../../../../../common/contract/duty-handover';
import { useApiMutation } from '../../../api';
import { ApiCallError } from '../../../api/errors';

export type Side = 'outgoing' | 'incoming';

function notRostered(err: unknown): boolean {
  if (!(err instanceof ApiCallError)) return false;
  const details = err.body.details as { reason?: unknown } | undefined;
  return details?.reason === 'INCOMING_NOT_ROSTERED';
}

/**
 * One signature's fields and the sign call; the password is cleared after every attempt. When the
 * hub refuses the incoming signer as not rostered, the form turns into the logged override.
 */
export function useSignature(shiftId: number, side: Side, initialUsername: string) {
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
  const submit = () => {
    sign.mutate({
      shiftId,
      side,
      username,
      password,
      ...(overriding && reasonOk ? { override: { reason: reason.trim() } } : {}),
    });
  };
  const changeUsername = (next: string) => {
    setUsername(next);
    // Another signer: the override was for the one refused.
    setOverriding(false);
    setReason('');
  };
  return { username, password, reason, overriding, reasonOk, sign, submit, changeUsername, setPassword, setReason };
}
