import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { INCIDENT_TEXT_MAX, type IncidentSummary } from '../../../../common/contract';
import { levelRank, type IncidentLevel } from '../../../../common/domain/incidents';
import { useErrorText } from '../../i18n/useDisplay';
import { LevelPicker } from '../activate/LevelPicker';
import { useIncidentMutation } from '../data';
import { useIncidentNames } from '../display';

interface Fields {
  level: IncidentLevel;
  reason: string;
}

/**
 * 升级 / 降级: the new level and why, then a confirmation. The hub re-applies the plan of the new
 * level (its checklist and report deadlines), keeping what was done before.
 */
export function LevelChangeModal({
  incident,
  open,
  onClose,
}: {
  incident: IncidentSummary;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const names = useIncidentNames();
  const errorText = useErrorText();
  const [form] = Form.useForm<Fields>();
  const setLevel = useIncidentMutation('incidents.setLevel', {
    onSuccess: () => {
      onClose();
    },
  });

  const submit = ({ level, reason }: Fields) => {
    const up = levelRank(level) > levelRank(incident.level);
    modal.confirm({
      title: t(up ? 'incidents.level.confirmUp' : 'incidents.level.confirmDown', {
        from: names.level(incident.level),
        to: names.level(level),
      }),
      content: t('incidents.level.confirmBody'),
      okText: t(up ? 'incidents.level.up' : 'incidents.level.down'),
      okButtonProps: { danger: up, 'data-testid': 'incident-level-confirm' },
      onOk: () => {
        setLevel.mutate({ id: incident.id, level, reason: reason.trim() });
      },
    });
  };

  return (
    <Modal
      open={open}
      title={t('incidents.level.title')}
      width={640}
      okText={t('incidents.level.submit')}
      okButtonProps={{ loading: setLevel.isPending, 'data-testid': 'incident-level-submit' }}
      onOk={() => {
        form.submit();
      }}
      onCancel={onClose}
      afterClose={() => {
        setLevel.reset();
      }}
      destroyOnHidden
    >
      {setLevel.error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorText(setLevel.error)} />}
      <Form<Fields> form={form} layout="vertical" preserve={false} onFinish={submit}>
        <Form.Item label={t('incidents.level.current')}>{names.level(incident.level)}</Form.Item>
        <Form.Item
          name="level"
          label={t('incidents.level.new')}
          rules={[{ required: true, message: t('incidents.level.levelRequired') }]}
        >
          <LevelPicker exclude={incident.level} testIdPrefix="incident-new-level" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('incidents.level.reason')}
          rules={[{ required: true, whitespace: true, message: t('incidents.level.reasonRequired') }]}
        >
          <Input.TextArea
            rows={3}
            maxLength={INCIDENT_TEXT_MAX}
            placeholder={t('incidents.level.reasonPlaceholder')}
            data-testid="incident-level-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
