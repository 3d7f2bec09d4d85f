import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiKeySecretModal } from './ApiKeySecretModal';
import { CreateApiKeyModal, type IssuedApiKey } from './CreateApiKeyModal';

export type ApiKeyDialog = { kind: 'create' } | { kind: 'secret'; issued: IssuedApiKey } | null;

/** Creating a key leads straight to the one showing of its secret. */
export function ApiKeyDialogs({
  dialog,
  setDialog,
}: {
  dialog: ApiKeyDialog;
  setDialog: (dialog: ApiKeyDialog) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <>
      {dialog?.kind === 'create' && (
        <CreateApiKeyModal
          onClose={() => {
            setDialog(null);
          }}
          onIssued={(issued) => {
            void message.success(t('apiKeys.created', { name: issued.key.name }));
            setDialog({ kind: 'secret', issued });
          }}
        />
      )}
      {dialog?.kind === 'secret' && (
        <ApiKeySecretModal
          issued={dialog.issued}
          onClose={() => {
            setDialog(null);
          }}
        />
      )}
    </>
  );
}
