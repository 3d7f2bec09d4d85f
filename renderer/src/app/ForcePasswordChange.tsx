import { Alert, Button, Flex, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api';
import { useSessionStore, useUser } from '../stores/session';
import { ChangePasswordForm } from '../workspaces/account/ChangePasswordForm';
import { useSignOut } from './useSession';

/** Shown instead of the frame until a user on an admin-set password chooses their own. */
export function ForcePasswordChange() {
  const { t } = useTranslation();
  const api = useApi();
  const user = useUser();
  const updateUser = useSessionStore((s) => s.updateUser);
  const signOut = useSignOut();

  const changed = () => {
    updateUser({ ...user, mustChangePassword: false });
    // The hub's view wins if it differs (e.g. roles changed meanwhile).
    api.call('auth.me', {}).then(updateUser, () => undefined);
  };

  return (
    <Modal
      open
      centered
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      title={t('password.forcedTitle')}
      footer={null}
    >
      {/* On the body, not the Modal: antd puts extra props on a zero-size root. */}
      <div data-testid="force-password-dialog" style={{ paddingTop: 8 }}>
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('password.forcedHint')} />
        <ChangePasswordForm onChanged={changed} />
        <Flex justify="flex-end" style={{ marginTop: 8 }}>
          <Button
            type="link"
            data-testid="force-password-logout"
            onClick={() => {
              void signOut();
            }}
          >
            {t('session.logout')}
          </Button>
        </Flex>
      </div>
    </Modal>
  );
}
