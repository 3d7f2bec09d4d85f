import { Alert, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n/useDisplay';
import { useUser } from '../../stores/session';
import { ActivateFields, type ActivateFieldValues } from './ActivateFields';
import { useActivateIncident } from './useActivateIncident';

/**
 * 启动应急响应: type, level in its colour, the affected area on the org tree, the
 * commander, the situation, drill or real — then a confirmation naming what the room is about to do.
 * A second real incident is refused by the hub (E_CONFLICT) and the message shows here.
 */
export function ActivateDialog({
  open,
  onClose,
  onActivated,
}: {
  open: boolean;
  onClose: () => void;
  onActivated: (id: number) => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const user = useUser();
  const [form] = Form.useForm<ActivateFieldValues>();
  const { activate, submit } = useActivateIncident(form, onActivated);

  return (
    <Modal
      open={open}
      title={t('incidents.activate.title')}
      width={720}
      okText={t('incidents.activate.submit')}
      okButtonProps={{ loading: activate.isPending, 'data-testid': 'incident-activate-submit' }}
      onOk={() => {
        form.submit();
      }}
      onCancel={onClose}
      destroyOnHidden
      data-testid="incident-activate-dialog"
    >
      {activate.error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={errorText(activate.error)}
          data-testid="incident-activate-error"
        />
      )}
      <Form<ActivateFieldValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          type: 'flood',
          level: 'IV',
          name: '',
          areaIds: [],
          commanderName: user.displayName,
          situation: '',
          drill: false,
        }}
        onFinish={submit}
      >
        <ActivateFields />
      </Form>
    </Modal>
  );
}
