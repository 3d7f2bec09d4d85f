import { Alert, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../../common/contract';
import { useApiMutation } from '../../../api';
import { markServerErrors } from '../../../components/form-errors';
import { useErrorText } from '../../../i18n/useDisplay';

export type IssuedApiKey = MethodOutput<'admin.apiKeys.create'>;

const FIELDS = ['name'];

/** Asks for the key's name; the issued key (with its one-time secret) goes to `onIssued`. */
export function CreateApiKeyModal({
  onIssued,
  onClose,
}: {
  onIssued: (issued: IssuedApiKey) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [form] = Form.useForm<{ name: string }>();
  const create = useApiMutation('admin.apiKeys.create', {
    // No event announces keys: refetch the list here.
    invalidates: ['admin.apiKeys.list'],
    onSuccess: onIssued,
    onError: (error) => {
      markServerErrors(form, error, FIELDS);
    },
  });
  return (
    <Modal
      open
      title={t('apiKeys.form.title')}
      okText={t('apiKeys.form.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => {
        form.submit();
      }}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'apikey-submit' }}
      destroyOnHidden
    >
      <Form<{ name: string }>
        data-testid="apikey-form"
        style={{ paddingTop: 8 }}
        form={form}
        layout="vertical"
        requiredMark={false}
        disabled={create.isPending}
        onFinish={({ name }) => {
          create.mutate({ name: name.trim() });
        }}
      >
        <Form.Item
          name="name"
          label={t('apiKeys.form.name')}
          extra={t('apiKeys.form.nameHint')}
          rules={[
            { required: true, whitespace: true, message: t('apiKeys.form.required') },
            {
              validator: (_, value: string | undefined) => {
                const length = (value ?? '').trim().length;
                return length === 0 || (length >= 2 && length <= 60)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('apiKeys.form.length')));
              },
            },
          ]}
        >
          <Input
            autoComplete="off"
            autoFocus
            maxLength={80}
            placeholder={t('apiKeys.form.namePlaceholder')}
            data-testid="apikey-name"
          />
        </Form.Item>
        {create.error && (
          <Alert type="error" showIcon role="alert" data-testid="apikey-form-error" title={errorText(create.error)} />
        )}
      </Form>
    </Modal>
  );
}
