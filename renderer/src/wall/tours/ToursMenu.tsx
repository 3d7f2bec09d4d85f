import { DownOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Dropdown, type MenuProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WallTour } from '../../../../common/contract';
import { useApiQuery } from '../../api';
import { useConfirmDelete } from '../forms/useConfirmDelete';
import { TourEditor } from './TourEditor';
import { TourMenuItem } from './TourMenuItem';
import { runTour } from './tourStore';

/** The tours menu: run one (on the wall or the selected tile), create, edit or delete them. */
export function ToursMenu() {
  const { t } = useTranslation();
  const tours = useApiQuery('wall.tours.list', {});
  const [editing, setEditing] = useState<{ tour: WallTour | null } | null>(null);
  const askDelete = useConfirmDelete('tours');

  const rows = tours.data?.rows ?? [];
  const items: MenuProps['items'] = [
    ...rows.map((tour) => ({
      key: `tour:${tour.id}`,
      label: (
        <TourMenuItem
          tour={tour}
          onEdit={() => {
            setEditing({ tour });
          }}
          onDelete={() => {
            askDelete(tour);
          }}
        />
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
