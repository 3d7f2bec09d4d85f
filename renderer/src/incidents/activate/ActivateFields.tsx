import { Checkbox, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { INCIDENT_AREAS_MAX, INCIDENT_TEXT_MAX } from '../../../../common/contract';
import { INCIDENT_TYPES, type IncidentLevel, type IncidentType } from '../../../../common/domain/incidents';
import { useIncidentNames } from '../display';
import { AreaTree } from './AreaTree';
import { LevelPicker } from './LevelPicker';

export interface ActivateFieldValues {
  type: IncidentType;
  level: IncidentLevel;
  name: string;
  areaIds: string[];
  commanderName: string;
  situation: string;
  drill: boolean;
}

export const ACTIVATE_FIELDS = ['type', 'level', 'name', 'areaIds', 'commanderName', 'situation', 'drill'] as const;

/** The activation form's fields, in the order the room fills them in. */
export function ActivateFields() {
  const { t } = useTranslation();
  const names = useIncidentNames();
  return (
    <>
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
    </>
  );
}
