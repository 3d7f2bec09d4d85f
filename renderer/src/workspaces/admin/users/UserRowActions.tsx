import { Button, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserRecord } from '../../../../../common/contract';
import { useUser } from '../../../stores/session';

/** A user row's edit, disable/enable (after confirming) and password reset. */
export function UserRowActions({
  user: u,
  onEdit,
  onReset,
  onToggleDisabled,
}: {
  user: UserRecord;
  onEdit: () => void;
  onReset: () => void;
  onToggleDisabled: () => void;
}) {
  const { t } = useTranslation();
  const me = useUser();
  return (
    <Space size={0} wrap>
      <Button type="link" size="small" data-testid="user-edit" onClick={onEdit}>
        {t('users.edit')}
      </Button>
      <Popconfirm
        title={t(u.disabled ? 'users.confirmEnable' : 'users.confirmDisable', { name: u.displayName })}
        okText={t('common.ok')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: !u.disabled }}
        onConfirm={onToggleDisabled}
      >
        <Button
          type="link"
          size="small"
          danger={!u.disabled}
          // Locking oneself out of the only admin account helps no one.
          disabled={u.id === me.id}
          data-testid="user-toggle-disabled"
        >
          {u.disabled ? t('users.enable') : t('users.disable')}
        </Button>
      </Popconfirm>
      <Button type="link" size="small" data-testid="user-reset-password" onClick={onReset}>
        {t('users.resetPassword')}
      </Button>
    </Space>
  );
}
