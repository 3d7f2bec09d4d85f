import { SearchOutlined } from '@ant-design/icons';
import { Empty, Flex, Input, Spin, Tree, Typography } from 'antd';
import { useMemo, useState, type Key } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api';
import { useDebounced } from '../../components/useDebounced';
import { useElementHeight } from '../../components/useElementHeight';
import { useWallStore } from '../store';
import { CAMERA_KEY_PREFIX, groupKeys, toTreeData } from './treeData';
import { useTreeLabels } from './useTreeLabels';
import { putOnWall, useTreeKeys } from './useTreeKeys';

/**
 * The camera tree beside the wall: grid → station area → workstation → cameras with online dots.
 * Drag a camera onto a tile, or double-click it to put it in the selected tile. By keyboard: the arrow
 * keys move through the tree, Enter puts the camera in the selected tile, and a
 * tile number (1–9, 0; two digits on larger walls) puts it in that tile.
 */
export function CameraTree() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const text = useDebounced(query.trim(), 200);
  const tree = useApiQuery(
    'cameras.tree',
    { filter: text ? { text } : {}, includeEmpty: false },
    { placeholderData: (previous) => previous },
  );
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [boxRef, height] = useElementHeight();
  const onWall = useWallStore((s) => s.cells);

  const labels = useTreeLabels();
  const data = useMemo(() => (tree.data ? toTreeData(tree.data, labels) : []), [tree.data, labels]);
  const expanded = useMemo(() => groupKeys(data).filter((k) => !collapsed.has(k)), [data, collapsed]);
  const cameraIds = useMemo(() => new Set(onWall.filter((c) => c !== null)), [onWall]);

  // The camera the keyboard is on (rc-tree's active node).
  const [active, setActive] = useState<string | null>(null);
  const activeCamera = active?.startsWith(CAMERA_KEY_PREFIX) ? active.slice(CAMERA_KEY_PREFIX.length) : null;
  const onKeyDown = useTreeKeys(active, activeCamera);

  return (
    <Flex
      vertical
      gap={8}
      style={{ height: '100%', minHeight: 0 }}
      data-testid="wall-tree"
      data-active-camera={activeCamera ?? ''}
    >
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('wall.tree.search')}
        data-testid="wall-tree-search"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setCollapsed(new Set());
        }}
      />
      {tree.data && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="wall-tree-counts">
          {t('wall.tree.counts', { online: tree.data.counts.online, total: tree.data.counts.total })}
        </Typography.Text>
      )}
      <div ref={boxRef} style={{ flex: 1, minHeight: 0 }}>
        {tree.isPending ? (
          <Spin />
        ) : data.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('wall.tree.empty')} />
        ) : (
          <Tree
            blockNode
            height={Math.max(height, 100)}
            treeData={data}
            expandedKeys={expanded}
            selectedKeys={[...cameraIds].map((id) => `${CAMERA_KEY_PREFIX}${id}`)}
            multiple
            activeKey={active}
            // Typed as a key, but rc-tree passes null when the active node leaves the tree.
            onActiveChange={(key: Key | null) => {
              setActive(key === null ? null : String(key));
            }}
            onKeyDown={onKeyDown}
            onExpand={(_keys, { node, expanded: open }) => {
              setCollapsed((set) => {
                const next = new Set(set);
                if (open) next.delete(String(node.key));
                else next.add(String(node.key));
                return next;
              });
            }}
            onSelect={() => undefined}
            onDoubleClick={(_e, node) => {
              putOnWall(String(node.key));
            }}
          />
        )}
      </div>
    </Flex>
  );
}
