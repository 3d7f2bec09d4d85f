import { DeleteOutlined, DownOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Flex, Tag, Typography, type MenuProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WallView } from '../../../../common/contract';
import { useApiMutation, useApiQuery } from '../../api';
import { useAnyErrorText } from '../forms/useAnyErrorText';
import { SaveViewModal } from './SaveViewModal';
import { showView } from './showView';

/** Saved views (personal and shared): restore one, save the wall as one, delete one. */
export function ViewsMenu() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const errorText = useAnyErrorText();
  const views = useApiQuery('wall.views.list', {});
  const [saving, setSaving] = useState(false);
  const remove = useApiMutation('wall.views.delete', { invalidates: ['wall.views.list'] });
  const rows = views.data?.rows ?? [];

  const askDelete = (view: WallView) => {
    modal.confirm({
      title: t('wall.views.deleteConfirm', { name: view.name }),
      okText: t('wall.views.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        remove.mutateAsync({ id: view.id }).then(
          () => void message.success(t('wall.views.deleted', { name: view.name })),
          (error: unknown) => void message.error(errorText(error)),
        ),
    });
  };

  const items: MenuProps['items'] = [
    ...rows.map((view) => ({
      key: `view:${view.id}`,
      label: (
        <Flex justify="space-between" align="center" gap={12} data-testid="wall-view-item" data-view-id={view.id}>
          <span>
            {view.name} <Tag>{view.layout}</Tag>
            {view.scope === 'shared' && <Tag color="blue">{t('wall.views.shared')}</Tag>}
            {view.scope === 'shared' && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('wall.views.owner', { name: view.ownerName })}
              </Typography.Text>
            )}
          </span>
          {view.canEdit && (
            <Button
              size="small"
              type="text"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('wall.views.delete')}
              onClick={(e) => {
                e.stopPropagation();
                askDelete(view);
              }}
            />
          )}
        </Flex>
      ),
      onClick: () => {
        showView(view);
      },
    })),
    ...(rows.length === 0 ? [{ key: 'none', label: t('wall.views.none'), disabled: true }] : []),
    { type: 'divider' as const },
    {
      key: 'save',
      icon: <SaveOutlined />,
      label: <span data-testid="wall-view-save">{t('wall.views.save')}</span>,
      onClick: () => {
        setSaving(true);
      },
    },
  ];

  return (
    <>
      <Dropdown menu={{ items }} trigger={['click']}>
        <Button size="small" data-testid="wall-views">
          {t('wall.views.menu')} <DownOutlined />
        </Button>
      </Dropdown>
      <SaveViewModal
        open={saving}
        views={rows}
        onClose={() => {
          setSaving(false);
        }}
        onSaved={(view) => void message.success(t('wall.views.saved', { name: view.name }))}
      />
    </>
  );
}
