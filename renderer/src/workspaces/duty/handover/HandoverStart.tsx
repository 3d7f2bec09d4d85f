import { Alert, Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { hhmm } from '../../../../../common/domain/time';

/**
 * Once the handover window is open, the start button (asked once more: starting freezes the summary
 * and the outgoing chief's answers); before, when it opens and why not yet.
 */
export function HandoverStart({
  open,
  opensAt,
  shiftEndsAt,
  loading,
  onConfirm,
}: {
  open: boolean;
  opensAt: number;
  shiftEndsAt: number;
  loading: boolean;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  if (!open) {
    return (
      // Not a button that fails: when the handover opens, and why not yet.
      <Alert
        type="info"
        showIcon
        data-testid="handover-opens-at"
        data-opens-at={opensAt}
        title={t('duty.turn.opensAt', { at: hhmm(opensAt) })}
        description={t('duty.turn.opensAtNote', { minutes: Math.round((shiftEndsAt - opensAt) / 60_000) })}
      />
    );
  }
  return (
    <div>
      <Popconfirm
        title={t('duty.handover.startConfirm')}
        okButtonProps={{ 'data-testid': 'handover-start-confirm' }}
        onConfirm={onConfirm}
      >
        <Button type="primary" loading={loading} data-testid="handover-start">
          {t('duty.handover.start')}
        </Button>
      </Popconfirm>
    </div>
  );
}
