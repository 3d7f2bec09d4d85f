import { DeleteOutlined, PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistItem } from '../../../../../common/contract/duty-handover';
import { useApiMutation, useApiQuery } from '../../../api';
import { useErrorText } from '../../../i18n/useDisplay';

/** A chief edits the unit's handover checklist; new items get ids the hub keeps stable. */
export function ChecklistEditor() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<ChecklistItem[]>([]);
  const current = useApiQuery('duty.checklist.get', {});
  const save = useApiMutation('duty.checklist.set', {
    invalidates: ['duty.checklist.get', 'duty.handover.preview'],
    onSuccess: () => {
      void message.success(t('duty.checklistEdit.saved'));
      setOpen(false);
    },
  });
  return (
    <>
      <Button
        icon={<SettingOutlined />}
        disabled={!current.data}
        data-testid="checklist-edit"
        onClick={() => {
          setItems(current.data ?? []);
          save.reset();
          setOpen(true);
        }}
      >
        {t('duty.checklistEdit.title')}
      </Button>
      <Modal
        open={open}
        title={t('duty.checklistEdit.title')}
        confirmLoading={save.isPending}
        okButtonProps={{ 'data-testid': 'checklist-save' }}
        onCancel={() => {
          setOpen(false);
        }}
        onOk={() => {
          save.mutate({ items });
        }}
      >
        <Flex vertical gap={6}>
          {items.map((item, i) => (
            <Flex key={item.id} gap={6}>
              <Input
                value={item.label}
                maxLength={60}
                placeholder={t('duty.checklistEdit.item')}
                onChange={(e) => {
                  setItems((list) => list.map((x, j) => (j === i ? { ...x, label: e.target.value } : x)));
                }}
              />
              <Button
                icon={<DeleteOutlined />}
                aria-label="delete"
                onClick={() => {
                  setItems((list) => list.filter((_, j) => j !== i));
                }}
              />
            </Flex>
          ))}
          <Button
            icon={<PlusOutlined />}
            onClick={() => {
              // Ids only need to be unique within the list; time keeps them so across edits.
              setItems((list) => [...list, { id: `c${Date.now().toString(36)}`, label: '' }]);
            }}
          >
            {t('duty.checklistEdit.add')}
          </Button>
          {save.error && <Alert type="error" showIcon title={errorText(save.error)} />}
        </Flex>
      </Modal>
    </>
  );
}
