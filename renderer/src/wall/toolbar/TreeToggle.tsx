import { MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

/** Folds the camera tree away beside the wall, or shows it again. */
export function TreeToggle({ hidden, onChange }: { hidden: boolean; onChange: (hidden: boolean) => void }) {
  const { t } = useTranslation();
  const label = hidden ? t('wallLoss.layout.showTree') : t('wallLoss.layout.hideTree');
  return (
    <Tooltip title={label}>
      <Button
        size="small"
        icon={hidden ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
        aria-label={label}
        aria-pressed={hidden}
        data-testid="wall-tree-toggle"
        onClick={() => {
          onChange(!hidden);
        }}
      />
    </Tooltip>
  );
}
