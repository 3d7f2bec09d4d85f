import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WallTour } from '../../../../common/contract';
import { RowButton } from '../forms/RowButton';

/** A tour in the tours menu: its name, mode and scope, and edit/delete for those who may. */
export function TourMenuItem({ tour, onEdit, onDelete }: { tour: WallTour; onEdit: () => void; onDelete: () => void }) {
  const { t } = useTranslation();
  return (
    <Flex justify="space-between" align="center" gap={12} data-testid="wall-tour-item" data-tour-id={tour.id}>
      <span>
        {tour.name} <Tag>{tour.mode === 'wall' ? t('wall.tours.modeWall') : t('wall.tours.modeTile')}</Tag>
        {tour.scope === 'shared' && <Tag color="blue">{t('wall.views.shared')}</Tag>}
      </span>
      {tour.canEdit && (
        <span>
          <RowButton icon={<EditOutlined />} label={t('wall.tours.edit')} onClick={onEdit} />
          <RowButton icon={<DeleteOutlined />} label={t('wall.tours.delete')} danger onClick={onDelete} />
        </span>
      )}
    </Flex>
  );
}
