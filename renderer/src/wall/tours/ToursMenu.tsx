import { DeleteOutlined, DownOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Flex, Tag, type MenuProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WallTour } from '../../../../common/contract';
import { useApiMutation, useApiQuery } from '../../api';
import { useAnyErrorText } from '../forms/useAnyErrorText';
import { TourEditor } from './TourEditor';
import { runTour } from './tourStore';

/** The tours menu: run one (on the wall or the selected tile), create, edit or delete them. */
export function ToursMenu() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const errorText = useAnyErrorText();
  const tours = useApiQuery('wall.tours.list', {});
  const [editing, setEditing] = useState<{ tour: WallTour | null } | null>(null);
  const remove = useApiMutation('wall.tours.delete', { invalidates: ['wall.tours.list'] });

  const askDelete = (tour: WallTour) => {
    modal.confirm({
      title: t('wall.tours.deleteConfirm', { name: tour.name }),
      okText: t('wall.tours.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        remove.mutateAsync({ id: tour.id }).then(
          () => void message.success(t('wall.tours.deleted', { name: tour.name })),
          (error: unknown) => void message.error(errorText(error)),
        ),
    });
  };

  const rows = tours.data?.rows ?? [];
  const items: MenuProps['items'] = [
    ...rows.map((tour) => ({
      key: `tour:${tour.id}`,
      label: (
        <Flex justify="space-between" align="center" gap={12} data-testid="wall-tour-item" data-tour-id={tour.id}>
          <span>
            {tour.name} <Tag>{tour.mode === 'wall' ? t('wall.tours.modeWall') : t('wall.tours.modeTile')}</Tag>
            {tour.scope === 'shared' && <Tag color="blue">{t('wall.views.shared')}</Tag>}
          </span>
          {tour.canEdit && (
            <span>
              <Button
                size="small"
                type="text"
                icon={<EditOutlined />}
                aria-label={t('wall.tours.edit')}
                onClick={(e) => {
                  e.stopPropagation();
                  setEditing({ tour });
                }}
              />
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('wall.tours.delete')}
                onClick={(e) => {
                  e.stopPropagation();
                  askDelete(tour);
                }}
              />
            </span>
          )}
        </Flex>
      ),
      onClick: () => {
        runTour(tour);
      },
    })),
    ...(rows.length === 0 ? [{ key: 'none', label: t('wall.tours.none'), disabled: true }] : []),
    { type: 'divider' as const },
    {
      key: 'create',
      icon: <PlusOutlined />,
      label: <span data-testid="wall-tour-create">{t('wall.tours.create')}</span>,
      onClick: () => {
        setEditing({ tour: null });
      },
    },
  ];

  return (
    <>
      <Dropdown menu={{ items }} trigger={['click']}>
        <Button size="small" data-testid="wall-tours">
          {t('wall.tours.menu')} <DownOutlined />
        </Button>
      </Dropdown>
      <TourEditor
        open={editing !== null}
        tour={editing?.tour ?? null}
        onClose={() => {
          setEditing(null);
        }}
      />
    </>
  );
}
