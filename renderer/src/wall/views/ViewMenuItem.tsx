import { DeleteOutlined } from '@ant-design/icons';
import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WallView } from '../../../../common/contract';
import { RowButton } from '../forms/RowButton';

/** A saved view in the views menu: its name, layout, scope and owner, and delete for those who may. */
export function ViewMenuItem({ view, onDelete }: { view: WallView; onDelete: () => void }) {
  const { t } = useTranslation();
  return (
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
      {view.canEdit && <RowButton icon={<DeleteOutlined />} label={t('wall.views.delete')} danger onClick={onDelete} />}
    </Flex>
  );
}
