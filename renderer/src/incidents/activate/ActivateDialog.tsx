import { Alert, App, Checkbox, Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { INCIDENT_AREAS_MAX, INCIDENT_TEXT_MAX } from '../../../../common/contract';
import { INCIDENT_TYPES, type IncidentLevel, type IncidentType } from '../../../../common/domain/incidents';
import { markServerErrors } from '../../components/form-errors';
import { useErrorText } from '../../i18n/useDisplay';
import { useUser } from '../../stores/session';
import { useIncidentMutation } from '../data';
import { useIncidentNames } from '../display';
import { AreaTree } from './AreaTree';
import { LevelPicker } from './LevelPicker';

interface Fields {
  type: IncidentType;
  level: IncidentLevel;
  name: string;
  areaIds: string[];
  commanderName: string;
  situation: string;
  drill: boolean;
}

const FIELDS = ['type', 'level', 'name', 'areaIds', 'commanderName', 'situation', 'drill'] as const;

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
  const { modal } = App.useApp();
  const names = useIncidentNames();
  const errorText = useErrorText();
  const user = useUser();
  const [form] = Form.useForm<Fields>();
  const activate = useIncidentMutation('incidents.activate', {
    onSuccess: (detail) => {
      form.resetFields();
      onActivated(detail.incident.id);
    },
    onError: (error) => {
      markServerErrors(form, error, FIELDS);
    },
  });

  const submit = (f: Fields) => {
    const commanderName = f.commanderName.trim();
    modal.confirm({
      title: t(f.drill ? 'incidents.activate.confirmDrillTitle' : 'incidents.activate.confirmTitle'),
      content: t(f.drill ? 'incidents.activate.confirmDrill' : 'incidents.activate.confirm', {
        type: names.type(f.type),
        level: names.level(f.level),
        count: f.areaIds.length,
      }),
      okText: t('incidents.activate.confirmOk'),
      okButtonProps: { danger: !f.drill, 'data-testid': 'incident-activate-confirm' },
      cancelButtonProps: { 'data-testid': 'incident-activate-confirm-cancel' },
      onOk: () => {
        activate.mutate({
          type: f.type,
          level: f.level,
          drill: f.drill,
          areaIds: f.areaIds,
          commanderName,
          // The commander is the signed-in user unless another name was typed.
          commanderUserId: commanderName === user.displayName ? user.id : null,
          situation: f.situation.trim(),
          ...(f.name.trim() && { name: f.name.trim() }),
        });
      },
    });
  };

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
      <Form<Fields>
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
        <Form.Item name="type" label={t('incidents.field.type')} rules={[{ required: true }]}>
          <Radio.Group optionType="button">
            {INCIDENT_TYPES.map((type) => (
              <Radio.Button key={type} value={type}>
                {/* On the label: antd puts extra props on the hidden radio input. */}
                <span data-testid={`incident-type-${type}`}>{names.type(type)}</span>
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="level" label={t('incidents.field.level')} rules={[{ required: true }]}>
          <LevelPicker />
        </Form.Item>
        <Form.Item
          name="areaIds"
          label={t('incidents.field.areas')}
          rules={[
            { required: true, type: 'array', min: 1, message: t('incidents.activate.areasRequired') },
            {
              type: 'array',
              max: INCIDENT_AREAS_MAX,
              message: t('incidents.activate.areasMax', { max: INCIDENT_AREAS_MAX }),
            },
          ]}
        >
          <AreaTree />
        </Form.Item>
        <Form.Item name="name" label={t('incidents.field.name')} extra={t('incidents.activate.nameHint')}>
          <Input autoFocus maxLength={60} data-testid="incident-name" />
        </Form.Item>
        <Form.Item
          name="commanderName"
          label={t('incidents.field.commander')}
          rules={[{ required: true, whitespace: true, message: t('incidents.activate.commanderRequired') }]}
        >
          <Input maxLength={40} data-testid="incident-commander" />
        </Form.Item>
        <Form.Item
          name="situation"
          label={t('incidents.field.situation')}
          rules={[{ required: true, whitespace: true, message: t('incidents.activate.situationRequired') }]}
        >
          <Input.TextArea
            rows={3}
            maxLength={INCIDENT_TEXT_MAX}
            placeholder={t('incidents.activate.situationPlaceholder')}
            data-testid="incident-situation"
          />
        </Form.Item>
        <Form.Item name="drill" valuePropName="checked" extra={t('incidents.activate.drillHint')}>
          <Checkbox data-testid="incident-drill">{t('incidents.activate.drill')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
