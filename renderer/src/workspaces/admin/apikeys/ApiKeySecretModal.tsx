import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, Modal, Space, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IssuedApiKey } from './CreateApiKeyModal';
import { OPEN311_PATH, open311BaseUrl } from './open311Endpoint';

/** navigator.clipboard exists only in secure contexts (https, localhost, app://). */
function clipboard(): Clipboard | null {
  return typeof navigator !== 'undefined' && 'clipboard' in navigator ? navigator.clipboard : null;
}

/**
 * Shows a newly issued secret, the only time it is ever shown: the hub keeps just its hash. The
 * dialog closes only through its button, so a stray click or Esc does not lose the secret.
 */
export function ApiKeySecretModal({ issued, onClose }: { issued: IssuedApiKey; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const clip = clipboard();
  const base = open311BaseUrl() ?? `<…>${OPEN311_PATH}`;

  const copy = () => {
    if (!clip) return;
    clip.writeText(issued.secret).then(
      () => void message.success(t('apiKeys.secret.copied')),
      () => void message.error(t('apiKeys.secret.copyFailed')),
    );
  };

  return (
    <Modal
      open
      title={t('apiKeys.secret.title', { name: issued.key.name })}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      modalRender={(node) => <div data-testid="apikey-secret-dialog">{node}</div>}
      footer={
        <Button type="primary" data-testid="apikey-secret-done" onClick={onClose}>
          {t('apiKeys.secret.done')}
        </Button>
      }
      width={600}
      destroyOnHidden
    >
      <Alert
        type="warning"
        showIcon
        role="alert"
        style={{ margin: '8px 0 16px' }}
        data-testid="apikey-secret-warning"
        title={t('apiKeys.secret.warning')}
      />
      <Typography.Text strong>{t('apiKeys.secret.label')}</Typography.Text>
      <Space.Compact block style={{ marginTop: 4 }}>
        <Input
          readOnly
          value={issued.secret}
          style={{ fontFamily: token.fontFamilyCode }}
          aria-label={t('apiKeys.secret.label')}
          data-testid="apikey-secret"
          onFocus={(e) => {
            e.currentTarget.select();
          }}
        />
        {clip && (
          <Button icon={<CopyOutlined />} data-testid="apikey-secret-copy" onClick={copy}>
            {t('apiKeys.secret.copy')}
          </Button>
        )}
      </Space.Compact>
      {!clip && (
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
          {t('apiKeys.secret.manualCopy')}
        </Typography.Paragraph>
      )}
      <Typography.Paragraph type="secondary" style={{ margin: '16px 0 4px' }}>
        {t('apiKeys.secret.usage')}
      </Typography.Paragraph>
      <Typography.Text code style={{ wordBreak: 'break-all' }}>
        {`${base}requests.json?api_key=…`}
      </Typography.Text>
    </Modal>
  );
}
