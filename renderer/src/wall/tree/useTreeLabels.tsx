import { Badge, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Camera } from '../../../../common/contract';
import { startCameraDrag } from '../dnd';
import type { TreeLabels } from './treeData';

const DOT = { online: 'success', offline: 'error', unknown: 'default' } as const;

/** How the camera tree shows a group (name, online/total) and a camera (online dot; dragged onto a tile). */
export function useTreeLabels(): TreeLabels {
  const { t } = useTranslation();
  return useMemo<TreeLabels>(
    () => ({
      group: (kind, name, online, total) => (
        <span data-testid={`wall-tree-${kind}`}>
          {name}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {online}/{total}
          </Typography.Text>
        </span>
      ),
      camera: (c: Camera) => (
        <span
          draggable={c.enabled}
          onDragStart={(e) => {
            startCameraDrag(e, c.id);
          }}
          data-testid="wall-tree-camera"
          data-camera-id={c.id}
          data-online={c.online}
          title={t('wall.tree.cameraHint')}
          style={{ cursor: c.enabled ? 'grab' : 'not-allowed', opacity: c.enabled ? 1 : 0.5 }}
        >
          <Badge status={DOT[c.online]} title={t(`wall.online.${c.online}`)} /> {c.name}
        </span>
      ),
      noStation: t('wall.tree.noStation'),
      unplaced: t('wall.tree.unplaced'),
    }),
    [t],
  );
}
