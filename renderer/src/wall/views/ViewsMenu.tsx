import { DownOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, type MenuProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api';
import { useConfirmDelete } from '../forms/useConfirmDelete';
import { SaveViewModal } from './SaveViewModal';
import { showView } from './showView';
import { ViewMenuItem } from './ViewMenuItem';

/** Saved views (personal and shared): restore one, save the wall as one, delete one. */
export function ViewsMenu() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const views = useApiQuery('wall.views.list', {});
  const [saving, setSaving] = useState(false);
  const askDelete = useConfirmDelete('views');
  const rows = views.data?.rows ?? [];

  const items: MenuProps['items'] = [
    ...rows.map((view) => ({
      key: `view:${view.id}`,
      label: (
        <ViewMenuItem
          view={view}
          onDelete={() => {
            askDelete(view);
          }}
        />
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
