import { Alert, AutoComplete, Form, Input, Modal, type FormInstance } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { WallView } from '../../../../common/contract';
import type { WallScope } from '../../../../common/domain/wall/access';
import { useApiMutation } from '../../api';
import { useBilingual } from '../../i18n/useDisplay';
import { ScopeField } from '../forms/ScopeField';
import { useAnyErrorText } from '../forms/useAnyErrorText';
import { markWallFieldErrors } from '../forms/wallFieldErrors';
import { useWallStore } from '../store';

interface Fields {
  name: string;
  scope: WallScope;
}

const FIELDS = ['name', 'scope'] as const;

/**
 * Saves the wall as it is (layout and camera per tile) under a name. A name of a view the operator
 * may change, in the same scope, updates that view instead of making a second one.
 */
export function SaveViewModal({
  open,
  views,
  onClose,
  onSaved,
}: {
  open: boolean;
  views: readonly WallView[];
  onClose: () => void;
  onSaved: (view: WallView) => void;
}) {
  const { t } = useTranslation();
  const pick = useBilingual();
  const errorText = useAnyErrorText();
  const [form] = Form.useForm<Fields>();
  const editable = useMemo(() => views.filter((v) => v.canEdit), [views]);
  const save = useApiMutation('wall.views.save', {
    invalidates: ['wall.views.list'],
    onSuccess: (view) => {
      onSaved(view);
      onClose();
    },
    onError: (error) => {
      markWallFieldErrors(form as FormInstance, error, FIELDS, pick);
    },
  });

  return (
    <Modal
      open={open}
      title={t('wall.views.save')}
      onCancel={onClose}
      destroyOnHidden
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: save.isPending, 'data-testid': 'wall-view-save-ok' }}
      onOk={() => {
        form.submit();
      }}
    >
      <Form<Fields>
        form={form}
        layout="vertical"
        initialValues={{ name: '', scope: 'personal' }}
        data-testid="wall-view-form"
        onFinish={(f) => {
          const name = f.name.trim();
          const { layoutId, cells } = useWallStore.getState();
          const same = editable.find((v) => v.name === name && v.scope === f.scope);
          save.mutate({ ...(same ? { id: same.id } : {}), name, scope: f.scope, layout: layoutId, slots: cells });
        }}
      >
        <Form.Item name="name" label={t('wall.views.name')} rules={[{ required: true, whitespace: true, max: 40 }]}>
          {/* The name is what the operator came to type: the dialog opens on it. */}
          <AutoComplete autoFocus options={editable.map((v) => ({ value: v.name }))}>
            <Input maxLength={40} data-testid="wall-view-name" />
          </AutoComplete>
        </Form.Item>
        <ScopeField testId="wall-view-scope" />
        {save.error && <Alert type="error" showIcon title={errorText(save.error)} />}
      </Form>
    </Modal>
  );
}
